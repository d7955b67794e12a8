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
import { FILTER_KEYS, unique, type FilterKey } from './state.ts';

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
