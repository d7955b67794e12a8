/**
 * The files `/admin/` serves: Sveltia CMS's script (pinned in package.json) and the three fonts it
 * would otherwise fetch from a CDN, taken from their own pinned packages. The script's font
 * addresses are rewritten to ours; if a new Sveltia version no longer has one of them, the build
 * stops and says so, rather than shipping an editor that calls a CDN or shows icons as words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Every file the editor serves, by its path below the editor's, with its content. */
export function editorFiles(base: string): Map<string, () => Buffer> {
	const files = new Map<string, () => Buffer>([['sveltia-cms.js', () => editorScript(base)]]);
	for (const font of FONTS) {
		const path = join(packageDir(font.pkg), 'files', font.file);
		files.set(`${FONT_FOLDER}/${font.file}`, () => readFileSync(path));
	}
	return files;
}
