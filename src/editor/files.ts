/**
 * The files `/admin/` serves: Sveltia CMS's script (pinned in package.json) and the three fonts it
 * would otherwise fetch from a CDN, taken from their own pinned packages. The script's font
 * addresses are rewritten to ours; if a new Sveltia version no longer has one of them, the build
 * stops and says so, rather than shipping an editor that calls a CDN or shows icons as words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_PATH } from '../environment.ts';

/** A package's folder: the nearest folder above its entry point that holds its package.json. */
function packageDir(name: string): string {
	let dir = dirname(fileURLToPath(import.meta.resolve(name)));
	while (!existsSync(join(dir, 'package.json')) || !dir.endsWith(name)) {
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`The package ${name} is not installed: run npm ci`);
		dir = parent;
	}
	return dir;
}

/** Each font Sveltia loads: the address in its script, and the same file from a pinned package. */
const FONTS = [
	{
		cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2',
		pkg: '@fontsource-variable/source-sans-3',
		file: 'source-sans-3-latin-wght-normal.woff2',
	},
	{
		cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2',
		pkg: '@fontsource/noto-mono',
		file: 'noto-mono-latin-400-normal.woff2',
	},
	{
		cdn: 'https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2',
		pkg: '@fontsource-variable/material-symbols-outlined',
		file: 'material-symbols-outlined-latin-wght-normal.woff2',
	},
] as const;

/** Where the editor's fonts are served, below the editor's own path. */
const FONT_FOLDER = 'fonts';

/** Sveltia's script with its fonts loaded from `base` (the editor's path, e.g. `/admin/`). */
export function editorScript(base: string): Buffer {
	const file = join(packageDir('@sveltia/cms'), 'dist', 'sveltia-cms.js');
	let text = readFileSync(file, 'utf8');
	const missing = FONTS.filter((font) => !text.includes(font.cdn));
	if (missing.length > 0) {
		throw new Error(
			`Sveltia CMS no longer loads ${missing.map((f) => f.cdn).join(', ')}: update FONTS in src/editor/files.ts to the addresses its script now has, and the font packages to match.`
		);
	}
	for (const font of FONTS) text = text.replaceAll(font.cdn, `${base}${FONT_FOLDER}/${font.file}`);
	return Buffer.from(text);
}

/** Where the editor's copy of Immutable.js is served, below the editor's own path. */
const IMMUTABLE_FILE = 'vendor/immutable.es.js';

/**
 * The import map that sends Sveltia's import of Immutable.js (which it loads from unpkg.com once a
 * preview template is registered) to the site's own copy, the version npm installed beside it.
 * Sveltia names the version in its script (`immutable:`^5.1.9``); if it no longer does, the build
 * stops and says so.
 */
export function editorImportMap(base: string): string {
	const script = readFileSync(join(packageDir('@sveltia/cms'), 'dist', 'sveltia-cms.js'), 'utf8');
	const version = /\bimmutable:`\D?(\d+\.\d+\.\d+)`/.exec(script)?.[1];
	if (!version) {
		throw new Error(
			'Sveltia CMS no longer names the Immutable.js version it loads: update editorImportMap in src/editor/files.ts to the way its script now loads Immutable.js.'
		);
	}
	const cdn = `https://unpkg.com/immutable@${version}/dist/immutable.es.js`;
	return JSON.stringify({ imports: { [cdn]: `${base}${IMMUTABLE_FILE}` } });
}

/** Every file the editor serves, by its path below the editor's, with its content. */
export function editorFiles(base: string): Map<string, () => Buffer> {
	const files = new Map<string, () => Buffer>([['sveltia-cms.js', () => editorScript(base)]]);
	// Chunks Sveltia loads beside its script when it needs them (React DOM for the preview).
	const chunks = join(packageDir('@sveltia/cms'), 'dist', 'chunks');
	for (const name of readdirSync(chunks).filter((n) => n.endsWith('.js'))) {
		files.set(`chunks/${name}`, () => readFileSync(join(chunks, name)));
	}
	const immutable = join(packageDir('immutable'), 'dist', 'immutable.es.js');
	files.set(IMMUTABLE_FILE, () => readFileSync(immutable));
	for (const font of FONTS) {
		const path = join(packageDir(font.pkg), 'files', font.file);
		files.set(`${FONT_FOLDER}/${font.file}`, () => readFileSync(path));
	}
	return files;
}

/**
 * The subfolders of `articlesDir` that group articles written as one file (`2019/<slug>.md`), not
 * an article's own folder (`<slug>/index.md`): the editor lists each as a collection of its own.
 */
export function articleGroups(articlesDir: string = join(CONTENT_PATH, 'articles')): string[] {
	if (!existsSync(articlesDir)) return [];
	return readdirSync(articlesDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.filter((name) => {
			const files = readdirSync(join(articlesDir, name));
			return !files.some((f) => /^index\.mdx?$/.test(f)) && files.some((f) => f.endsWith('.md'));
		})
		.sort();
}
