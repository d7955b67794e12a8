/**
 * What the build writes for crawlers and the static host once every page exists: the sitemap
 * (`@astrojs/sitemap`, with each page's `lastmod` read from its own `og:updated_time` and pages
 * marked `noindex` left out), `_headers` with a Content-Security-Policy whose hashes come from the
 * inline scripts and styles of the built pages (so inline code added later is covered without
 * anyone listing it), and `_redirects` from the site config.
 *
 * Astro's own `security.csp` is not used: it writes a per-page `<meta>` policy (which cannot carry
 * `frame-ancestors`), leaves `is:inline` scripts such as the theme bootstrap to hand-kept hashes, and
 * gives its headers only to adapters, while this site is plain static files.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	addHashes,
	contentSecurityPolicy,
	emptyHashes,
	headerRules,
	headersFile,
	inlineCode,
} from '../publish/headers.ts';
import { commentsCsp, mergeCsp } from '../comments/model.ts';
import { COMMENTS } from '../comments/site-settings.ts';
import { headAndInlineCode, parseHtml } from '../publish/html.ts';
import { filesUnder, urlPathOf } from './built-files.ts';
import {
	REDIRECTS_SOURCE,
	redirectProblems,
	redirectsFile,
	type RedirectPlace,
} from '../publish/redirects.ts';
import { pageFacts, type PageFacts } from '../publish/sitemaps.ts';
import { absoluteUrl } from '../model/urls.ts';
import { editorCsp } from '../editor/csp.ts';
import { failOn } from './build-error.ts';
import { newsletterCsp } from '../publish/newsletter.ts';
import { indexNowKeyPath } from '../publish/notify.ts';
import { EDITOR_PATH } from './editor.ts';
import { CONTENT_DIR } from '../environment.ts';
import type { SiteConfig } from '../model/site-schema.ts';
import { readContentRedirects, type ContentRedirects } from '../check/read.ts';

/** The longest header value Cloudflare Pages accepts in `_headers`. */
const HEADER_VALUE_LIMIT = 2000;

/** Stops the build with the redirects' problems, as a report. */
const failOnRedirects = (problems: readonly string[]) => failOn('Redirect errors', problems);

/**
 * The integrations, in the order their `astro:build:done` hooks must run. `_redirects` gets the
 * content folder's `redirects.yaml` (written by `npm run import`) first, so that a wildcard in
 * the site config never hides an old article's own redirect, then the site config's.
 */
export function publishing(
	site: SiteConfig,
	content: ContentRedirects = readContentRedirects(process.cwd(), CONTENT_DIR)
): AstroIntegration[] {
	const redirects = [...content.rules, ...site.redirects];
	const where = (index: number): RedirectPlace =>
		index < content.rules.length
			? { file: content.file, entry: `[${index}]` }
			: { file: REDIRECTS_SOURCE, entry: `redirects[${index - content.rules.length}]` };
	const facts = new Map<string, PageFacts>();
	const paths = new Set<string>();
	let hashes = emptyHashes();
	/** The editor's page has a policy of its own: nothing of it widens the pages'. */
	let editorHashes = emptyHashes();

	const scan: AstroIntegration = {
		name: 'hangar:page-scan',
		hooks: {
			'astro:config:setup': () => failOnRedirects(redirectProblems(redirects, new Set(), where)),
			'astro:build:done': ({ dir }) => {
				const root = fileURLToPath(dir);
				hashes = emptyHashes();
				editorHashes = emptyHashes();
				for (const file of filesUnder(root)) {
					const path = urlPathOf(root, file);
					paths.add(path);
					if (!file.endsWith('.html')) continue;
					const doc = parseHtml(headAndInlineCode(readFileSync(file, 'utf8')));
					facts.set(absoluteUrl(site.url, path), pageFacts(doc));
					addHashes(path.startsWith(EDITOR_PATH) ? editorHashes : hashes, inlineCode(doc));
				}
			},
		},
	};

	const deployFiles: AstroIntegration = {
		name: 'hangar:deploy-files',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				failOnRedirects(redirectProblems(redirects, paths, where));
				// IndexNow's key file, which proves that `npm run notify` speaks for the site.
				if (site.indexNow) {
					const { key } = site.indexNow;
					writeFileSync(join(root, indexNowKeyPath(key)), key);
				}
				const top = readdirSync(root, { withFileTypes: true });
				// The comment form posts (and, with JavaScript, fetches) to the intake service's origin.
				const comments = commentsCsp(COMMENTS);
				// …and the newsletter form to its provider.
				const csp = contentSecurityPolicy(
					hashes,
					mergeCsp(site.cspAdditions, comments, newsletterCsp(site.newsletter))
				);
				if (csp.length > HEADER_VALUE_LIMIT) {
					logger.warn(
						`The Content-Security-Policy is ${csp.length} characters long; Cloudflare Pages takes at most ${HEADER_VALUE_LIMIT}. Most of it is hashes of inline <style> blocks: \`build.inlineStylesheets: 'never'\` in astro.config.mjs removes them.`
					);
				}
				const rules = headerRules(
					csp,
					{
						folders: top.filter((e) => e.isDirectory()).map((e) => e.name),
						files: top.filter((e) => e.isFile()).map((e) => e.name),
					},
					site.editor === false
						? undefined
						: {
								folder: EDITOR_PATH.replaceAll('/', ''),
								csp: editorCsp(site.editor.backend, [...editorHashes.scripts].sort()),
							}
				);
				writeFileSync(join(root, '_headers'), headersFile(rules));
				writeFileSync(join(root, '_redirects'), redirectsFile(redirects));
				logger.info(
					`_headers: CSP allows ${hashes.scripts.size} inline script(s), ${hashes.styles.size} style element(s) and ${hashes.styleAttributes.size} style attribute(s) by hash; _redirects: ${redirects.length} redirect(s)`
				);
			},
		},
	};

	return [
		scan,
		sitemap({
			// Pages are directories; feeds, images and the 404 page are not pages to index.
			filter: (url) => url.endsWith('/') && facts.get(url)?.noindex !== true,
			serialize: (item) => {
				const lastmod = facts.get(item.url)?.lastmod;
				return lastmod ? { ...item, lastmod } : item;
			},
			customSitemaps: [absoluteUrl(site.url, '/news-sitemap.xml')],
		}),
		deployFiles,
	];
}
