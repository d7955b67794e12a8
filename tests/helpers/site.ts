/**
 * Reading a built site without a browser: which folder to test, its HTML files, its links (read
 * with the parser of ./html.ts), and discovery of one page of each type by following links
 * from the index pages (so no test hard-codes a slug of the sample content).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ROOT } from './build.ts';
import { attrOf, selectAll, type HtmlElement, type HtmlRoot } from './html.ts';

/** The built site the e2e tests run over: env HANGAR_SITE_DIR, default `<ROOT>/dist`. */
export const SITE_DIR = resolve(process.env['HANGAR_SITE_DIR'] ?? join(ROOT, 'dist'));

/** A path no site has, asked for to get the 404 page. */
export const MISSING_PATH = '/hangar-e2e-no-such-page/';

/** Fails early, with a readable message, when the site has not been built. */
export function assertSiteBuilt(dir: string = SITE_DIR): void {
	if (!existsSync(join(dir, 'index.html'))) {
		throw new Error(
			`No built site in ${dir} (no index.html). Run \`npm run build\` first, or point HANGAR_SITE_DIR at a built site.`
		);
	}
}

/** Every file under `dir` whose name ends with `ext`, sorted, as absolute paths. */
export function filesUnder(dir: string, ext: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (entry.name.endsWith(ext)) out.push(p);
		}
	};
	walk(dir);
	return out.sort();
}

/** The URL path a built HTML file is served at: `articles/x/index.html` → `/articles/x/`. */
export function urlPathOf(dir: string, file: string): string {
	const rel = relative(dir, file).split(sep).join('/');
	return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

/** The file a URL path is served from, or undefined when nothing is there (static-host rules). */
export function fileFor(dir: string, urlPath: string): string | undefined {
	const file = join(dir, urlPath);
	if (!file.startsWith(dir)) return undefined;
	if (urlPath.endsWith('/')) {
		const index = join(file, 'index.html');
		return existsSync(index) ? index : undefined;
	}
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** The HTML served at a URL path; throws when there is none. */
export function readPage(dir: string, urlPath: string): string {
	const file = fileFor(dir, urlPath);
	if (!file) throw new Error(`The site in ${dir} has no page at ${urlPath}`);
	return readFileSync(file, 'utf8');
}

/** The decoded `href`s of the links a selector picks (`main a[href]`), in document order. */
export function hrefsIn(html: string | HtmlRoot | HtmlElement, selector = 'a[href]'): string[] {
	return selectAll(html, selector).map((a) => attrOf(a, 'href') ?? '');
}

/** Links in the <main> of the page at `listPath` whose path matches `pattern`, deduplicated. */
export function linksMatching(dir: string, listPath: string, pattern: RegExp): string[] {
	const hrefs = hrefsIn(readPage(dir, listPath), 'main a[href]');
	return [...new Set(hrefs.filter((h) => pattern.test(h)))];
}

/** An article, product, audit or tag page path (not a `/2/` continuation page). */
export const TERM_PAGE = {
	article: /^\/articles\/(?!\d+\/$)[^/]+\/$/,
	product: /^\/products\/(?!\d+\/$)[^/]+\/$/,
	audit: /^\/audits\/(?!\d+\/$)[^/]+\/$/,
	tag: /^\/tags\/(?!\d+\/$)[^/]+\/$/,
	author: /^\/authors\/(?!\d+\/$)[^/]+\/$/,
} as const;

/** All pages of a paginated listing starting at `first` (`first`, `first2/`, … while they exist). */
export function listingPages(dir: string, first: string): string[] {
	const pages = [first];
	for (let n = 2; fileFor(dir, `${first}${n}/`); n++) pages.push(`${first}${n}/`);
	return pages;
}

/** Every article path, in the order of the /articles/ listing (all its pages). */
export function allArticles(dir: string): string[] {
	const seen = new Set<string>();
	for (const page of listingPages(dir, '/articles/')) {
		for (const href of linksMatching(dir, page, TERM_PAGE.article)) seen.add(href);
	}
	return [...seen];
}

/** The links to what an article is filed under: its product cards' pages, its audits and tags. */
export function termLinksOf(dir: string, articlePath: string): string[] {
	return hrefsIn(
		readPage(dir, articlePath),
		'main [aria-labelledby="products-heading"] h3 a[href], main [aria-labelledby="terms-heading"] a[href]'
	);
}

/** What a product page must link to, worked out from the other pages of the site. */
export interface ProductExpectations {
	/** Audit pages whose "products in scope" include the product. */
	audits: string[];
	/** Article pages filed under the product. */
	articles: string[];
}

/** The audits and articles that name `productPath`, from the audit pages and article pages. */
export function productExpectations(dir: string, productPath: string): ProductExpectations {
	const auditPaths = linksMatching(dir, '/audits/', TERM_PAGE.audit);
	const audits = auditPaths.filter((audit) =>
		hrefsIn(readPage(dir, audit), 'main a[href]').includes(productPath)
	);
	const articles = allArticles(dir).filter((a) => termLinksOf(dir, a).includes(productPath));
	return { audits, articles };
}

/** One page of each type, found by following links from the site's own index pages. */
export interface SitePages {
	home: string;
	articles: string;
	/** The first article on /articles/. */
	article: string;
	/** The first article on the listing that is filed under a product, an audit and a tag (else any term). */
	articleWithTerms: string;
	products: string;
	/** The first product on /products/ that has audits and articles (else the first product). */
	product: string;
	audits: string;
	audit: string;
	tags: string;
	tag: string;
	authors: string;
	/** The first author on /authors/. */
	author: string;
	notFound: string;
}

function first(dir: string, listPath: string, pattern: RegExp, what: string): string {
	const found = linksMatching(dir, listPath, pattern)[0];
	if (!found) throw new Error(`${listPath} in ${dir} links to no ${what} page`);
	return found;
}

/** Finds one page of each type in the built site at `dir`. */
export function discoverPages(dir: string = SITE_DIR): SitePages {
	assertSiteBuilt(dir);
	const article = first(dir, '/articles/', TERM_PAGE.article, 'article');
	const withTerms = allArticles(dir).map((a) => ({ a, links: termLinksOf(dir, a) }));
	const full = withTerms.find(({ links }) =>
		[TERM_PAGE.product, TERM_PAGE.audit, TERM_PAGE.tag].every((p) => links.some((l) => p.test(l)))
	);
	const any = withTerms.find(({ links }) => links.length > 0);
	const products = linksMatching(dir, '/products/', TERM_PAGE.product);
	const rich = products.find((p) => {
		const e = productExpectations(dir, p);
		return e.audits.length > 0 && e.articles.length > 0;
	});
	if (existsSync(join(dir, MISSING_PATH))) throw new Error(`${MISSING_PATH} unexpectedly exists`);
	return {
		home: '/',
		articles: '/articles/',
		article,
		articleWithTerms: (full ?? any)?.a ?? article,
		products: '/products/',
		product: rich ?? first(dir, '/products/', TERM_PAGE.product, 'product'),
		audits: '/audits/',
		audit: first(dir, '/audits/', TERM_PAGE.audit, 'audit'),
		tags: '/tags/',
		tag: first(dir, '/tags/', TERM_PAGE.tag, 'tag'),
		authors: '/authors/',
		author: first(dir, '/authors/', TERM_PAGE.author, 'author'),
		notFound: MISSING_PATH,
	};
}

/**
 * The page types every browser test visits, with the status each must answer with (the article
 * filed under products, audits and tags is added when it is not the first article).
 */
export function pageTypes(pages: SitePages): { type: string; path: string; status: number }[] {
	return [
		{ type: 'home', path: pages.home, status: 200 },
		{ type: 'articles index', path: pages.articles, status: 200 },
		{ type: 'article', path: pages.article, status: 200 },
		...(pages.articleWithTerms !== pages.article
			? [{ type: 'article with terms', path: pages.articleWithTerms, status: 200 }]
			: []),
		{ type: 'products index', path: pages.products, status: 200 },
		{ type: 'product', path: pages.product, status: 200 },
		{ type: 'audits index', path: pages.audits, status: 200 },
		{ type: 'audit', path: pages.audit, status: 200 },
		{ type: 'tags index', path: pages.tags, status: 200 },
		{ type: 'tag', path: pages.tag, status: 200 },
		{ type: 'authors index', path: pages.authors, status: 200 },
		{ type: 'author', path: pages.author, status: 200 },
		{ type: '404', path: pages.notFound, status: 404 },
	];
}
