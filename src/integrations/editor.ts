/**
 * The browser editor at `/admin/` (docs/editing.md): Sveltia CMS, pinned in package.json and
 * served from the site's own files, never from a CDN. The page and the configuration generated
 * from the content model are routes (`src/editor/pages/`); the editor's script is copied into the
 * build, and served from node_modules by `astro dev`. With `editor: false` in the site config
 * there is no `/admin/` at all.
 * @see https://github.com/sveltia/sveltia-cms
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The editor's files: its script and the chunk it loads for custom previews, by served name. */
function editorFiles(): Map<string, string> {
	const dist = join(dirname(fileURLToPath(import.meta.resolve('@sveltia/cms'))), '..', 'dist');
	return new Map([
		['sveltia-cms.js', join(dist, 'sveltia-cms.js')],
		['chunks/react-dom.js', join(dist, 'chunks', 'react-dom.js')],
	]);
}

/** Where the editor lives on the site. */
export const EDITOR_PATH = '/admin/';

/** Astro integration: the editor's routes and files, when the site config turns it on. */
export function editor(options: { enabled: boolean }): AstroIntegration {
	return {
		name: 'hangar:editor',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				if (!options.enabled) return;
				const page = (file: string) => new URL(`../editor/pages/${file}`, import.meta.url);
				injectRoute({ pattern: EDITOR_PATH, entrypoint: page('admin.astro'), prerender: true });
				injectRoute({
					pattern: `${EDITOR_PATH}config.yml`,
					entrypoint: page('config.yml.ts'),
					prerender: true,
				});
			},
			'astro:server:setup': ({ server }) => {
				if (!options.enabled) return;
				const files = editorFiles();
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '').split('?')[0] ?? '';
					const file = path.startsWith(EDITOR_PATH) && files.get(path.slice(EDITOR_PATH.length));
					if (!file) return next();
					res.setHeader('content-type', 'text/javascript; charset=utf-8');
					res.end(readFileSync(file));
				});
			},
			'astro:build:done': ({ dir }) => {
				if (!options.enabled) return;
				const out = join(fileURLToPath(dir), EDITOR_PATH);
				for (const [name, file] of editorFiles()) {
					mkdirSync(dirname(join(out, name)), { recursive: true });
					copyFileSync(file, join(out, name));
				}
			},
		},
	};
}
