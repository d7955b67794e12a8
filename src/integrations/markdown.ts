/**
 * The Markdown processor's own plugins (MDX extends the same configuration), stamped with a digest
 * of their code. Astro keeps each body's rendered HTML in its content store and throws the store
 * away only when the Astro config changes, which it compares as JSON: a plugin's code is not in
 * that JSON, so a Hangar update that changed what a plugin writes would leave every unchanged
 * article's HTML as the old code wrote it, wherever `cacheDir` is kept between builds. The digest
 * is a property of each plugin, so it is in that JSON.
 * @see node_modules/astro/dist/content/content-layer.js (astro-config-digest)
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { bodyImages } from './body-images.ts';
import { proseA11y } from './prose-a11y.ts';

/** The files whose code decides what the plugins write. */
const SOURCES = ['./prose-a11y.ts', './body-images.ts', '../publish/article-images.ts'];

const revision = createHash('sha256')
	.update(SOURCES.map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\0'))
	.digest('hex')
	.slice(0, 16);

/** The plugins for `satteri({ hastPlugins })`. */
export const hastPlugins = [proseA11y, bodyImages].map((plugin) => ({ ...plugin, revision }));
