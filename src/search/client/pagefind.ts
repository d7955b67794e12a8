/**
 * Loads Pagefind's browser API from the site's /pagefind/ bundle, once, on demand.
 * @see https://pagefind.app/docs/api/
 */

/** One search result as Pagefind returns it once loaded. */
export interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[] | undefined>;
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
let filterIndexes: Promise<void> | undefined;
let filterIndexesLoaded = false;

/**
 * Pagefind, imported and initialised the first time it is asked for. This fetches Pagefind's code,
 * WebAssembly and metadata, and nothing of the filter indexes: a search fetches only the word
 * index chunks it needs, plus the filter chunks of the groups it filters on.
 */
export function loadPagefind(): Promise<Pagefind> {
	loading ??= (async () => {
		// Not bundled: the index and its loader are written by the build into /pagefind/.
		const url = '/pagefind/pagefind.js';
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		// Trims excerpts in the browser; it changes nothing that is downloaded.
		await pagefind.options({ excerptLength: 24 });
		await pagefind.init();
		return pagefind;
	})();
	return loading;
}

/**
 * Fetches every filter group's index, once. Until then a search counts only the groups it filters
 * on (the others read zero), so live filter counts need this; a plain text search does not.
 */
export function loadFilterIndexes(): Promise<void> {
	filterIndexes ??= (async () => {
		const pagefind = await loadPagefind();
		await pagefind.filters();
		filterIndexesLoaded = true;
	})().catch((error: unknown) => {
		filterIndexes = undefined;
		throw error;
	});
	return filterIndexes;
}

/** True once every filter index is loaded, so a search from now on counts every group. */
export function hasFilterIndexes(): boolean {
	return filterIndexesLoaded;
}
