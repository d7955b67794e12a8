/**
 * Cache keys of pages for Astro's incremental builds (`experimental.incrementalBuild`): a page
 * whose key and code are unchanged since the last build is copied from it instead of rendered.
 * A key must therefore change whenever anything the page shows changes. Astro itself tracks the
 * page's code (its module graph, `src/site.config.ts` included) and the article bodies it renders;
 * the key covers the data: every article, product, audit and tag the page shows, with each
 * article's digest (a hash of its whole file and of its body's image files: `withImagesDigest` in
 * `src/content.ts`), so an edit reaches every page it appears on.
 */
import { createHash } from 'node:crypto';

function serialisable(_key: string, value: unknown): unknown {
	if (value instanceof Map) return [...value.entries()];
	if (value instanceof Set) return [...value.values()];
	return value;
}

/** A key for a page from everything it shows: a hash of their JSON (Maps and Sets as lists). */
export function pageKey(...data: unknown[]): string {
	return createHash('sha256')
		.update(JSON.stringify(data, serialisable))
		.digest('base64url')
		.slice(0, 32);
}

/** Adds to each path of `getStaticPaths` a cache key made from its props: for pages that show nothing else. */
export function withPageKeys<T extends { props: object }>(
	paths: readonly T[]
): (T & { cacheKey: string })[] {
	return paths.map((path) => ({ ...path, cacheKey: pageKey(path.props) }));
}
