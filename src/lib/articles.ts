/**
 * Which articles are published, in what order, and which ones relate to each other.
 */
import { tagSlug } from './taxonomy.ts';
import type { Article, ArticleType } from './types.ts';

/** The front-matter facts that decide whether an article is published. */
export interface PublishState {
	date: Date;
	draft?: boolean | undefined;
}

/**
 * True when the article belongs in the build: not a draft, and not scheduled for later than `now`
 * (the time of the build).
 */
export function isPublished(article: PublishState, now: Date): boolean {
	return !article.draft && article.date.getTime() <= now.getTime();
}

/** True when the article is held back only because its date is after `now`. */
export function isScheduled(article: PublishState, now: Date): boolean {
	return !article.draft && article.date.getTime() > now.getTime();
}

/** Newest first; ties broken by slug so the order never depends on file-system order. */
export function byNewest(
	a: Pick<Article, 'date' | 'slug'>,
	b: Pick<Article, 'date' | 'slug'>
): number {
	return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

/** How much a shared term counts towards relatedness: a shared product says most. */
export const RELATED_WEIGHTS = { product: 3, audit: 2, tag: 1 } as const;

/**
 * Articles related to `article`, best first: scored by shared products, audits and tags, ties
 * going to the newer article. Only articles sharing something are returned.
 */
export function relatedArticles(
	article: Article,
	all: readonly Article[],
	limit: number
): Article[] {
	const products = new Set(article.products);
	const audits = new Set(article.audits);
	const tags = new Set(article.tags.map(tagSlug));
	const scored: { article: Article; score: number }[] = [];
	for (const other of all) {
		if (other.slug === article.slug) continue;
		const score =
			RELATED_WEIGHTS.product * other.products.filter((p) => products.has(p)).length +
			RELATED_WEIGHTS.audit * other.audits.filter((a) => audits.has(a)).length +
			RELATED_WEIGHTS.tag * new Set(other.tags.map(tagSlug)).intersection(tags).size;
		if (score > 0) scored.push({ article: other, score });
	}
	return scored
		.sort((a, b) => b.score - a.score || byNewest(a.article, b.article))
		.slice(0, limit)
		.map((s) => s.article);
}

/** The neighbours of an article in a newest-first list: `older` and `newer`, when they exist. */
export function neighbours(
	slug: string,
	newestFirst: readonly Article[]
): { older?: Article | undefined; newer?: Article | undefined } {
	const index = newestFirst.findIndex((a) => a.slug === slug);
	if (index === -1) return {};
	return { newer: newestFirst[index - 1], older: newestFirst[index + 1] };
}

/** The label readers see for each article type. */
export const TYPE_LABELS: Record<ArticleType, string> = {
	news: 'News',
	statement: 'Statement',
	guide: 'Guide',
};

/** "1 article", "3 articles". */
export function articleCount(count: number): string {
	return `${count} ${count === 1 ? 'article' : 'articles'}`;
}
