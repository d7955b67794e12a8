/**
 * Plain objects shaped like the site's data, for unit tests of `src/lib`.
 */
import type { Article, Audit, Product } from '../../src/model/types.ts';

/** An article with sensible defaults; override what the test is about. */
export function makeArticle(overrides: Partial<Article> & { slug: string }): Article {
	return {
		title: `Title of ${overrides.slug}`,
		date: new Date('2020-01-01T00:00:00Z'),
		description: 'A description.',
		summary: [],
		products: [],
		audits: [],
		tags: [],
		type: 'news',
		readingMinutes: 1,
		draft: false,
		...overrides,
	};
}

/** A product with sensible defaults. */
export function makeProduct(overrides: Partial<Product> & { slug: string }): Product {
	return { name: `Product ${overrides.slug}`, manufacturer: 'Acme', ...overrides };
}

/** An audit with sensible defaults. */
export function makeAudit(overrides: Partial<Audit> & { slug: string }): Audit {
	return {
		title: `Audit ${overrides.slug}`,
		auditor: 'Auditors Ltd',
		date: new Date('2020-01-01T00:00:00Z'),
		products: [],
		...overrides,
	};
}
