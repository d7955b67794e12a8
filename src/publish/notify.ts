/**
 * Telling search engines at once (`npm run notify`): the pages that changed between two builds,
 * read from their sitemaps (a page is new, or its `lastmod` moved), submitted to IndexNow; and the
 * WebSub hub told that the site's feeds changed. Pure: the script reads, fetches and posts.
 * @see https://www.indexnow.org/documentation
 * @see https://www.w3.org/TR/websub/#publishing
 */
import { XMLParser } from 'fast-xml-parser';

/** IndexNow takes at most this many URLs in one request. */
export const INDEXNOW_BATCH = 10_000;

/** The file under the site's root that proves the key is the site owner's: `<key>.txt`. */
export function indexNowKeyPath(key: string): string {
	return `/${key}.txt`;
}

const parser = new XMLParser({
	ignoreAttributes: true,
	isArray: (name) => name === 'url' || name === 'sitemap',
});

/** A sitemap or sitemap index as text. */
export interface ParsedSitemap {
	/** Page URL → its `lastmod` as written ('' without one). */
	pages: Map<string, string>;
	/** The sitemaps a sitemap index lists. */
	sitemaps: string[];
}

/** Reads a sitemap (`<urlset>`) or a sitemap index (`<sitemapindex>`). */
export function parseSitemap(xml: string): ParsedSitemap {
	const doc = parser.parse(xml) as {
		urlset?: { url?: { loc?: string; lastmod?: string }[] };
		sitemapindex?: { sitemap?: { loc?: string }[] };
	};
	const pages = new Map<string, string>();
	for (const url of doc.urlset?.url ?? []) {
		if (url.loc) pages.set(String(url.loc).trim(), String(url.lastmod ?? '').trim());
	}
	const sitemaps = (doc.sitemapindex?.sitemap ?? []).flatMap((s) => (s.loc ? [String(s.loc)] : []));
	return { pages, sitemaps };
}

/** The pages of `next` that `previous` lacks or lists with another `lastmod`, in `next`'s order. */
export function changedPages(
	previous: ReadonlyMap<string, string>,
	next: ReadonlyMap<string, string>
): string[] {
	return [...next].filter(([url, lastmod]) => previous.get(url) !== lastmod).map(([url]) => url);
}

/** The JSON bodies to POST to an IndexNow endpoint for `urls` of the site at `siteUrl`. */
export function indexNowRequests(
	siteUrl: string,
	key: string,
	urls: readonly string[]
): { host: string; key: string; keyLocation: string; urlList: string[] }[] {
	const site = new URL(siteUrl);
	const own = urls.filter((u) => URL.canParse(u) && new URL(u).host === site.host);
	const batches: string[][] = [];
	for (let i = 0; i < own.length; i += INDEXNOW_BATCH)
		batches.push(own.slice(i, i + INDEXNOW_BATCH));
	return batches.map((urlList) => ({
		host: site.host,
		key,
		keyLocation: new URL(indexNowKeyPath(key), site).href,
		urlList,
	}));
}

/** The form body that tells a WebSub hub a feed changed. */
export function websubPing(feedUrl: string): string {
	return new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feedUrl }).toString();
}
