/**
 * Collection entries made plain data: what `src/content.ts` hands the pages. Pure, so the mapping
 * is unit-tested without Astro. Every field of the schema is carried over as it is; only
 * references become slugs and the derived values are added.
 */
import type { ArticleData, AuditData, AuthorData, ProductData } from './schema.ts';
import { describeArticle, readingMinutes } from './text.ts';
import type { Article, Audit, Author, Product } from './types.ts';

/** A reference as Astro's `reference()` loads it. */
interface Ref {
	id: string;
}

/** The parts of a collection entry the functions that make it plain data read. */
export interface EntryOf<D> {
	id: string;
	data: D;
	body?: string | undefined;
	digest?: string | number | undefined;
}

/** An article entry (references as Astro loads them) as an `Article`. */
export function toArticle(
	entry: EntryOf<
		Omit<ArticleData, 'products' | 'audits' | 'author'> & {
			products: Ref[];
			audits: Ref[];
			author?: Ref | undefined;
		}
	>,
	wordsPerMinute: number
): Article {
	const { products, audits, author, description, ...data } = entry.data;
	const body = entry.body ?? '';
	return {
		...data,
		slug: entry.id,
		description: describeArticle(description, body),
		products: products.map((p) => p.id),
		audits: audits.map((a) => a.id),
		author: author?.id,
		readingMinutes: readingMinutes(body, wordsPerMinute),
		digest: entry.digest === undefined ? undefined : String(entry.digest),
	};
}

/** A product entry as a `Product`. */
export function toProduct(entry: EntryOf<ProductData>): Product {
	return { ...entry.data, slug: entry.id };
}

/** An author entry as an `Author`. */
export function toAuthor(entry: EntryOf<AuthorData>): Author {
	return { ...entry.data, slug: entry.id };
}

/** An audit entry as an `Audit`. */
export function toAudit(entry: EntryOf<Omit<AuditData, 'products'> & { products: Ref[] }>): Audit {
	return { ...entry.data, slug: entry.id, products: entry.data.products.map((p) => p.id) };
}
