/**
 * Which built pages are article pages, and which of them the last build left in Astro's incremental
 * cache (`<cacheDir>/dist/`). A rebuild hands those copies to Pagefind the moment it starts, so the
 * pages it will copy are indexed on the second core while Astro bundles, instead of being read from
 * the output after the last page: that read was a quarter of a rebuild after one edit (3 of 12 s at
 * 1,000 articles). Astro empties the output folder before every build and restores each page it
 * copies from that very file, so what Pagefind read ahead is the page the build publishes; a page
 * the build renders instead is handed to Pagefind again, and Pagefind keeps the last page per URL.
 */
import { existsSync } from 'node:fs';
import { articleUrl, isPageNumber } from '../model/urls.ts';
import { filesUnder, urlPathOf } from './built-files.ts';

/**
 * The built files of the article pages, as a Pagefind glob: the only pages with
 * `data-pagefind-body`, as in `astro dev`. Reading the listing pages too cost Pagefind half again
 * as long (12.3 s instead of 6.8 s for 7,860 pages), to find nothing to index in them.
 */
export const ARTICLE_PAGES = `${articleUrl('*').slice(1)}index.html`;

const [ARTICLE_PREFIX = '', ARTICLE_SUFFIX = ''] = articleUrl('\0').split('\0');

/**
 * Whether a URL path is an article page's (`articleUrl(slug)` for some slug), not a later page of
 * the article listing: a slug of digits alone is refused by the check for that reason.
 */
export function isArticlePath(path: string): boolean {
	if (!path.startsWith(ARTICLE_PREFIX) || !path.endsWith(ARTICLE_SUFFIX)) return false;
	const slug = path.slice(ARTICLE_PREFIX.length, path.length - ARTICLE_SUFFIX.length);
	return slug !== '' && !slug.includes('/') && !isPageNumber(slug);
}

/** The URL paths of the article pages in a folder of built pages (none when there is no folder). */
export function articlePathsIn(dir: string): Set<string> {
	if (!existsSync(dir)) return new Set();
	return new Set(
		filesUnder(dir)
			.filter((file) => file.endsWith('.html'))
			.map((file) => urlPathOf(dir, file))
			.filter(isArticlePath)
	);
}
