/**
 * The links an article shows to the products, audits and tags it is filed under, and whether it
 * shows the site's disclosure.
 */
import { tagSlug } from './taxonomy.ts';
import type { Article, Audit, Author, Product, Tag } from './types.ts';
import { auditUrl, tagUrl } from './urls.ts';

/** A labelled group of links. */
export interface TermGroup {
	heading: string;
	links: { href: string; label: string }[];
}

/** Lookups of the site's terms by slug. */
export interface TermLookups {
	productBySlug: ReadonlyMap<string, Product>;
	auditBySlug: ReadonlyMap<string, Audit>;
	tagBySlug: ReadonlyMap<string, Tag>;
	authorBySlug: ReadonlyMap<string, Author>;
}

/**
 * The article's audits and tags as link groups, named as the site names them (a tag shows its
 * site-wide spelling, so every variant links to the one page). Its products are cards of their own.
 */
export function articleTerms(article: Article, site: TermLookups): TermGroup[] {
	const tagSlugs = [...new Set(article.tags.map(tagSlug))];
	return [
		{
			heading: 'Audits',
			links: article.audits.flatMap((slug) => {
				const audit = site.auditBySlug.get(slug);
				return audit ? [{ href: auditUrl(slug), label: audit.title }] : [];
			}),
		},
		{
			heading: 'Tags',
			links: tagSlugs.map((slug) => ({
				href: tagUrl(slug),
				label: site.tagBySlug.get(slug)?.name ?? slug,
			})),
		},
	];
}

/** The article's products that exist, in the article's order: its product cards. */
export function articleProducts(article: Article, site: TermLookups): Product[] {
	return article.products.flatMap((slug) => site.productBySlug.get(slug) ?? []);
}

/**
 * Whether the article shows the site's disclosure: it names a product the shop sells (one with a
 * shop `url`), and it was not turned off with a written reason (`withoutDisclosure`).
 */
export function showsDisclosure(article: Article, site: TermLookups): boolean {
	if (article.withoutDisclosure?.trim()) return false;
	return articleProducts(article, site).some((p) => p.url !== undefined);
}

/** What a product page and its feed say about the product: its summary, or a sentence made up. */
export function productDescription(product: Product): string {
	return product.summary ?? `News and audits about the ${product.manufacturer} ${product.name}.`;
}

/** What an audit page and its feed say about the audit: its summary, or who carried it out. */
export function auditDescription(audit: Audit): string {
	return audit.summary ?? `${audit.title}, by ${audit.auditor}.`;
}
