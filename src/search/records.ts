/**
 * What each article tells Pagefind (filters, metadata, sort key), and the filter values the
 * search page lists before Pagefind loads. Build only: the browser's half of search is
 * `state.ts` and `client/`.
 * @see https://pagefind.app/docs/filtering/
 */
import { TYPE_LABELS } from '../model/article-types.ts';
import { yearOf } from '../model/dates.ts';
import { tagSlug } from '../model/taxonomy.ts';
import type { Article, Audit, Product, Tag } from '../model/types.ts';
import { escapeAttribute, escapeHtml } from '../publish/html.ts';
import { FILTER_KEYS, THUMB_KEY, unique, type FilterKey } from './state.ts';

/** What Pagefind records for one article. */
export interface SearchRecord {
	filters: Record<FilterKey, string[]>;
	meta: Record<string, string>;
	sort: Record<string, string>;
	/** URL of the result card's thumbnail, if the article has a lead image. */
	thumb?: string;
}

/**
 * The filters, metadata and sort key of an article, valued with display names (product name,
 * audit title, the tag as the site names it), as the content contract says.
 */
export function searchRecord(
	article: Article,
	site: {
		productBySlug: ReadonlyMap<string, Product>;
		auditBySlug: ReadonlyMap<string, Audit>;
		tagBySlug: ReadonlyMap<string, Tag>;
	},
	timeZone: string,
	imageUrl?: string
): SearchRecord {
	const products = article.products.flatMap((slug) => site.productBySlug.get(slug) ?? []);
	const meta: Record<string, string> = {
		date: article.date.toISOString(),
		type: TYPE_LABELS[article.type],
		// Results lead with it: a whole sentence the author wrote, where the excerpt is a cut.
		description: article.description,
		// Pagefind indexes every metadata value as searchable words, and takes the first picture's
		// file name as `image` when none is given: "hero" or a fragment of a content hash found
		// articles by their image's URL. Empty, it is nothing to find; the thumbnail's URL goes
		// where Pagefind returns it without indexing it, a filter (see `recordAttributes`).
		image: '',
	};
	return {
		filters: {
			product: unique(products.map((p) => p.name)),
			manufacturer: unique(products.map((p) => p.manufacturer)),
			audit: unique(article.audits.flatMap((slug) => site.auditBySlug.get(slug)?.title ?? [])),
			tag: unique(article.tags.map((t) => site.tagBySlug.get(tagSlug(t))?.name ?? t)),
			type: [TYPE_LABELS[article.type]],
			year: [yearOf(article.date, timeZone)],
		},
		meta,
		sort: { date: article.date.toISOString() },
		...(imageUrl ? { thumb: imageUrl } : {}),
	};
}

/**
 * The `data-pagefind-*` attributes that give Pagefind a record: one `[attribute, value]` pair per
 * filter value, metadata key and sort key. Filters are returned with each result but never
 * searched, so the thumbnail's URL travels as the filter `thumb`; the search page lists only the
 * groups of `FILTER_KEYS`.
 */
export function recordAttributes(record: SearchRecord): [string, string][] {
	const filters = Object.entries(record.filters).flatMap(([key, values]) =>
		values.map((value): [string, string] => ['data-pagefind-filter', pagefindPair(key, value)])
	);
	if (record.thumb) {
		filters.push(['data-pagefind-filter', pagefindPair(THUMB_KEY, record.thumb)]);
	}
	// One inline `key:value` per element: Pagefind takes an inline value to the end of the
	// attribute, commas included, and does not unescape it, so meta values go in as written (an
	// escaped comma showed as "\," in the descriptions of results).
	const meta = Object.entries(record.meta).map(([key, value]): [string, string] => [
		'data-pagefind-meta',
		`${key}:${value}`,
	]);
	const sort = Object.entries(record.sort).map(([key, value]): [string, string] => [
		'data-pagefind-sort',
		pagefindPair(key, value),
	]);
	return [...filters, ...meta, ...sort];
}

/** The record's attributes as the hidden, empty elements an article page carries. */
export function recordHtml(record: SearchRecord): string {
	const spans = recordAttributes(record).map(
		([name, value]) => `<span ${name}="${escapeAttribute(value)}"></span>`
	);
	return `<div hidden>${spans.join('')}</div>`;
}

/** One article as the dev search index takes it: its URL path and `searchDocument`. */
export interface SearchDocument {
	url: string;
	html: string;
}

/** What an article page shows of an article inside its `data-pagefind-body` element. */
export interface SearchedText {
	title: string;
	summary: readonly string[];
	imageCaption?: string | undefined;
	/** The body as HTML, as the content layer rendered it. */
	bodyHtml: string;
}

/**
 * The document `astro dev` indexes for an article, made from its content rather than its rendered
 * page: the record and the text the page's `data-pagefind-body` element holds that Pagefind does
 * not skip (the headline, key points, lead image caption and body; `data-pagefind-ignore` keeps
 * the labels, byline, term links and call to action out). A page took 1.5–2.6 s to render in dev
 * at 1,000 articles; this takes none. `tests/e2e/search-dev.test.ts` proves both give the same
 * results.
 */
export function searchDocument(lang: string, record: SearchRecord, text: SearchedText): string {
	const points = text.summary.length
		? `<aside><ul>${text.summary.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul></aside>`
		: '';
	const caption = text.imageCaption
		? `<figure><figcaption>${escapeHtml(text.imageCaption)}</figcaption></figure>`
		: '';
	return (
		`<html lang="${escapeAttribute(lang)}"><body><article data-pagefind-body>${recordHtml(record)}` +
		`<header><h1>${escapeHtml(text.title)}</h1></header>${points}${caption}` +
		`<div class="prose">${text.bodyHtml}</div></article></body></html>`
	);
}

/**
 * One `key:value` pair for a `data-pagefind-filter` or `-sort` attribute. Pagefind splits these
 * attributes on commas, so commas and backslashes in values are escaped. (An inline meta value runs
 * to the end of its attribute and is taken as written: see SearchData.astro.)
 */
export function pagefindPair(key: string, value: string): string {
	return `${key}:${value.replace(/\\/g, '\\\\').replace(/,/g, '\\,')}`;
}

/** One value of a filter group and how many articles have it. */
export interface FilterOption {
	value: string;
	count: number;
}

/**
 * Every value of every filter group over the given records, with counts: the search page lists
 * them before Pagefind loads. Values are sorted by name, years newest first.
 */
export function filterOptions(records: readonly SearchRecord[]): Record<FilterKey, FilterOption[]> {
	const counts = Object.fromEntries(
		FILTER_KEYS.map((k) => [k, new Map<string, number>()])
	) as unknown as Record<FilterKey, Map<string, number>>;
	for (const record of records) {
		for (const key of FILTER_KEYS) {
			for (const value of record.filters[key])
				counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
		}
	}
	const options = {} as Record<FilterKey, FilterOption[]>;
	for (const key of FILTER_KEYS) {
		const list = [...counts[key]].map(([value, count]) => ({ value, count }));
		options[key] =
			key === 'year'
				? list.sort((a, b) => b.value.localeCompare(a.value))
				: list.sort((a, b) => a.value.localeCompare(b.value, 'en', { sensitivity: 'base' }));
	}
	return options;
}
