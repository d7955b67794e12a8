/**
 * The links an article shows to the products, audits and tags it is filed under.
 */
import { tagSlug } from './taxonomy.ts';
import type { Article, Audit, Product, Tag } from './types.ts';
import { auditUrl, productUrl, tagUrl } from './urls.ts';

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
}

/**
 * The article's products, audits and tags as link groups, named as the site names them (a tag
 * shows its site-wide spelling, so every variant links to the one page).
 */
export function articleTerms(article: Article, site: TermLookups): TermGroup[] {
	const tagSlugs = [...new Set(article.tags.map(tagSlug))];
	return [
		{
			heading: 'Products',
			links: article.products.flatMap((slug) => {
				const product = site.productBySlug.get(slug);
				return product ? [{ href: productUrl(slug), label: product.name }] : [];
			}),
		},
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

/** What a product page and its feed say about the product: its summary, or a sentence made up. */
export function productDescription(product: Product): string {
	return product.summary ?? `News and audits about the ${product.manufacturer} ${product.name}.`;
}

/** What an audit page and its feed say about the audit: its summary, or who carried it out. */
export function auditDescription(audit: Audit): string {
	return audit.summary ?? `${audit.title}, by ${audit.auditor}.`;
}
