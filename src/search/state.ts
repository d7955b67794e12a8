/**
 * Search: what each article tells Pagefind (filters, metadata, sort key), the search page's state
 * as it lives in the URL, and the Pagefind filter object built from that state. Shared by the
 * build (article pages) and the browser (the search page), so both agree on names and values.
 * @see https://pagefind.app/docs/filtering/
 */
import { yearOf } from '../model/dates.ts';
import { TYPE_LABELS } from '../model/article-types.ts';
import type { Article, Audit, Product, Tag } from '../model/types.ts';

/** The filter groups of the content contract, in the order the search page shows them. */
export const FILTER_KEYS = ['product', 'manufacturer', 'audit', 'tag', 'type', 'year'] as const;

/** One filter group. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Headings of the filter groups on the search page. */
export const FILTER_LABELS: Record<FilterKey, string> = {
	product: 'Product',
	manufacturer: 'Manufacturer',
	audit: 'Audit',
	tag: 'Tag',
	type: 'Type',
	year: 'Year',
};

/** How results are ordered. */
export type SortOrder = 'relevance' | 'newest';

/** Everything a search is: query, chosen filter values per group, order. */
export interface SearchState {
	query: string;
	filters: Record<FilterKey, string[]>;
	sort: SortOrder;
}

/** What Pagefind records for one article. */
export interface SearchRecord {
	filters: Record<FilterKey, string[]>;
	meta: Record<string, string>;
	sort: Record<string, string>;
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
	tagSlug: (name: string) => string,
	timeZone: string,
	imageUrl?: string
): SearchRecord {
	const products = article.products.flatMap((slug) => site.productBySlug.get(slug) ?? []);
	const meta: Record<string, string> = {
		date: article.date.toISOString(),
		type: TYPE_LABELS[article.type],
		// Results lead with it: a whole sentence the author wrote, where the excerpt is a cut.
		description: article.description,
	};
	if (imageUrl) meta['image'] = imageUrl;
	if (imageUrl && article.imageAlt) meta['image_alt'] = article.imageAlt;
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
	};
}

function unique(values: string[]): string[] {
	return [...new Set(values)];
}

/**
 * One `key:value` pair for a `data-pagefind-filter` or `-sort` attribute. Pagefind splits these
 * attributes on commas, so commas and backslashes in values are escaped. (An inline meta value runs
 * to the end of its attribute and is taken as written: see SearchData.astro.)
 */
export function pagefindPair(key: string, value: string): string {
	return `${key}:${value.replace(/\\/g, '\\\\').replace(/,/g, '\\,')}`;
}

/** An empty search: no query, no filters, ordered by relevance. */
export function emptyState(): SearchState {
	return {
		query: '',
		filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, []])) as unknown as Record<
			FilterKey,
			string[]
		>,
		sort: 'relevance',
	};
}

/** Reads the search state from a URL's query string: `?q=…&product=…&product=…&sort=newest`. */
export function parseState(params: URLSearchParams): SearchState {
	const state = emptyState();
	state.query = (params.get('q') ?? '').trim();
	for (const key of FILTER_KEYS) state.filters[key] = unique(params.getAll(key).filter(Boolean));
	state.sort = params.get('sort') === 'newest' ? 'newest' : 'relevance';
	return state;
}

/** Writes the search state as a query string, leaving out what is empty or default. */
export function serializeState(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.query) params.set('q', state.query);
	for (const key of FILTER_KEYS) for (const value of state.filters[key]) params.append(key, value);
	if (state.sort === 'newest') params.set('sort', 'newest');
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** True when the state asks for anything: a query or a filter. */
export function isActive(state: SearchState): boolean {
	return state.query !== '' || FILTER_KEYS.some((k) => state.filters[k].length > 0);
}

/** A Pagefind filter object: OR within a group (`any`), AND across groups. */
export type PagefindFilters = Partial<Record<FilterKey, { any: string[] }>>;

/**
 * The Pagefind filters for a state, optionally leaving one group out (to count that group's
 * options as if the reader were about to add one, the usual faceted-search behaviour).
 */
export function pagefindFilters(state: SearchState, without?: FilterKey): PagefindFilters {
	const filters: PagefindFilters = {};
	for (const key of FILTER_KEYS) {
		if (key !== without && state.filters[key].length > 0)
			filters[key] = { any: state.filters[key] };
	}
	return filters;
}

/**
 * Words to search for from a URL that was not found: `/articles/booz-alen-audit/` gives
 * "booz alen audit". Section names and page numbers are dropped.
 */
export function queryFromPath(path: string): string {
	let decoded = path;
	try {
		decoded = decodeURIComponent(path);
	} catch {
		// A malformed escape: use the path as it is.
	}
	const sections = new Set([
		'articles',
		'products',
		'audits',
		'tags',
		'search',
		'index',
		'html',
		'www',
	]);
	return decoded
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((w) => w.length > 1 && !sections.has(w) && !/^\d+$/.test(w))
		.join(' ');
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
