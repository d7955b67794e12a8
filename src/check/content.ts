/**
 * The content check: every file of the content folder against the model, then the site as a
 * whole. Pure: the caller reads the files (`read.ts`) and passes them in.
 */
import { articleSlugOf, dataSlugOf, SLUG_PATTERN } from '../model/slugs.ts';
import { tagSlug } from '../model/taxonomy.ts';
import { checkArticle, checkDataFile, type ArticleFacts } from './entries.ts';
import type { FieldContext } from './fields.ts';
import {
	byPosition,
	type ContentProblem,
	type ContentSnapshot,
	type SourceFile,
} from './problems.ts';
import { checkRedirectsFile } from './redirects-file.ts';
import { lintSite } from './site-lint.ts';

/**
 * Checks every file and cross-reference, and lints the site as a whole; returns every finding
 * (errors, warnings and scheduled articles) ordered by file, line and column.
 */
export function validateContent(snapshot: ContentSnapshot): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const slugs = {
		products: slugsOf(snapshot.products, 'product', problems),
		audits: slugsOf(snapshot.audits, 'audit', problems),
	};
	const ctx: FieldContext = { snapshot, slugs, problems };
	const seenArticles = new Map<string, string>();
	const facts: ArticleFacts[] = [];
	for (const file of snapshot.articles) {
		const slug = articleSlugOf(file.path);
		checkSlug(file, slug, 'article', problems);
		const first = seenArticles.get(slug);
		if (first) {
			problems.push({
				severity: 'error',
				rule: 'duplicate-slug',
				file: file.path,
				message: `two articles have the slug "${slug}": this file and ${first}`,
				fix: 'rename one of them; the slug is the file name (or the folder name for index.md) and must be unique',
			});
		} else seenArticles.set(slug, file.path);
		facts.push(checkArticle(file, slug, ctx));
	}
	for (const file of snapshot.products) checkDataFile('product', file, ctx);
	for (const file of snapshot.audits) checkDataFile('audit', file, ctx);
	const pages = lintSite(facts, ctx);
	if (snapshot.redirects) checkRedirectsFile(snapshot.redirects, pages, ctx);
	return problems.sort(byPosition);
}

function slugsOf(files: SourceFile[], kind: string, problems: ContentProblem[]): string[] {
	const seen = new Map<string, string>();
	for (const file of files) {
		const slug = dataSlugOf(file.path);
		checkSlug(file, slug, kind, problems);
		const first = seen.get(slug);
		if (first) {
			problems.push({
				severity: 'error',
				rule: 'duplicate-slug',
				file: file.path,
				message: `two ${kind}s have the slug "${slug}": this file and ${first}`,
				fix: `keep one ${kind} file named "${slug}" and delete or rename the other`,
			});
		} else seen.set(slug, file.path);
	}
	return [...seen.keys()];
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
	} else if (kind === 'article' && /^\d+$/.test(slug)) {
		problems.push({
			severity: 'error',
			rule: 'invalid-slug',
			file: file.path,
			message: `the article slug "${slug}" is only digits, which would collide with the page numbers of /articles/${slug}/`,
			fix: 'give the file a name with at least one letter',
		});
	}
}
