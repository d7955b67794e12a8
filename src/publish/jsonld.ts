/**
 * Structured data (schema.org JSON-LD): one `@graph` per page, with nodes linked by `@id`.
 * Article pages get a `NewsArticle` (an `Article` for guides) about its products and citing its
 * audits' reports; product and audit pages a `CollectionPage`; the home page the `Organization`
 * and a `WebSite` whose search Google can offer.
 * @see https://developers.google.com/search/docs/appearance/structured-data/article
 * @see https://developers.google.com/search/docs/appearance/structured-data/breadcrumb
 */
import { TYPE_LABELS } from '../model/articles.ts';
import { lastChanged } from '../model/corrections.ts';
import { tagSlug } from '../model/taxonomy.ts';
import type { TermLookups } from '../model/terms.ts';
import type { Article, Audit, Author, Product } from '../model/types.ts';
import { absoluteUrl, articleUrl, authorUrl, productUrl } from '../model/urls.ts';

/** A JSON-LD node. */
export type JsonLdNode = Record<string, unknown>;

/** A page's structured data. */
export interface JsonLdGraph {
	'@context': 'https://schema.org';
	'@graph': JsonLdNode[];
}

/** What structured data needs to know about the site. */
export interface JsonLdSite {
	name: string;
	description: string;
	/** The site's origin, e.g. https://news.example.com */
	url: string;
	locale: string;
	/** The logo: a path on the site. */
	logo: { src: string };
	/** Full URLs of the dealer's profiles elsewhere. */
	social: { profiles: readonly string[] };
	/** The dealer's main website or shop. */
	shopUrl: string;
}

/** One crumb of a breadcrumb trail, as `Breadcrumbs.astro` shows it. */
export interface Crumb {
	label: string;
	href?: string | undefined;
}

/** Wraps nodes into the one graph a page carries. */
export function graph(nodes: JsonLdNode[]): JsonLdGraph {
	return { '@context': 'https://schema.org', '@graph': nodes };
}

/**
 * The graph as text for a `<script type="application/ld+json">`: `<` is escaped so no value (a
 * headline such as `</script>`) can end the script element early.
 */
export function serializeJsonLd(data: JsonLdGraph): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** The `@id` of the dealer's Organization node. */
export function organizationId(site: JsonLdSite): string {
	return `${absoluteUrl(site.url, '/')}#organization`;
}

/** The `@id` of the WebSite node. */
export function websiteId(site: JsonLdSite): string {
	return `${absoluteUrl(site.url, '/')}#website`;
}

/** The dealer as an Organization with its logo: the publisher of every article. */
export function organizationNode(site: JsonLdSite): JsonLdNode {
	return {
		'@type': 'Organization',
		'@id': organizationId(site),
		name: site.name,
		url: absoluteUrl(site.url, '/'),
		logo: { '@type': 'ImageObject', url: absoluteUrl(site.url, site.logo.src) },
		sameAs: [site.shopUrl, ...site.social.profiles],
	};
}

/** The site, with a SearchAction that opens `/search/?q=…`. */
export function websiteNode(site: JsonLdSite): JsonLdNode {
	return {
		'@type': 'WebSite',
		'@id': websiteId(site),
		name: site.name,
		description: site.description,
		url: absoluteUrl(site.url, '/'),
		inLanguage: site.locale,
		publisher: { '@id': organizationId(site) },
		potentialAction: {
			'@type': 'SearchAction',
			target: {
				'@type': 'EntryPoint',
				urlTemplate: `${absoluteUrl(site.url, '/search/')}?q={search_term_string}`,
			},
			'query-input': 'required name=search_term_string',
		},
	};
}

/**
 * The BreadcrumbList of a visible trail: "Home" and then the page's crumbs, each with its absolute
 * URL; the last crumb (the page itself) has no link on the page and no `item` here.
 */
export function breadcrumbNode(
	crumbs: readonly Crumb[],
	pageUrl: string,
	site: JsonLdSite
): JsonLdNode {
	const trail: Crumb[] = [{ label: 'Home', href: '/' }, ...crumbs];
	return {
		'@type': 'BreadcrumbList',
		'@id': `${pageUrl}#breadcrumb`,
		itemListElement: trail.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.label,
			...(crumb.href ? { item: absoluteUrl(site.url, crumb.href) } : {}),
		})),
	};
}

/** A product as schema.org Product: brand, category, and the dealer's shop page when there is one. */
export function productNode(product: Product, site: JsonLdSite, image?: string): JsonLdNode {
	return {
		'@type': 'Product',
		'@id': `${absoluteUrl(site.url, productUrl(product.slug))}#product`,
		name: product.name,
		brand: { '@type': 'Brand', name: product.manufacturer },
		...(product.category ? { category: product.category } : {}),
		...(product.summary ? { description: product.summary } : {}),
		...(image ? { image } : {}),
		url: product.url ?? absoluteUrl(site.url, productUrl(product.slug)),
	};
}

/**
 * An audit as the Report it produced: who wrote it, who asked for it, when, where it is and the
 * products in scope (`products`, in the audit's order).
 */
export function auditNode(
	audit: Audit,
	products: readonly Product[],
	site: JsonLdSite
): JsonLdNode {
	return {
		'@type': 'Report',
		name: audit.title,
		author: { '@type': 'Organization', name: audit.auditor },
		...(audit.commissionedBy
			? { sponsor: { '@type': 'Organization', name: audit.commissionedBy } }
			: {}),
		datePublished: audit.date.toISOString(),
		...(audit.summary ? { abstract: audit.summary } : {}),
		...(audit.reportUrl ? { url: audit.reportUrl } : {}),
		about: products.map((product) => productNode(product, site)),
	};
}

/** What an article's node needs besides the article. */
export interface ArticleContext {
	lookups: TermLookups;
	/** Absolute URLs of its images, the 1200 px wide social image first. */
	images: string[];
	/** The visible breadcrumb trail after "Home". */
	crumbs: readonly Crumb[];
}

/**
 * An article page's graph: the article (`NewsArticle` for news and statements, `Article` for
 * guides) with its byline, dates, publisher, images, keywords, `about` its products and `citation`
 * of its audits' reports, plus the publisher and the breadcrumb trail.
 */
export function articleGraph(
	article: Article,
	site: JsonLdSite,
	context: ArticleContext
): JsonLdGraph {
	const url = absoluteUrl(site.url, articleUrl(article.slug));
	const { lookups } = context;
	const products = article.products.flatMap((slug) => lookups.productBySlug.get(slug) ?? []);
	const audits = article.audits.flatMap((slug) => lookups.auditBySlug.get(slug) ?? []);
	const author = article.author ? lookups.authorBySlug.get(article.author) : undefined;
	const keywords = [
		...new Set(article.tags.map((t) => lookups.tagBySlug.get(tagSlug(t))?.name ?? t)),
	];
	const node: JsonLdNode = {
		'@type': article.type === 'guide' ? 'Article' : 'NewsArticle',
		'@id': `${url}#article`,
		headline: article.title,
		description: article.description,
		datePublished: article.date.toISOString(),
		dateModified: lastChanged(article).toISOString(),
		author: author ? personNode(author, site) : { '@id': organizationId(site) },
		publisher: { '@id': organizationId(site) },
		image: context.images,
		mainEntityOfPage: { '@type': 'WebPage', '@id': url },
		articleSection: TYPE_LABELS[article.type],
		inLanguage: site.locale,
		...(keywords.length > 0 ? { keywords } : {}),
		// Things, not Products: Google reads a Product on an article page as a merchant listing
		// missing its offer; the product pages carry the Product.
		...(products.length > 0 ? { about: products.map((p) => productMention(p, site)) } : {}),
		...(audits.length > 0 ? { citation: audits.map((a) => auditCitation(a)) } : {}),
		breadcrumb: { '@id': `${url}#breadcrumb` },
	};
	return graph([node, organizationNode(site), breadcrumbNode(context.crumbs, url, site)]);
}

/** A product an article is about, as a Thing linking to the product's page. */
function productMention(product: Product, site: JsonLdSite): JsonLdNode {
	return {
		'@type': 'Thing',
		name: `${product.manufacturer} ${product.name}`,
		url: absoluteUrl(site.url, productUrl(product.slug)),
	};
}

/**
 * An author as a Person: the author page as `url` and `@id`, the role as `jobTitle`, profiles as
 * `sameAs`, credentials as `hasCredential`, and the dealer as employer.
 * @see https://developers.google.com/search/docs/appearance/structured-data/article#author-bp
 */
export function personNode(author: Author, site: JsonLdSite, image?: string): JsonLdNode {
	const url = absoluteUrl(site.url, authorUrl(author.slug));
	return {
		'@type': 'Person',
		'@id': `${url}#person`,
		name: author.name,
		url,
		...(author.role ? { jobTitle: author.role } : {}),
		...(author.bio ? { description: author.bio } : {}),
		...(image ? { image } : {}),
		...(author.links.length > 0 ? { sameAs: author.links } : {}),
		...(author.credentials.length > 0
			? {
					hasCredential: author.credentials.map((name) => ({
						'@type': 'EducationalOccupationalCredential',
						name,
					})),
				}
			: {}),
		worksFor: { '@id': organizationId(site) },
	};
}

/**
 * An author page's graph: a `ProfilePage` whose main entity is the Person, listing the articles
 * it shows, plus the publisher and the breadcrumb trail.
 * @see https://developers.google.com/search/docs/appearance/structured-data/profile-page
 */
export function authorGraph(
	author: Author,
	input: Omit<CollectionInput, 'about' | 'name' | 'description'> & { image?: string | undefined },
	site: JsonLdSite
): JsonLdGraph {
	const url = absoluteUrl(site.url, input.path);
	const page: JsonLdNode = {
		'@type': 'ProfilePage',
		'@id': url,
		url,
		name: author.name,
		mainEntity: personNode(author, site, input.image),
		hasPart: articleItemList(input.articles, site, input.offset),
	};
	return listingGraph(page, input.crumbs, site);
}

/** An audit cited by an article: its report, linked when the audit has a `reportUrl`. */
function auditCitation(audit: Audit): JsonLdNode {
	return {
		'@type': 'Report',
		name: audit.title,
		author: { '@type': 'Organization', name: audit.auditor },
		datePublished: audit.date.toISOString(),
		...(audit.reportUrl ? { url: audit.reportUrl } : {}),
	};
}

/** The ItemList of the articles a listing shows, in the order shown. */
export function articleItemList(
	articles: readonly Article[],
	site: JsonLdSite,
	offset = 0
): JsonLdNode {
	return {
		'@type': 'ItemList',
		numberOfItems: articles.length,
		itemListElement: articles.map((article, index) => ({
			'@type': 'ListItem',
			position: offset + index + 1,
			url: absoluteUrl(site.url, articleUrl(article.slug)),
			name: article.title,
		})),
	};
}

/** A listing page of articles: title, description, the articles shown, what it is about, its trail. */
export interface CollectionInput {
	/** Path of the page. */
	path: string;
	name: string;
	description: string;
	/** The articles on this page, in order. */
	articles: readonly Article[];
	/** Position of the first article in the whole list (0 on page 1). */
	offset?: number | undefined;
	/** The node the page is about (a Product, a Report), when it has one. */
	about?: JsonLdNode | undefined;
	/** The visible breadcrumb trail after "Home", when the page shows one. */
	crumbs?: readonly Crumb[] | undefined;
}

/**
 * A listing page's graph: a `CollectionPage` whose main entity is the `ItemList` of its articles,
 * `about` the product or audit, part of the WebSite, plus the breadcrumb trail.
 */
export function collectionGraph(input: CollectionInput, site: JsonLdSite): JsonLdGraph {
	const url = absoluteUrl(site.url, input.path);
	const page: JsonLdNode = {
		'@type': 'CollectionPage',
		'@id': url,
		url,
		name: input.name,
		description: input.description,
		...(input.about ? { about: input.about } : {}),
		mainEntity: articleItemList(input.articles, site, input.offset),
	};
	return listingGraph(page, input.crumbs, site);
}

/**
 * A listing page's graph: its node (part of the WebSite, with the breadcrumb trail when the page
 * shows one), the WebSite and the publisher.
 */
function listingGraph(
	page: JsonLdNode,
	crumbs: readonly Crumb[] | undefined,
	site: JsonLdSite
): JsonLdGraph {
	const url = String(page['@id']);
	return graph([
		{
			...page,
			inLanguage: site.locale,
			isPartOf: { '@id': websiteId(site) },
			...(crumbs ? { breadcrumb: { '@id': `${url}#breadcrumb` } } : {}),
		},
		websiteNode(site),
		organizationNode(site),
		...(crumbs ? [breadcrumbNode(crumbs, url, site)] : []),
	]);
}

/** The home page's graph: the dealer's Organization and the WebSite with its SearchAction. */
export function homeGraph(site: JsonLdSite): JsonLdGraph {
	return graph([organizationNode(site), websiteNode(site)]);
}
