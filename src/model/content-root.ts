/**
 * Where the content lives. `content/` at the repository root unless `HANGAR_CONTENT_DIR` names
 * another folder (the tests build small fixture sites this way).
 */
import { resolve } from 'node:path';

/** The content folder as given (relative to the repository root), e.g. `content`. */
export const CONTENT_DIR = (process.env['HANGAR_CONTENT_DIR'] ?? 'content').replace(/\/+$/, '');

/** The content folder as an absolute path. */
export const CONTENT_PATH = resolve(CONTENT_DIR);

/**
 * The time the build treats as "now": articles dated later are scheduled, not published.
 * `HANGAR_BUILD_TIME` (ISO 8601) fixes it, so tests and reproducible builds can choose it.
 */
export function buildTime(): Date {
	const fixed = process.env['HANGAR_BUILD_TIME'];
	const date = fixed ? new Date(fixed) : new Date();
	if (Number.isNaN(date.getTime()))
		throw new Error(`HANGAR_BUILD_TIME="${fixed}" is not an ISO 8601 date`);
	return date;
}

/**
 * Astro's `cacheDir` for a content folder, relative to the repository root: `node_modules/.astro`
 * for `content`, and one of its own for any other (a fixture site), so that builds of different
 * content never share a content-layer cache. The tests empty it to build from cold.
 */
export function cacheDirFor(contentDir: string): string {
	const dir = contentDir.replace(/\/+$/, '');
	return dir === 'content'
		? 'node_modules/.astro'
		: `node_modules/.astro-${dir.replace(/[^\w-]+/g, '_')}`;
}
