/**
 * The only place site paths are built. Every page is a directory with a trailing slash, as the
 * content contract promises.
 */

/** Path of the listing of all articles, or one of its later pages. */
export function articlesUrl(page = 1): string {
	return withPage('/articles/', page);
}

/** Path of one article. */
export function articleUrl(slug: string): string {
	return `/articles/${slug}/`;
}

/** Path of a product's page, or one of its later pages. */
export function productUrl(slug: string, page = 1): string {
	return withPage(`/products/${slug}/`, page);
}

/** Path of an audit's page, or one of its later pages. */
export function auditUrl(slug: string, page = 1): string {
	return withPage(`/audits/${slug}/`, page);
}

/** Path of a tag's page (by its folded slug), or one of its later pages. */
export function tagUrl(slug: string, page = 1): string {
	return withPage(`/tags/${encodeURIComponent(slug)}/`, page);
}

/**
 * Whether a path segment is a page number, as `withPage` writes them: an article slug may not be
 * one, since `/articles/<n>/` is page n of the article listing.
 */
export function isPageNumber(segment: string): boolean {
	return /^\d+$/.test(segment);
}

/** Page 1 lives at the listing's own path; page n at `<path>n/`. */
export function withPage(path: string, page: number): string {
	return page <= 1 ? path : `${path}${page}/`;
}

/** An absolute URL on the site, for canonical links and anything read off-site. */
export function absoluteUrl(site: string, path: string): string {
	return new URL(path, site.endsWith('/') ? site : `${site}/`).href;
}

/** Path of a page's feed: the site's RSS feed, or a product's, audit's or tag's (`<page>rss.xml`). */
export function rssUrl(termPath = '/'): string {
	return `${termPath}rss.xml`;
}

/** Path of an article's social image (1200×630), shown when the article is shared. */
export function socialImageUrl(slug: string): string {
	return `/og/articles/${slug}.jpg`;
}

/** Path of the site's own social image, for every page that is not an article. */
export const SITE_SOCIAL_IMAGE = '/og/site.jpg';

/** Path of the list of authors. */
export function authorsUrl(): string {
	return '/authors/';
}

/** Path of an author's page, or one of its later pages. */
export function authorUrl(slug: string, page = 1): string {
	return withPage(`/authors/${slug}/`, page);
}
