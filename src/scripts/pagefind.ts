/**
 * Loads Pagefind's browser API from the site's /pagefind/ bundle, once, on demand.
 * @see https://pagefind.app/docs/api/
 */

/** One search result as Pagefind returns it once loaded. */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	sub_results: { title: string; url: string; excerpt: string }[];
}

/** A search's results and filter counts. */
export interface PagefindSearch {
	results: { id: string; score: number; data: () => Promise<PagefindResultData> }[];
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
	unfilteredResultCount: number;
}

/** The part of Pagefind's API the site uses. */
export interface Pagefind {
	options: (options: Record<string, unknown>) => Promise<void>;
	init: () => Promise<void>;
	search: (query: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch>;
	preload: (query: string, options?: Record<string, unknown>) => Promise<void>;
	filters: () => Promise<Record<string, Record<string, number>>>;
}

let loading: Promise<Pagefind> | undefined;

/** Pagefind, imported and initialised the first time it is asked for. */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= (async () => {
		// Not bundled: the index and its loader are written by the build into /pagefind/.
		const url = '/pagefind/pagefind.js';
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.options({ excerptLength: 24 });
		await pagefind.init();
		// Loads every filter group's index once; without it a search only counts the groups it
		// filters on, and the other groups' counts would read zero.
		await pagefind.filters();
		return pagefind;
	})();
	return loading;
}
