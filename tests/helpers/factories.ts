/**
 * Plain objects shaped like the site's data, for unit tests. Defaults come from the schemas
 * themselves (`src/model/schema.ts`), so a field added there needs nothing here.
 */
import {
	articleSchema,
	auditSchema,
	authorSchema,
	PLAIN,
	productSchema,
} from '../../src/model/schema.ts';
import type { Article, Audit, Author, Product } from '../../src/model/types.ts';

const articles = articleSchema(PLAIN);
const products = productSchema(PLAIN);
const audits = auditSchema(PLAIN);
const authors = authorSchema(PLAIN);

/** An article with sensible defaults; override what the test is about. */
export function makeArticle(overrides: Partial<Article> & { slug: string }): Article {
	const data = articles.parse({ title: `Title of ${overrides.slug}`, date: '2020-01-01' });
	return { ...data, description: 'A description.', readingMinutes: 1, ...overrides };
}

/** A product with sensible defaults. */
export function makeProduct(overrides: Partial<Product> & { slug: string }): Product {
	return {
		...products.parse({ name: `Product ${overrides.slug}`, manufacturer: 'Acme' }),
		...overrides,
	};
}

/** An audit with sensible defaults. */
export function makeAudit(overrides: Partial<Audit> & { slug: string }): Audit {
	const data = audits.parse({
		title: `Audit ${overrides.slug}`,
		auditor: 'Auditors Ltd',
		date: '2020-01-01',
	});
	return { ...data, ...overrides };
}

/** An author with sensible defaults. */
export function makeAuthor(overrides: Partial<Author> & { slug: string }): Author {
	const data = authors.parse({ name: `Author ${overrides.slug}`, role: 'Writer', bio: 'Writes.' });
	return { ...data, ...overrides };
}
