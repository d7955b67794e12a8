/**
 * The content check: every file of the content folder against the model, then the site as a
 * whole. Pure: the caller reads the files (`read.ts`) and passes them in.
 */
import { articleSlugOf, dataSlugOf, SLUG_PATTERN } from '../model/slugs.ts';
import { tagSlug } from '../model/taxonomy.ts';
import { checkArticle, checkDataFile } from './entries.ts';
import type { FieldContext } from './fields.ts';
import {
	byPosition,
	type ContentProblem,
	type ContentSnapshot,
	type SourceFile,
} from './problems.ts';
import { checkRedirectsFile } from './redirects-file.ts';
import { lintSite } from './site-lint.ts';
import { isPageNumber } from '../model/urls.ts';

/**
 * Checks every file and cross-reference, and lints the site as a whole; returns every finding
 * (errors, warnings and scheduled articles) ordered by file, line and column.
 */
export function validateContent(snapshot: ContentSnapshot): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const products = slugsOf(snapshot.products, 'product', problems);
	const audits = slugsOf(snapshot.audits, 'audit', problems);
	const authors = slugsOf(snapshot.authors ?? [], 'author', problems);
	const slugs = {
		products: [...new Set(products.values())],
		audits: [...new Set(audits.values())],
		authors: [...new Set(authors.values())],
	};
	const ctx: FieldContext = { snapshot, slugs, problems };
	const facts = [...slugsOf(snapshot.articles, 'article', problems)].map(([file, slug]) =>
		checkArticle(file, slug, ctx)
	);
	for (const file of snapshot.products) checkDataFile('product', file, ctx);
	for (const file of snapshot.audits) checkDataFile('audit', file, ctx);
	for (const file of snapshot.authors ?? []) checkDataFile('author', file, ctx);
	const pages = lintSite(facts, ctx);
	if (snapshot.redirects) checkRedirectsFile(snapshot.redirects, pages, ctx);
	return problems.sort(byPosition);
}

const DUPLICATE_FIX = {
	article:
		'rename one of them; the slug is the file name (or the folder name for index.md) and must be unique',
	product: (slug: string) => `keep one product file named "${slug}" and delete or rename the other`,
	audit: (slug: string) => `keep one audit file named "${slug}" and delete or rename the other`,
	author: (slug: string) => `keep one author file named "${slug}" and delete or rename the other`,
};

/**
 * The slug of each file of one kind, in order; a slug that is not one, or that an earlier file
 * already has, is reported (every file is still checked).
 */
function slugsOf(
	files: readonly SourceFile[],
	kind: 'article' | 'product' | 'audit' | 'author',
	problems: ContentProblem[]
): Map<SourceFile, string> {
	const slugOf = kind === 'article' ? articleSlugOf : dataSlugOf;
	const first = new Map<string, string>();
	const slugs = new Map<SourceFile, string>();
	for (const file of files) {
		const slug = slugOf(file.path);
		checkSlug(file, slug, kind, problems);
		const owner = first.get(slug);
		if (owner) {
			const fix = DUPLICATE_FIX[kind];
			problems.push({
				severity: 'error',
				rule: 'duplicate-slug',
				file: file.path,
				message: `two ${kind}s have the slug "${slug}": this file and ${owner}`,
				fix: typeof fix === 'string' ? fix : fix(slug),
			});
		} else first.set(slug, file.path);
		slugs.set(file, slug);
	}
	return slugs;
}

function checkSlug(file: SourceFile, slug: string, kind: string, problems: ContentProblem[]): void {
	if (!SLUG_PATTERN.test(slug)) {
		problems.push({
			severity: 'error',
			rule: 'invalid-slug',
			file: file.path,
			message: `the ${kind} slug "${slug}" (from the file name) is not lower-case letters, digits and hyphens`,
			fix: `rename it to "${tagSlug(slug).replace(/[^a-z0-9-]/g, '') || 'a-name'}"`,
		});
	} else if (kind === 'article' && isPageNumber(slug)) {
		problems.push({
			severity: 'error',
			rule: 'invalid-slug',
			file: file.path,
			message: `the article slug "${slug}" is only digits, which would collide with the page numbers of /articles/${slug}/`,
			fix: 'give the file a name with at least one letter',
		});
	}
}
