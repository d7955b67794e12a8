// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import process from 'node:process';
import { defineConfig } from 'astro/config';
import { cacheDirFor, CONTENT_DIR, unwatched } from './src/environment.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { buildCaches } from './src/integrations/build-caches.ts';
import { editor } from './src/integrations/editor.ts';
import { hastPlugins } from './src/integrations/markdown.ts';
import { publishing } from './src/integrations/publishing.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { SITE } from './src/site.config.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
	site: SITE.url,
	trailingSlash: 'always',
	// Several pages in flight at once: social cards and images are encoded by sharp on libuv's
	// threads, so the second core works while the main thread renders the next page.
	// Stylesheets as files rather than inlined in every page: cached once by the browser, each
	// page's HTML a few KB smaller, and fewer hashes in the Content-Security-Policy.
	build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
	// A fixture site (HANGAR_CONTENT_DIR) keeps its own content-layer cache, so builds of different
	// content never share one.
	cacheDir: `./${cacheDirFor(CONTENT_DIR)}`,
	integrations: [
		contentCheck({ root: process.cwd(), contentDir: CONTENT_DIR }),
		mdx(),
		// The browser editor at /admin/ (docs/editing.md), unless the site config says `editor: false`.
		editor({ enabled: SITE.editor !== false }),
		// Sitemap, _headers (CSP from the built pages) and _redirects: after every page is written.
		...publishing(SITE),
		// Last but one: its astro:build:done waits for Pagefind, which writes the index in its own
		// process while the hooks before it scan the pages (the index starts at astro:build:generated).
		searchIndex(),
		// After every other: keeps a build that stopped half-way from leaving caches the next build
		// publishes from (docs/deploy.md).
		buildCaches(),
	],
	// MDX extends this Markdown configuration, so both get the same fixes.
	markdown: { processor: satteri({ hastPlugins }) },
	image: {
		service: {
			entrypoint: 'astro/assets/services/sharp',
			// AVIF at sharp's default effort (4) took ~6 s per lead image on a 2-core machine; effort 2
			// is several times faster for files a few per cent larger.
			config: { avif: { effort: 2, quality: 55 }, webp: { quality: 78 } },
		},
	},
	devToolbar: { enabled: false },
	// The dev server watches the site's code and content, not build output or scratch folders.
	vite: { server: { watch: { ignored: unwatched } } },
	// A rebuild copies every page whose data and code are unchanged from the last build instead of
	// rendering it again (pages give their data's key in getStaticPaths: src/publish/page-keys.ts). The
	// copies are kept in cacheDir, which CI should keep between runs, as docs/deploy.md shows.
	experimental: { incrementalBuild: true },
});
