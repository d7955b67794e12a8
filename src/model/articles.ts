/**
 * Which articles are published, in what order, and which ones relate to each other.
 */
import { tagSlug } from './taxonomy.ts';
import type { Article } from './types.ts';

export { TYPE_LABELS } from './article-types.ts';

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
 * For every article, the articles related to it, best first: scored by shared products, audits
 * and tags (see RELATED_WEIGHTS), ties going to the newer article; only articles sharing something.
 * One pass over an inverted index of terms, so the cost follows how many articles share terms,
 * not the square of the archive (comparing every pair took minutes at 10,000 articles).
 */
export function relatedArticlesAll(
	articles: readonly Article[],
	limit: number
): Map<string, Article[]> {
	const list = [...articles].sort(byNewest);
	const postings = new Map<string, number[]>();
	const termsOf = list.map((article, i) => {
		const terms = new Map<string, number>();
		for (const p of article.products) terms.set(`p:${p}`, RELATED_WEIGHTS.product);
		for (const a of article.audits) terms.set(`a:${a}`, RELATED_WEIGHTS.audit);
		for (const t of article.tags) terms.set(`t:${tagSlug(t)}`, RELATED_WEIGHTS.tag);
		for (const term of terms.keys()) {
			const posting = postings.get(term);
			if (posting) posting.push(i);
			else postings.set(term, [i]);
		}
		return terms;
	});
	const scores = new Float64Array(list.length);
	const touched: number[] = [];
	const related = new Map<string, Article[]>();
	list.forEach((article, i) => {
		for (const [term, weight] of termsOf[i] ?? []) {
			for (const j of postings.get(term) ?? []) {
				if (j === i) continue;
				if (scores[j] === 0) touched.push(j);
				scores[j] = (scores[j] ?? 0) + weight;
			}
		}
		// Keep the best `limit`: higher score first, then the lower index (the newer article).
		const best: number[] = [];
		for (const j of touched) {
			const score = scores[j] ?? 0;
			let at = best.length;
			while (at > 0) {
				const k = best[at - 1] ?? 0;
				const other = scores[k] ?? 0;
				if (other > score || (other === score && k < j)) break;
				at--;
			}
			if (at < limit) {
				best.splice(at, 0, j);
				if (best.length > limit) best.pop();
			}
		}
		related.set(
			article.slug,
			best.map((j) => list[j] as Article)
		);
		for (const j of touched) scores[j] = 0;
		touched.length = 0;
	});
	return related;
}

/** The articles related to one article (see relatedArticlesAll, which pages use for all at once). */
export function relatedArticles(
	article: Article,
	all: readonly Article[],
	limit: number
): Article[] {
	const others = all.some((a) => a.slug === article.slug) ? all : [article, ...all];
	return relatedArticlesAll(others, limit).get(article.slug) ?? [];
}

/** The neighbours of an article in a newest-first list: `older` and `newer`, when they exist. */
export function neighbours(
	slug: string,
	newestFirst: readonly Article[]
): { older?: Article | undefined; newer?: Article | undefined } {
	const index = newestFirst.findIndex((a) => a.slug === slug);
	return index === -1 ? {} : neighboursAt(index, newestFirst);
}

/** The neighbours of the article at `index` of a newest-first list (no search: for whole lists). */
export function neighboursAt(
	index: number,
	newestFirst: readonly Article[]
): { older?: Article | undefined; newer?: Article | undefined } {
	return { newer: newestFirst[index - 1], older: newestFirst[index + 1] };
}

/** "1 article", "3 articles". */
export function articleCount(count: number): string {
	return `${count} ${count === 1 ? 'article' : 'articles'}`;
}
