/**
 * The metadata in every page's <head> for search engines, social networks and feed readers: the
 * title from the site's pattern, description, canonical URL, robots, OpenGraph, the Twitter card
 * and feed autodiscovery links.
 * @see https://ogp.me/
 * @see https://developers.google.com/search/docs/crawling-indexing/robots-meta-tag
 */
import { TYPE_LABELS } from '../model/articles.ts';
import { lastChanged, type Dated } from '../model/corrections.ts';
import { escapeAttribute, escapeHtml } from './html.ts';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH } from './social-card.ts';
import { tagSlug } from '../model/taxonomy.ts';
import type { Article, Tag } from '../model/types.ts';
import { absoluteUrl, socialImageUrl } from '../model/urls.ts';

/** What the head needs to know about the site. */
export interface HeadSite {
	name: string;
	description: string;
	url: string;
	/** BCP 47, e.g. "en-GB". */
	locale: string;
	/** e.g. "{title} – {site}". */
	titlePattern: string;
	/** The dealer's X (Twitter) account, without the @. */
	social: { twitter?: string | undefined };
}

/** The image a shared page shows. */
export interface SocialImage {
	/** Path on the site (or an absolute URL). */
	src: string;
	alt: string;
	width: number;
	height: number;
	/** MIME type, e.g. image/jpeg. */
	type: string;
}

/** The facts OpenGraph's `article` type carries. */
export interface ArticleFacts {
	published: Date;
	modified: Date;
	/** The article type's label, e.g. "News". */
	section: string;
	tags: readonly string[];
}

/** A feed a page announces for autodiscovery. */
export interface FeedLink {
	/** Path of the feed on the site. */
	href: string;
	title: string;
	type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
}

/** Everything a page tells BaseHead beyond its title and description. */
export interface PageSeo {
	/** The image shown when the page is shared; the site's own card otherwise. */
	image?: SocialImage | undefined;
	/** Present on article pages: OpenGraph type `article` with its dates and tags. */
	article?: ArticleFacts | undefined;
	/** When the page's content last changed (sitemap `lastmod`); articles use `article.modified`. */
	modified?: Date | undefined;
	/** Feeds besides the site's own (a product's, audit's or tag's). */
	feeds?: readonly FeedLink[] | undefined;
}

/** Input to `headTags`. */
export interface HeadInput extends PageSeo {
	/** The page's path, e.g. /articles/x/. */
	path: string;
	/** The page's own title; none on the home page. */
	title?: string | undefined;
	description: string;
	/** Keep the page out of search engines (the 404 page). */
	noindex?: boolean | undefined;
	/** The site's feeds, announced on every page. */
	siteFeeds: readonly FeedLink[];
	/** The image used when the page has none of its own. */
	defaultImage: SocialImage;
}

/** A `<meta>` element: `name` or `property` (OpenGraph) with its content. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** A `<link>` element. */
export interface LinkTag {
	rel: string;
	href: string;
	type?: string | undefined;
	title?: string | undefined;
}

/** The head's metadata. */
export interface HeadTags {
	title: string;
	meta: MetaTag[];
	links: LinkTag[];
}

/** The `robots` directive of an indexable page: large image previews allowed (Google Discover). */
export const ROBOTS_INDEX = 'index, follow, max-image-preview:large';

/** The page title by the site's pattern; the home page (no title) is the site's name alone. */
export function pageTitle(
	title: string | undefined,
	site: Pick<HeadSite, 'name' | 'titlePattern'>
): string {
	if (!title) return site.name;
	return site.titlePattern.replace(/\{(title|site)\}/g, (_, key: string) =>
		key === 'title' ? title : site.name
	);
}

/** OpenGraph writes locales with an underscore: en-GB → en_GB. */
export function ogLocale(locale: string): string {
	return locale.replace('-', '_');
}

/** The `<title>`, `<meta>` and `<link>` elements of a page's head. */
export function headTags(input: HeadInput, site: HeadSite): HeadTags {
	const title = pageTitle(input.title, site);
	const feeds = [...input.siteFeeds, ...(input.feeds ?? [])].map((feed): LinkTag => ({
		rel: 'alternate',
		type: feed.type,
		title: feed.title,
		href: absoluteUrl(site.url, feed.href),
	}));
	if (input.noindex) {
		return {
			title,
			meta: [
				{ name: 'description', content: input.description },
				{ name: 'robots', content: 'noindex' },
			],
			links: feeds,
		};
	}
	const url = absoluteUrl(site.url, input.path);
	const image = input.image ?? input.defaultImage;
	const article = input.article;
	const modified = article?.modified ?? input.modified;
	const meta: MetaTag[] = [
		{ name: 'description', content: input.description },
		{ name: 'robots', content: ROBOTS_INDEX },
		{ property: 'og:site_name', content: site.name },
		{ property: 'og:locale', content: ogLocale(site.locale) },
		{ property: 'og:type', content: article ? 'article' : 'website' },
		{ property: 'og:title', content: input.title ?? site.name },
		{ property: 'og:description', content: input.description },
		{ property: 'og:url', content: url },
		{ property: 'og:image', content: absoluteUrl(site.url, image.src) },
		{ property: 'og:image:type', content: image.type },
		{ property: 'og:image:width', content: String(image.width) },
		{ property: 'og:image:height', content: String(image.height) },
		{ property: 'og:image:alt', content: image.alt },
		...(modified ? [{ property: 'og:updated_time', content: modified.toISOString() }] : []),
		...(article
			? [
					{ property: 'article:published_time', content: article.published.toISOString() },
					{ property: 'article:modified_time', content: article.modified.toISOString() },
					{ property: 'article:section', content: article.section },
					...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
				]
			: []),
		{ name: 'twitter:card', content: 'summary_large_image' },
		...(site.social.twitter ? [{ name: 'twitter:site', content: `@${site.social.twitter}` }] : []),
	];
	return { title, meta, links: [{ rel: 'canonical', href: url }, ...feeds] };
}

/** The newest change among articles (a correction, `updated`, else `date`); undefined for none. */
export function lastModified(articles: readonly Dated[]): Date | undefined {
	const times = articles.map((a) => lastChanged(a).getTime());
	return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

/** An optimised copy of an article's lead image (a JPEG at most 1200 px wide). */
export interface LeadJpeg {
	/** Its path on the site. */
	src: string;
	width: number;
	height: number;
}

/**
 * The image a shared article shows: the card drawn with its headline when it is one of the newest
 * (`hasCard`); otherwise its lead image; otherwise none, so the page falls back to the site's card.
 */
export function articleShareImage(
	article: Article,
	hasCard: boolean,
	lead: LeadJpeg | undefined
): SocialImage | undefined {
	if (hasCard) {
		return {
			src: socialImageUrl(article.slug),
			alt: article.title,
			width: SOCIAL_WIDTH,
			height: SOCIAL_HEIGHT,
			type: 'image/jpeg',
		};
	}
	if (lead) return { ...lead, alt: article.imageAlt ?? article.title, type: 'image/jpeg' };
	return undefined;
}

/**
 * An article page's metadata: its social image (see `articleShareImage`), OpenGraph `article`
 * dates, section (the type) and tags as the site spells them.
 */
export function articleSeo(
	article: Article,
	tagBySlug: ReadonlyMap<string, Tag>,
	image: SocialImage | undefined
): PageSeo {
	const tags = [...new Set(article.tags.map((t) => tagBySlug.get(tagSlug(t))?.name ?? t))];
	return {
		image,
		article: {
			published: article.date,
			modified: lastChanged(article),
			section: TYPE_LABELS[article.type],
			tags,
		},
	};
}

function attributes(values: Record<string, string | undefined>): string {
	return Object.entries(values)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
		.join('');
}

/**
 * The head's metadata as HTML. Written here rather than by Astro's templates so that every value
 * is fully escaped: Astro leaves `<` in attribute values, and a headline such as `<script>` would
 * then appear verbatim in the page source (harmless there, but alarming to every checker).
 */
export function headHtml(tags: HeadTags): string {
	return [
		`<title>${escapeHtml(tags.title)}</title>`,
		...tags.meta.map((tag) => `<meta${attributes(tag)}>`),
		...tags.links.map((link) => `<link${attributes({ ...link })}>`),
	].join('');
}
