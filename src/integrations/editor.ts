/**
 * The browser editor at `/admin/` (docs/editing.md): Sveltia CMS, pinned in package.json and
 * served from the site's own files, fonts included, never from a CDN. The page and the
 * configuration generated from the content model are routes (`src/editor/pages/`); the editor's
 * script and fonts (`src/editor/files.ts`) are written into the build, and served by `astro dev`. With `editor: false` in the site config
 * there is no `/admin/` at all.
 * @see https://github.com/sveltia/sveltia-cms
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorConfig } from '../editor/config.ts';
import { editorFiles, editorImportMap } from '../editor/files.ts';
import { describeModel } from '../model/describe.ts';
import { failOn } from './build-error.ts';

/** Where the editor lives on the site. */
export const EDITOR_PATH = '/admin/';

/**
 * What stops the editor from being built, checked before anything is: a Sveltia version whose
 * script no longer loads what `files.ts` expects, a collection without a field to name its entries.
 * Each as a sentence with its fix, never a stack trace.
 */
export function editorProblems(): string[] {
	const checks = [
		// Every file it serves is found (a package npm no longer installs is named), and the script's
		// font addresses are still the ones rewritten.
		() => [...editorFiles(EDITOR_PATH).values()].forEach((read) => read()),
		() => editorImportMap(EDITOR_PATH),
		() => editorConfig({ model: describeModel(), contentDir: '', siteUrl: '', tags: [] }),
	];
	return checks.flatMap((check) => {
		try {
			check();
			return [];
		} catch (error) {
			return [(error as Error).message];
		}
	});
}

/** Astro integration: the editor's routes and files, when the site config turns it on. */
export function editor(options: { enabled: boolean }): AstroIntegration {
	return {
		name: 'hangar:editor',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				if (!options.enabled) return;
				failOn('Editor errors', editorProblems());
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
				const files = editorFiles(EDITOR_PATH);
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '').split('?')[0] ?? '';
					const read = path.startsWith(EDITOR_PATH) && files.get(path.slice(EDITOR_PATH.length));
					if (!read) return next();
					const type = path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'font/woff2';
					res.setHeader('content-type', type);
					res.end(read());
				});
			},
			'astro:build:done': ({ dir }) => {
				if (!options.enabled) return;
				const out = join(fileURLToPath(dir), EDITOR_PATH);
				for (const [name, read] of editorFiles(EDITOR_PATH)) {
					mkdirSync(dirname(join(out, name)), { recursive: true });
					writeFileSync(join(out, name), read());
				}
			},
		},
	};
}
