/**
 * The only module that reads the collections. Pages and components get plain data from it, built
 * once per build and shared, so no page scans a collection itself.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { buildTime } from './content-root.ts';
import { byNewest, isPublished } from './lib/articles.ts';
import { bySlug, collectTags, groupByAudit, groupByProduct, groupByTag } from './lib/taxonomy.ts';
import { describeArticle, readingMinutes } from './lib/text.ts';
import type { Article, ArticleType, Audit, Product, Tag } from './lib/types.ts';
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
	/** Published articles (newest first) per product, audit and tag slug. */
	byProduct: Map<string, Article[]>;
	byAudit: Map<string, Article[]>;
	byTag: Map<string, Article[]>;
	/** Lookups by slug. */
	productBySlug: Map<string, Product>;
	auditBySlug: Map<string, Audit>;
	tagBySlug: Map<string, Tag>;
}

type ArticleEntry = CollectionEntry<'articles'>;

let cache: Promise<{ data: SiteData; entries: Map<string, ArticleEntry> }> | undefined;

function toArticle(entry: ArticleEntry): Article {
	const d = entry.data;
	const body = entry.body ?? '';
	return {
		slug: entry.id,
		title: d.title,
		date: d.date,
		updated: d.updated,
		description: describeArticle(d.description, body),
		summary: d.summary,
		products: d.products.map((p) => p.id),
		audits: d.audits.map((a) => a.id),
		tags: d.tags,
		type: d.type as ArticleType,
		image: d.image,
		imageAlt: d.imageAlt,
		imageCaption: d.imageCaption,
		author: d.author,
		readingMinutes: readingMinutes(body, SITE.wordsPerMinute),
		draft: d.draft,
	};
}

async function load() {
	const now = buildTime();
	// In `astro dev` drafts are shown so authors can preview them; builds leave them out.
	const showDrafts = import.meta.env.DEV;
	const entries = await getCollection('articles', (e) =>
		showDrafts ? true : isPublished(e.data, now)
	);
	const articles = entries.map(toArticle).sort(byNewest);
	const products = (await getCollection('products'))
		.map((e): Product => ({ slug: e.id, ...e.data }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en'));
	const audits = (await getCollection('audits'))
		.map((e): Audit => ({ slug: e.id, ...e.data, products: e.data.products.map((p) => p.id) }))
		.sort(byNewest);
	const tags = collectTags(articles);
	const data: SiteData = {
		articles,
		products,
		audits,
		tags,
		productBySlug: bySlug(products),
		auditBySlug: bySlug(audits),
		tagBySlug: bySlug(tags),
		byProduct: groupByProduct(articles),
		byAudit: groupByAudit(articles),
		byTag: groupByTag(articles),
	};
	return { data, entries: new Map(entries.map((e) => [e.id, e])) };
}

/** The site's content as plain data. */
export async function getSiteData(): Promise<SiteData> {
	cache ??= load();
	return (await cache).data;
}

/** Renders an article's body. */
export async function renderArticle(slug: string) {
	cache ??= load();
	const entry = (await cache).entries.get(slug);
	if (!entry) throw new Error(`No published article "${slug}"`);
	return render(entry);
}
