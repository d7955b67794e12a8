/**
 * The site's feeds: what each entry carries and how it is written as RSS 2.0 (through
 * `@astrojs/rss`), Atom 1.0 and JSON Feed 1.1. Article HTML comes in rendered once per build, with
 * absolute URLs, so the site feed and every term feed reuse it.
 * @see https://www.rssboard.org/rss-specification
 * @see https://www.rfc-editor.org/rfc/rfc4287
 * @see https://www.jsonfeed.org/version/1.1/
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { XMLBuilder } from 'fast-xml-parser';
import {
	decodeEntities,
	eachElement,
	escapeAttribute,
	escapeHtml,
	parseHtml,
	renderHtml,
} from './html.ts';
import { pageTitle, type FeedLink } from './seo.ts';
import { correctionsInOrder, lastChanged, type Correction } from '../model/corrections.ts';
import { formatDate } from '../model/dates.ts';
import { tagSlug } from '../model/taxonomy.ts';
import type { TermLookups } from '../model/terms.ts';
import type { Article } from '../model/types.ts';
import { absoluteUrl, rssUrl } from '../model/urls.ts';

/** One article as every feed format carries it. */
export interface FeedEntry {
	/** Absolute URL of the article; also its permanent id. */
	url: string;
	title: string;
	/** Plain-text teaser. */
	summary: string;
	/** Full body as HTML, every URL in it absolute. */
	html: string;
	published: Date;
	/** `updated`, or `published` when the article was never updated. */
	updated: Date;
	/** Names of the article's products, audits and tags. */
	categories: string[];
	author?: string | undefined;
	/** Absolute URL of the article's main image. */
	image?: string | undefined;
}

/** What a feed says about itself. */
export interface FeedInfo {
	title: string;
	description: string;
	/** Absolute URL of the page the feed follows (home, or a product, audit or tag page). */
	home: string;
	/** Absolute URL of this feed. */
	self: string;
	/** BCP 47 language tag of the articles. */
	language: string;
	/** Who publishes the feed: the dealer. */
	publisher: string;
	/** Absolute URL of the site's icon. */
	icon?: string | undefined;
	/** The WebSub hub that pushes the feed's changes to subscribers, when there is one. */
	hub?: string | undefined;
}

/** The names an article is filed under: its products, audits and tags, as the site spells them. */
export function articleCategories(article: Article, lookups: TermLookups): string[] {
	const names = [
		...article.products.map((slug) => lookups.productBySlug.get(slug)?.name),
		...article.audits.map((slug) => lookups.auditBySlug.get(slug)?.title),
		...article.tags.map((tag) => lookups.tagBySlug.get(tagSlug(tag))?.name ?? tag),
	];
	return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

/** What an entry needs besides the article itself. */
export interface EntryContext {
	/** Absolute URL of the article page. */
	url: string;
	/** The article's body HTML with absolute URLs. */
	html: string;
	/** Absolute URL of its main image. */
	image?: string | undefined;
	lookups: TermLookups;
	/** The language and time zone the site shows dates in (a correction's date in the text). */
	locale: string;
	timeZone: string;
}

/**
 * An article's corrections as the end of its feed entry, oldest first, each with its date, as the
 * page's list shows them (readers of the feed never see the page's note at the top).
 */
export function correctionsHtml(
	corrections: readonly Correction[],
	where: { locale: string; timeZone: string }
): string {
	if (corrections.length === 0) return '';
	const items = correctionsInOrder(corrections).map(
		(c) =>
			`<li><strong>${escapeHtml(formatDate(c.date, where.locale, where.timeZone))}:</strong> ${escapeHtml(c.text)}</li>`
	);
	return `<section><h2>Corrections</h2><ul>${items.join('')}</ul></section>`;
}

/** An article as a feed entry. */
export function feedEntry(article: Article, context: EntryContext): FeedEntry {
	return {
		url: context.url,
		title: article.title,
		summary: article.description,
		html: context.html + correctionsHtml(article.corrections, context),
		published: article.date,
		updated: lastChanged(article),
		categories: articleCategories(article, context.lookups),
		author: article.author ? context.lookups.authorBySlug.get(article.author)?.name : undefined,
		image: context.image,
	};
}

/** When a feed last changed: its newest entry's `updated`, or `fallback` when it has no entry. */
export function feedUpdated(entries: readonly FeedEntry[], fallback: Date): Date {
	const times = entries.map((e) => e.updated.getTime());
	return times.length > 0 ? new Date(Math.max(...times)) : fallback;
}

const xml = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/**
 * The options `@astrojs/rss` turns into RSS 2.0: full HTML in `content:encoded`, the publication
 * date in `pubDate`, the last change in `atom:updated`, the byline in `dc:creator` (RSS's own
 * `author` must be an e-mail address) and a `self` link, as feed validators ask.
 */
export function rssOptions(info: FeedInfo, entries: readonly FeedEntry[], now: Date): RSSOptions {
	const channel = xml.build({
		language: info.language,
		lastBuildDate: feedUpdated(entries, now).toUTCString(),
		'atom:link': [
			{ '@_href': info.self, '@_rel': 'self', '@_type': 'application/rss+xml' },
			...(info.hub ? [{ '@_href': info.hub, '@_rel': 'hub' }] : []),
		],
	});
	return {
		title: info.title,
		description: info.description,
		site: info.home,
		xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
		customData: channel,
		items: entries.map((entry): RSSFeedItem => ({
			title: entry.title,
			link: entry.url,
			pubDate: entry.published,
			description: entry.summary,
			content: entry.html,
			categories: entry.categories,
			customData: xml.build({
				'atom:updated': entry.updated.toISOString(),
				...(entry.author ? { 'dc:creator': entry.author } : {}),
			}),
		})),
	};
}

const prettyXml = new XMLBuilder({
	ignoreAttributes: false,
	suppressEmptyNode: true,
	format: true,
	indentBy: '\t',
});

/** The feed as Atom 1.0. Titles are plain text, so a headline that looks like HTML stays text. */
export function atomXml(info: FeedInfo, entries: readonly FeedEntry[], now: Date): string {
	return prettyXml.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		feed: {
			'@_xmlns': 'http://www.w3.org/2005/Atom',
			'@_xml:lang': info.language,
			id: info.home,
			title: { '@_type': 'text', '#text': info.title },
			subtitle: { '@_type': 'text', '#text': info.description },
			updated: feedUpdated(entries, now).toISOString(),
			link: [
				{ '@_rel': 'alternate', '@_type': 'text/html', '@_href': info.home },
				{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': info.self },
				...(info.hub ? [{ '@_rel': 'hub', '@_href': info.hub }] : []),
			],
			author: { name: info.publisher },
			...(info.icon ? { icon: info.icon } : {}),
			entry: entries.map((entry) => ({
				id: entry.url,
				title: { '@_type': 'text', '#text': entry.title },
				link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.url },
				published: entry.published.toISOString(),
				updated: entry.updated.toISOString(),
				...(entry.author ? { author: { name: entry.author } } : {}),
				category: entry.categories.map((term) => ({ '@_term': term })),
				summary: { '@_type': 'text', '#text': entry.summary },
				content: { '@_type': 'html', '#text': entry.html },
			})),
		},
	});
}

/** A JSON Feed 1.1 document. */
export interface JsonFeed {
	version: 'https://jsonfeed.org/version/1.1';
	title: string;
	home_page_url: string;
	feed_url: string;
	description: string;
	language: string;
	icon?: string;
	hubs?: { type: 'WebSub'; url: string }[];
	authors: { name: string }[];
	items: JsonFeedItem[];
}

/** One item of a JSON Feed. */
export interface JsonFeedItem {
	id: string;
	url: string;
	title: string;
	content_html: string;
	summary: string;
	image?: string;
	date_published: string;
	date_modified: string;
	authors?: { name: string }[];
	tags: string[];
}

/** The feed as JSON Feed 1.1. */
export function jsonFeed(info: FeedInfo, entries: readonly FeedEntry[]): JsonFeed {
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: info.title,
		home_page_url: info.home,
		feed_url: info.self,
		description: info.description,
		language: info.language,
		...(info.icon ? { icon: info.icon } : {}),
		...(info.hub ? { hubs: [{ type: 'WebSub' as const, url: info.hub }] } : {}),
		authors: [{ name: info.publisher }],
		items: entries.map((entry) => ({
			id: entry.url,
			url: entry.url,
			title: entry.title,
			content_html: entry.html,
			summary: entry.summary,
			...(entry.image ? { image: entry.image } : {}),
			date_published: entry.published.toISOString(),
			date_modified: entry.updated.toISOString(),
			...(entry.author ? { authors: [{ name: entry.author }] } : {}),
			tags: entry.categories,
		})),
	};
}

/** Attributes holding one URL, by the elements that carry them. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'action'];
/** A URL with a scheme (`https:`, `mailto:`…) is left alone; so is a protocol-relative one. */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:|^\/\//i;

function absolute(url: string, base: string): string {
	const trimmed = url.trim();
	if (trimmed === '' || HAS_SCHEME.test(trimmed)) return trimmed;
	try {
		return new URL(trimmed, base).href;
	} catch {
		return trimmed;
	}
}

function absoluteSrcset(srcset: string, base: string): string {
	return srcset
		.split(/,(?=\s)/)
		.map((candidate) => {
			const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
			return [absolute(url, base), ...descriptor].join(' ');
		})
		.join(', ');
}

/**
 * Article HTML made fit for a feed reader, which shows it away from the site: every link and image
 * URL absolute (against the article's own URL, so `#fn-1` and `../other/` still work), and no
 * `<script>` or `<style>` (readers drop them, and a page's styles mean nothing there).
 */
export function absolutizeHtml(html: string, pageUrl: string): string {
	const doc = parseHtml(html);
	eachElement(doc, (element) => {
		if (element.name === 'script' || element.name === 'style') return false;
		for (const name of URL_ATTRIBUTES) {
			const value = element.attributes[name];
			if (value !== undefined) {
				element.attributes[name] = escapeAttribute(absolute(decodeEntities(value), pageUrl));
			}
		}
		const srcset = element.attributes['srcset'];
		if (srcset !== undefined) {
			element.attributes['srcset'] = escapeAttribute(
				absoluteSrcset(decodeEntities(srcset), pageUrl)
			);
		}
		return true;
	});
	return renderHtml(doc);
}

/** What feeds need to know about the site. */
export interface FeedSite {
	name: string;
	description: string;
	url: string;
	locale: string;
	titlePattern: string;
	/** The logo: a path on the site. */
	logo: { src: string };
	/** The WebSub hub the feeds name, or false for none. */
	websubHub?: string | false | undefined;
}

/** The site feed's description, at `selfPath` (`/rss.xml`, `/atom.xml` or `/feed.json`). */
export function siteFeedInfo(site: FeedSite, selfPath: string): FeedInfo {
	return {
		title: site.name,
		description: site.description,
		home: absoluteUrl(site.url, '/'),
		self: absoluteUrl(site.url, selfPath),
		language: site.locale,
		publisher: site.name,
		icon: absoluteUrl(site.url, site.logo.src),
		hub: site.websubHub || undefined,
	};
}

/** A product's, audit's or tag's feed: named after the term, following the term's page. */
export function termFeedInfo(
	site: FeedSite,
	term: { name: string; description: string; path: string }
): FeedInfo {
	return {
		...siteFeedInfo(site, rssUrl(term.path)),
		title: pageTitle(term.name, site),
		description: term.description,
		home: absoluteUrl(site.url, term.path),
	};
}

/** The site's feeds, announced on every page for feed readers to discover. */
export function siteFeedLinks(site: Pick<FeedSite, 'name'>): FeedLink[] {
	return [
		{ href: rssUrl(), type: 'application/rss+xml', title: `${site.name} (RSS)` },
		{ href: '/atom.xml', type: 'application/atom+xml', title: `${site.name} (Atom)` },
		{ href: '/feed.json', type: 'application/feed+json', title: `${site.name} (JSON Feed)` },
	];
}

/** A term page's own feed, announced on that page. */
export function termFeedLink(name: string, path: string, site: FeedSite): FeedLink {
	return {
		href: rssUrl(path),
		type: 'application/rss+xml',
		title: `${pageTitle(name, site)} (RSS)`,
	};
}

/** The lead image as a figure at the top of a feed entry (the page shows it above the body too). */
export function leadFigureHtml(src: string, alt: string, caption?: string): string {
	const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
	return `<figure><img src="${escapeAttribute(src)}" alt="${escapeAttribute(alt)}">${figcaption}</figure>`;
}
