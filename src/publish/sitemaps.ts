/**
 * Sitemaps and robots.txt: the Google News sitemap of the last two days' articles, what each built
 * page tells the main sitemap (its `lastmod`, whether it is indexable), and robots.txt.
 * @see https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
import { XMLBuilder } from 'fast-xml-parser';
import { decodeEntities, eachElement, type HtmlDocument } from './html.ts';
import type { Article } from '../model/types.ts';
import { absoluteUrl, articleUrl } from '../model/urls.ts';

/** Google News takes articles published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** Google News reads at most 1,000 URLs per news sitemap. */
export const NEWS_LIMIT = 1000;

/** The publication as the news sitemap declares it. */
export interface NewsPublication {
	/** Exactly as in Google Publisher Center. */
	name: string;
	/** ISO 639 code, e.g. "en". */
	language: string;
}

/**
 * The articles a news sitemap lists: published in the two days up to `now` (the build time),
 * newest first, at most 1,000. Articles dated after `now` are scheduled, never listed.
 */
export function newsArticles(articles: readonly Article[], now: Date): Article[] {
	const end = now.getTime();
	const start = end - NEWS_WINDOW_MS;
	return articles
		.filter((a) => a.date.getTime() > start && a.date.getTime() <= end)
		.sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug))
		.slice(0, NEWS_LIMIT);
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '\t' });

/** The Google News sitemap for `articles` (already chosen by `newsArticles`). */
export function newsSitemapXml(
	articles: readonly Article[],
	siteUrl: string,
	publication: NewsPublication
): string {
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		urlset: {
			'@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
			'@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
			url: articles.map((article) => ({
				loc: absoluteUrl(siteUrl, articleUrl(article.slug)),
				'news:news': {
					'news:publication': {
						'news:name': publication.name,
						'news:language': publication.language,
					},
					'news:publication_date': article.date.toISOString(),
					'news:title': article.title,
				},
			})),
		},
	});
}

/** robots.txt: everything may be crawled; the sitemaps are named by absolute URL. */
export function robotsTxt(sitemaps: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join(
		'\n'
	);
}

/** What a built page's head tells the sitemap. */
export interface PageFacts {
	/** When the page last changed (`og:updated_time`), as written. */
	lastmod?: string | undefined;
	/** True when the page asks not to be indexed (`<meta name="robots" content="noindex">`). */
	noindex: boolean;
}

/** Reads `og:updated_time` and the robots directive from a parsed page. */
export function pageFacts(doc: HtmlDocument): PageFacts {
	const facts: PageFacts = { noindex: false };
	eachElement(doc, (element) => {
		if (element.name !== 'meta') return;
		const attrs = element.attributes;
		const content = decodeEntities(attrs['content'] ?? '');
		if (attrs['property'] === 'og:updated_time') facts.lastmod = content;
		if (attrs['name'] === 'robots' && /\bnoindex\b/i.test(content)) facts.noindex = true;
	});
	return facts;
}
