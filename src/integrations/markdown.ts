/**
 * The Markdown processor's own plugins (MDX extends the same configuration), stamped with a digest
 * of their code. Astro keeps each body's rendered HTML in its content store and throws the store
 * away only when the Astro config changes, which it compares as JSON: a plugin's code is not in
 * that JSON, so a Hangar update that changed what a plugin writes would leave every unchanged
 * article's HTML as the old code wrote it, wherever `cacheDir` is kept between builds; so would a
 * new Sätteri. The digest, of the plugins' code and Sätteri's versions, is a property of each
 * plugin, so it is in that JSON.
 * @see node_modules/astro/dist/content/content-layer.js (astro-config-digest)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bodyImages } from './body-images.ts';
import { proseA11y } from './prose-a11y.ts';

/** The plugins' own files: what they import from Hangar is followed from there. */
const PLUGIN_FILES = ['./prose-a11y.ts', './body-images.ts'];
/** The packages that turn Markdown into HTML: Astro clears its store for a new Astro only. */
const PACKAGES = ['satteri', '@astrojs/markdown-satteri'];

const require = createRequire(import.meta.url);

/** The version of an installed package, from the `package.json` above its entry point. */
function versionOf(name: string): string {
	for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
		const file = join(dir, 'package.json');
		if (!existsSync(file)) continue;
		const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
		if (manifest.name === name) return manifest.version ?? '';
	}
	return '';
}

/** A module's relative imports, as written (`'../model/fields.ts'`). */
const RELATIVE_IMPORT = /^(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm;

/**
 * The Hangar files whose code decides what the plugins write: the plugins' files and every file
 * they import, however deep, by their address.
 */
export function pluginSources(entries = PLUGIN_FILES): URL[] {
	const seen = new Map<string, URL>();
	const visit = (file: URL) => {
		if (seen.has(file.href)) return;
		seen.set(file.href, file);
		for (const [, path] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
			if (path) visit(new URL(path, file));
		}
	};
	for (const entry of entries) visit(new URL(entry, import.meta.url));
	return [...seen.values()];
}

const revision = createHash('sha256')
	.update(
		pluginSources()
			.map((file) => readFileSync(file, 'utf8'))
			.join('\0')
	)
	.update(PACKAGES.map((name) => `${name}@${versionOf(name)}`).join('\0'))
	.digest('hex')
	.slice(0, 16);

/** The plugins for `satteri({ hastPlugins })`. */
export const hastPlugins = [proseA11y, bodyImages].map((plugin) => ({ ...plugin, revision }));
