/**
 * `npm run new`: the slug and the file of a new article, from its title and the terms it is
 * filed under. Pure: the script passes in the clock and what the content folder holds, and writes.
 */
import { slug as githubSlug } from 'github-slugger';
import { fileShapeOf } from '../model/describe.ts';
import { formatArticle } from '../model/file-format.ts';
import { tagSlug } from '../model/taxonomy.ts';
import { ARTICLE_TYPES } from '../model/types.ts';
import { likelyMeant } from '../check/problems.ts';
import { SLUG_PATTERN } from '../model/slugs.ts';
import { isPageNumber } from '../model/urls.ts';

/** Slugs longer than this are cut at a hyphen: an address is not a headline. */
export const MAX_SLUG_LENGTH = 60;

/**
 * The slug of a title: github-slugger's (the one tag pages use), with accents folded to ASCII
 * ("Café" → "cafe") and anything else outside a–z, 0–9 dropped, so it passes the slug rule.
 */
export function titleSlug(title: string): string {
	const ascii = githubSlug(title.normalize('NFKD').replace(/\p{M}/gu, ''))
		.replace(/[^a-z0-9-]/g, '')
		.replace(/-+/g, '-')
		.replace(/^-|-$/g, '');
	if (ascii.length <= MAX_SLUG_LENGTH) return ascii;
	const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
	const hyphen = cut.lastIndexOf('-');
	return (hyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, hyphen) : cut.slice(0, -1)).replace(/-$/, '');
}

/** The calendar date (`YYYY-MM-DD`) of `now` in `timeZone`: "today" where the dealer is. */
export function localDate(now: Date, timeZone: string): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		timeZone,
	}).format(now);
}

/** What the author asked for on the command line. */
export interface NewArticleRequest {
	title: string;
	/** Overrides the slug made from the title. */
	slug?: string | undefined;
	type?: string | undefined;
	products: readonly string[];
	audits: readonly string[];
	tags: readonly string[];
	/** The byline: an author slug. */
	author?: string | undefined;
}

/** What the content folder already holds, and the clock. */
export interface NewArticleContext {
	now: Date;
	timeZone: string;
	productSlugs: readonly string[];
	auditSlugs: readonly string[];
	authorSlugs: readonly string[];
	/** Existing article slugs, each with the file that has it. */
	articles: ReadonlyMap<string, string>;
	/** The content folder, e.g. `content`. */
	contentDir: string;
}

/** The article to write, or every reason it cannot be written. */
export type NewArticle =
	{ ok: true; slug: string; path: string; text: string } | { ok: false; errors: string[] };

function unknownSlug(kind: string, value: string, known: readonly string[], dir: string): string {
	const meant = likelyMeant(value, known);
	const hint = meant
		? `did you mean "${meant}"?`
		: known.length
			? `the ${kind}s are: ${known.join(', ')}`
			: `there are no ${kind}s yet`;
	return `--${kind} "${value}": there is no ${dir}/${kind}s/${value}.yaml; ${hint}`;
}

/**
 * The new article's path and text (front matter with today's date, as a draft), or every problem
 * with the request. Refuses a slug another article already has.
 */
export function newArticle(request: NewArticleRequest, context: NewArticleContext): NewArticle {
	const errors: string[] = [];
	const dir = context.contentDir;
	const title = request.title.trim();
	if (!title) errors.push('the title is empty: npm run new -- "Title of the article"');
	const slug = request.slug ?? titleSlug(title);
	if (title && !SLUG_PATTERN.test(slug)) {
		errors.push(
			request.slug
				? `--slug "${slug}" is not lower-case letters, digits and hyphens`
				: `the title "${title}" has no letters or digits to make an address from; add --slug my-article`
		);
	} else if (title && isPageNumber(slug)) {
		errors.push(
			`the slug "${slug}" is only digits, which would collide with the page numbers of /articles/${slug}/; add a word to the title, or --slug`
		);
	}
	const existing = context.articles.get(slug);
	if (existing) {
		errors.push(
			`${existing} already has the slug "${slug}". Change the title, or choose another slug with --slug`
		);
	}
	if (request.type !== undefined && !(ARTICLE_TYPES as readonly string[]).includes(request.type)) {
		const meant = likelyMeant(request.type, ARTICLE_TYPES);
		errors.push(
			`--type "${request.type}" is not an article type; use ${ARTICLE_TYPES.join(', ')}${meant ? ` (did you mean "${meant}"?)` : ''}`
		);
	}
	for (const product of request.products) {
		if (!context.productSlugs.includes(product))
			errors.push(unknownSlug('product', product, context.productSlugs, dir));
	}
	for (const audit of request.audits) {
		if (!context.auditSlugs.includes(audit))
			errors.push(unknownSlug('audit', audit, context.auditSlugs, dir));
	}
	if (request.author !== undefined && !context.authorSlugs.includes(request.author)) {
		errors.push(unknownSlug('author', request.author, context.authorSlugs, dir));
	}
	for (const tag of request.tags) {
		if (!tagSlug(tag)) errors.push(`--tag "${tag}" has no letters or digits to make a page from`);
	}
	if (errors.length) return { ok: false, errors };

	const data = {
		title,
		date: localDate(context.now, context.timeZone),
		type: request.type,
		products: [...new Set(request.products)],
		audits: [...new Set(request.audits)],
		tags: [...new Set(request.tags.map((t) => t.trim()))],
		author: request.author,
		// A draft, as `hugo new` makes them: nothing half-written goes live by accident.
		draft: true,
	};
	const body = [
		'The first paragraph is the teaser on listings and in search results, unless you add a',
		'`description:` line above. Remove `draft: true` when the article is ready to publish.',
	].join('\n');
	// In the editor's canonical form, so that its first save changes only what the writer changed.
	const text = formatArticle(data, body, fileShapeOf('articles'));
	return { ok: true, slug, path: `${dir}/articles/${slug}.md`, text };
}
