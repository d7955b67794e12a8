/**
 * Slugs: how a content file's name becomes its address. Shared by the collections (their loaders'
 * ids), the checker and the search index.
 */
import { posix } from 'node:path';

/** Lower-case ASCII letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug an article file gets: its file name, or its folder's name for `index.md(x)`. */
export function articleSlugOf(path: string): string {
	const { name, dir } = posix.parse(path);
	return name === 'index' ? posix.basename(dir) : name;
}

/** The slug a product or audit file gets: its file name. */
export function dataSlugOf(path: string): string {
	return posix.parse(path).name;
}

/** A name made a slug: "Maren Holt" → `maren-holt` (accents dropped; empty when nothing is left). */
export function slugOfName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}
