/**
 * The search page's state as it lives in the URL, the filter groups, and the Pagefind filter object
 * built from that state. Written for both the build (the search page's markup) and the browser
 * (`client/`), so both agree on names and values; it imports nothing either side lacks.
 * @see https://pagefind.app/docs/filtering/
 */

/** The filter groups of the content contract, in the order the search page shows them. */
export const FILTER_KEYS = ['product', 'manufacturer', 'audit', 'tag', 'type', 'year'] as const;

/**
 * The filter that carries a result's thumbnail URL: filters come back with each result but, unlike
 * metadata, are never searched. Not a group the search page lists.
 */
export const THUMB_KEY = 'thumb';

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

/** The values without repeats, in their first order. */
export function unique(values: string[]): string[] {
	return [...new Set(values)];
}
