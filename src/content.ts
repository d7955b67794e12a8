/**
 * The only module that reads the collections. Pages and components get plain data from it, built
 * once per build and shared, so no page scans a collection itself.
 */
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import BodyImage from './components/BodyImage.astro';
import { contentChanged, lastingCache } from './content-events.ts';
import { buildTime } from './environment.ts';
import { byNewest, isPublished } from './model/articles.ts';
import { splitFrontMatter } from './model/text.ts';
import {
	bySlug,
	collectTags,
	groupBy,
	groupByAudit,
	groupByProduct,
	groupByTag,
} from './model/taxonomy.ts';
import { toComment, type Comment } from './comments/model.ts';
import { hasCommentsFolder } from './comments/site-settings.ts';
import {
	absolutizeHtml,
	articleCategories,
	feedEntry,
	leadFigureHtml,
	type FeedEntry,
} from './publish/feeds.ts';
import { toArticle, toAudit, toAuthor, toProduct } from './model/entries.ts';
import type { Article, Audit, Author, Product, Tag } from './model/types.ts';
import { pictureSources } from './publish/article-images.ts';
import { articleShareImage, type SocialImage } from './publish/seo.ts';
import { pageKey } from './publish/page-keys.ts';
import { searchDocument, searchRecord, type SearchDocument } from './search/records.ts';
import { absoluteUrl, articleUrl, SITE_SOCIAL_IMAGE } from './model/urls.ts';
import { SITE } from './site.config.ts';

/** Everything the pages need, computed once. */
export interface SiteData {
	/** Published articles, newest first. */
	articles: Article[];
	/** Products by name. */
	products: Product[];
	/** Audits, newest first. */
	audits: Audit[];
	/** Tags by name. */
	tags: Tag[];
	/** Authors by name. */
	authors: Author[];
	/** Published articles (newest first) per product, audit and tag slug. */
	byProduct: Map<string, Article[]>;
	byAudit: Map<string, Article[]>;
	byTag: Map<string, Article[]>;
	byAuthor: Map<string, Article[]>;
	/** Lookups by slug. */
	productBySlug: Map<string, Product>;
	auditBySlug: Map<string, Audit>;
	tagBySlug: Map<string, Tag>;
	authorBySlug: Map<string, Author>;
	/** Approved reader comments per article slug (`content/comments/<slug>/`). */
	comments: Map<string, Comment[]>;
	/** Slugs of the articles with a social card drawn from their headline (`SITE.socialCards`). */
	cardSlugs: Set<string>;
}

type ArticleEntry = CollectionEntry<'articles'>;

let cache: Promise<{ data: SiteData; entries: Map<string, ArticleEntry> }> | undefined;

/**
 * The loaded content: computed once per build, and in `astro dev` once per content change. Loading
 * it afresh on every use cost a dev article page about 0.2 s at 1,000 articles (two loads per page).
 */
function loaded() {
	cache ??= load();
	return cache;
}

async function load() {
	const now = buildTime();
	// In `astro dev` drafts are shown so authors can preview them; builds leave them out.
	const showDrafts = import.meta.env.DEV;
	const entries = await getCollection('articles', (e) =>
		showDrafts ? true : isPublished(e.data, now)
	);
	const articles = entries.map(describedArticle).sort(byNewest);
	const products = (await getCollection('products'))
		.map(toProduct)
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
	const audits = (await getCollection('audits')).map(toAudit).sort(byNewest);
	const tags = collectTags(articles);
	const authors = (await getCollection('authors'))
		.map(toAuthor)
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
	const data: SiteData = {
		articles,
		products,
		audits,
		tags,
		authors,
		productBySlug: bySlug(products),
		auditBySlug: bySlug(audits),
		tagBySlug: bySlug(tags),
		authorBySlug: bySlug(authors),
		byProduct: groupByProduct(articles),
		byAudit: groupByAudit(articles),
		byTag: groupByTag(articles),
		byAuthor: groupBy(articles, (a) => (a.author ? [a.author] : [])),
		comments: await loadComments(),
		cardSlugs: new Set(articles.slice(0, SITE.socialCards).map((a) => a.slug)),
	};
	return { data, entries: new Map(entries.map((e) => [e.id, e])) };
}

const described = lastingCache<Article>('articles');

/**
 * An entry as an `Article`, kept by the content layer's digest of the entry: in `astro dev` an edit
 * then describes only the edited article again. Describing 1,000 articles (a Markdown parse each for
 * the first paragraph, a word count) took 0.6-1.3 s of every reload after an edit.
 */
function describedArticle(entry: ArticleEntry): Article {
	if (entry.digest === undefined)
		return withImagesDigest(entry, toArticle(withBody(entry), SITE.wordsPerMinute));
	const key = `${entry.id}:${entry.digest}:${SITE.wordsPerMinute}`;
	let article = described.get(key);
	if (!article) {
		article = withImagesDigest(entry, toArticle(withBody(entry), SITE.wordsPerMinute));
		described.set(key, article);
	}
	return article;
}

/**
 * The article with its digest covering the files of its body's images as well as its own file: the
 * pages and feeds keyed by it (`src/publish/page-keys.ts`) are then made again when an image is
 * replaced under the same name, where they were copied from the last build with the old image.
 */
function withImagesDigest(entry: ArticleEntry, article: Article): Article {
	const paths = (entry.rendered?.metadata?.imagePaths ?? []).filter((p) => !URL.canParse(p));
	if (paths.length === 0 || entry.filePath === undefined) return article;
	const hash = createHash('sha256');
	for (const path of paths) {
		const file = resolve(dirname(entry.filePath), path);
		hash.update(`${path}\0`).update(existsSync(file) ? readFileSync(file) : 'missing');
	}
	return { ...article, digest: `${article.digest ?? ''}:${hash.digest('base64url').slice(0, 16)}` };
}

/**
 * The entry with its Markdown or MDX body, read from its file: the content layer keeps the
 * rendered HTML only (`retainBody: false` in `src/content.config.ts`).
 */
function withBody(entry: ArticleEntry): ArticleEntry {
	if (entry.body !== undefined || entry.filePath === undefined) return entry;
	const file = resolve(entry.filePath);
	// A file deleted while `astro dev` reloads: its entry is on its way out of the collection.
	if (!existsSync(file)) return { ...entry, body: '' };
	const text = readFileSync(file, 'utf8');
	return { ...entry, body: splitFrontMatter(text)?.body ?? text };
}

/** Approved comments as plain data, grouped by the slug of their article. */
async function loadComments(): Promise<Map<string, Comment[]>> {
	if (!hasCommentsFolder()) return new Map();
	const comments = (await getCollection('comments')).map(toComment);
	return groupBy(comments, (c) => [c.article]);
}

/** The site's content as plain data. */
export async function getSiteData(): Promise<SiteData> {
	return (await loaded()).data;
}

/**
 * The components an article's body is rendered with, on its page and in feeds: an MDX body's images
 * as `BodyImage` (a Markdown body's get the same markup from `integrations/body-images.ts`).
 */
export const BODY_COMPONENTS = { img: BodyImage };

/** Renders an article's body. */
export async function renderArticle(slug: string) {
	const entry = (await loaded()).entries.get(slug);
	if (!entry) throw new Error(`No published article "${slug}"`);
	return render(entry);
}

let container: Promise<AstroContainer> | undefined;
const articleHtml = new Map<string, Promise<string>>();

async function renderHtml(slug: string): Promise<string> {
	// A Markdown body was rendered to HTML when the content layer loaded it (and cached with it);
	// only MDX bodies, and Markdown whose images still need optimising, are rendered again here.
	const stored = (await loaded()).entries.get(slug)?.rendered?.html;
	if (stored !== undefined && !stored.includes('__ASTRO_IMAGE_')) {
		return absolutizeHtml(stored, absoluteUrl(SITE.url, articleUrl(slug)));
	}
	// MDX bodies are JSX components: the container needs the renderer the MDX integration adds.
	container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
		AstroContainer.create({ renderers })
	);
	const { Content } = await renderArticle(slug);
	const html = pictureSources(
		await (await container).renderToString(Content, { props: { components: BODY_COMPONENTS } })
	);
	return absolutizeHtml(html, absoluteUrl(SITE.url, articleUrl(slug)));
}

/**
 * An article's body as HTML for feeds, with absolute link and image URLs. Rendered once per build
 * and shared by the site feeds and every product, audit and tag feed the article is in.
 */
export function getArticleHtml(slug: string): Promise<string> {
	let html = articleHtml.get(slug);
	if (!html) {
		html = renderHtml(slug);
		articleHtml.set(slug, html);
	}
	return html;
}

const leadImages = new Map<string, Promise<string | undefined>>();
const searchThumbs = new Map<string, Promise<string | undefined>>();

/** URL of an article's lead image as WebP at most `width` px wide, made once per article and width. */
function leadImageAt(
	made: Map<string, Promise<string | undefined>>,
	article: Article,
	width: number
): Promise<string | undefined> {
	let url = made.get(article.slug);
	if (!url) {
		const image = article.image;
		url = image
			? getImage({ src: image, width: Math.min(width, image.width), format: 'webp' }).then(
					(result) => result.src
				)
			: Promise.resolve(undefined);
		made.set(article.slug, url);
	}
	return url;
}

/**
 * Absolute URL of an article's lead image at most 1200 px wide, for feeds and structured data;
 * undefined when the article has none.
 */
export async function getLeadImageUrl(article: Article): Promise<string | undefined> {
	const src = await leadImageAt(leadImages, article, 1200);
	return src && absoluteUrl(SITE.url, src);
}

/**
 * URL of the small picture a search result shows (240 px WebP), so search never downloads the
 * full lead image; undefined when the article has none.
 */
export function getSearchThumb(article: Article): Promise<string | undefined> {
	return leadImageAt(searchThumbs, article, 240);
}

const shareImages = new Map<string, Promise<SocialImage | undefined>>();

/**
 * The image a shared article shows (`og:image`): its headline card, or its lead image as a JPEG
 * (what every network accepts) at most 1200 px wide, or undefined for the site's card.
 */
export function getShareImage(article: Article): Promise<SocialImage | undefined> {
	let image = shareImages.get(article.slug);
	if (!image) {
		image = getSiteData().then(async (site) => {
			const lead = article.image;
			const hasCard = site.cardSlugs.has(article.slug);
			if (hasCard || !lead) return articleShareImage(article, hasCard, undefined);
			const jpeg = await getImage({ src: lead, width: Math.min(1200, lead.width), format: 'jpeg' });
			const width = Number(jpeg.attributes['width'] ?? jpeg.options.width);
			const height = Number(jpeg.attributes['height'] ?? jpeg.options.height);
			return articleShareImage(article, false, { src: jpeg.src, width, height });
		});
		shareImages.set(article.slug, image);
	}
	return image;
}

/**
 * The newest `SITE.feedSize` of `articles` (newest first) as feed entries: full HTML with the lead
 * image on top, and the lead image (or the social image) as the entry's image.
 */
export async function getFeedEntries(articles: readonly Article[]): Promise<FeedEntry[]> {
	const site = await getSiteData();
	return Promise.all(
		articles.slice(0, SITE.feedSize).map(async (article) => {
			const [body, lead, share] = await Promise.all([
				getArticleHtml(article.slug),
				getLeadImageUrl(article),
				getShareImage(article),
			]);
			const figure = lead ? leadFigureHtml(lead, article.imageAlt ?? '', article.imageCaption) : '';
			return feedEntry(article, {
				url: absoluteUrl(SITE.url, articleUrl(article.slug)),
				html: figure + body,
				image: lead ?? absoluteUrl(SITE.url, share?.src ?? SITE_SOCIAL_IMAGE),
				lookups: site,
				locale: SITE.locale,
				timeZone: SITE.timeZone,
			});
		})
	);
}

/**
 * The cache key of a feed of `articles` (newest first) about `term` (`src/publish/page-keys.ts`):
 * the term, and everything the feed's entries show (`getFeedEntries`), the names they are filed
 * under included, so an incremental build copies every feed that no edit reached.
 */
function feedKey(site: SiteData, term: object, articles: readonly Article[]): string {
	const shown = articles.slice(0, SITE.feedSize);
	return pageKey(
		term,
		shown,
		shown.map((article) => [
			articleCategories(article, site),
			article.author ? site.authorBySlug.get(article.author)?.name : undefined,
			site.cardSlugs.has(article.slug),
		]),
		// A feed without entries dates itself by the build.
		shown.length === 0 ? buildTime().toISOString() : undefined
	);
}

/**
 * The paths of a term's feed route (products, audits, tags, authors): one feed per term, with the
 * articles filed under it, newest first, and the feed's cache key (`feedKey`).
 */
export function termFeedPaths<T extends { slug: string }, P extends string>(
	site: SiteData,
	terms: readonly T[],
	byTerm: Map<string, Article[]>,
	param: P
) {
	return terms.map((term) => {
		const articles = byTerm.get(term.slug) ?? [];
		return {
			params: { [param]: term.slug } as Record<P, string>,
			props: { term, articles },
			cacheKey: feedKey(site, term, articles),
		};
	});
}

/**
 * Every article as the document `astro dev` indexes for search (`searchDocument`), by URL path:
 * made from the content layer's rendered HTML, with the record an article page carries.
 */
export async function getSearchDocuments(): Promise<SearchDocument[]> {
	const site = await getSiteData();
	const entries = (await loaded()).entries;
	return Promise.all(
		site.articles.map(async (article) => {
			const stored = entries.get(article.slug)?.rendered?.html;
			const [thumb, bodyHtml] = await Promise.all([
				getSearchThumb(article),
				stored ?? getArticleHtml(article.slug),
			]);
			const record = searchRecord(article, site, SITE.timeZone, thumb);
			const html = searchDocument(SITE.locale, record, { ...article, bodyHtml });
			return { url: articleUrl(article.slug), html };
		})
	);
}

// The content layer tells the server when its store changed (Astro clears its own route cache on
// the same event); everything derived from the content is then computed again on first use.
// @see node_modules/astro/dist/vite-plugin-app/createAstroServerApp.js
import.meta.hot?.on('astro:content-changed', () => {
	cache = undefined;
	articleHtml.clear();
	leadImages.clear();
	shareImages.clear();
	searchThumbs.clear();
	contentChanged();
});
