/**
 * Grouping articles by product, audit and tag, and folding tag spellings into one tag.
 */
import { slug } from 'github-slugger';
import type { Article, Tag } from './types.ts';

/** Tidies what an author wrote as a tag: trims it and collapses runs of whitespace. */
export function cleanTag(name: string): string {
	return name.trim().replace(/\s+/g, ' ');
}

/**
 * The URL slug of a tag. Case and spacing are folded, so "Data Security", "data  security" and
 * "DATA SECURITY" share one page.
 */
export function tagSlug(name: string): string {
	return slug(cleanTag(name).toLowerCase());
}

/** Groups items under each of their keys, keeping the items' order within each group. */
export function groupBy<T>(
	items: readonly T[],
	keys: (item: T) => readonly string[]
): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		for (const key of new Set(keys(item))) {
			const group = groups.get(key);
			if (group) group.push(item);
			else groups.set(key, [item]);
		}
	}
	return groups;
}

/** Articles under each product slug they reference. */
export function groupByProduct(articles: readonly Article[]): Map<string, Article[]> {
	return groupBy(articles, (a) => a.products);
}

/** Articles under each audit slug they reference. */
export function groupByAudit(articles: readonly Article[]): Map<string, Article[]> {
	return groupBy(articles, (a) => a.audits);
}

/** Articles under each tag slug they carry. */
export function groupByTag(articles: readonly Article[]): Map<string, Article[]> {
	return groupBy(articles, (a) => a.tags.map(tagSlug));
}

/**
 * Every tag with its article count, sorted by name. A tag's display name is the spelling of the
 * oldest article that uses it, so the name does not change when newer articles vary the case.
 */
export function collectTags(articles: readonly Article[]): Tag[] {
	const oldestFirst = [...articles].sort(
		(a, b) => a.date.getTime() - b.date.getTime() || a.slug.localeCompare(b.slug)
	);
	const tags = new Map<string, Tag>();
	for (const article of oldestFirst) {
		for (const slug of new Set(article.tags.map(tagSlug))) {
			const tag = tags.get(slug);
			if (tag) tag.count += 1;
			else {
				const name = article.tags.find((t) => tagSlug(t) === slug) ?? slug;
				tags.set(slug, { slug, name: cleanTag(name), count: 1 });
			}
		}
	}
	return [...tags.values()].sort((a, b) =>
		a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })
	);
}

/** Count of articles per key, for index pages. */
export function countsOf(groups: ReadonlyMap<string, readonly unknown[]>): Map<string, number> {
	return new Map([...groups].map(([key, items]) => [key, items.length]));
}

/** The audits whose scope includes a product, in the order given. */
export function auditsCovering<T extends { products: readonly string[] }>(
	audits: readonly T[],
	productSlug: string
): T[] {
	return audits.filter((audit) => audit.products.includes(productSlug));
}

/** Items by their slug, for looking up the terms an article references. */
export function bySlug<T extends { slug: string }>(items: readonly T[]): Map<string, T> {
	return new Map(items.map((item) => [item.slug, item]));
}
