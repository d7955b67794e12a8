/**
 * A small content folder in memory for the checker's unit tests: one valid product, audit, author
 * and article, which a test changes to show one rule.
 */
import assert from 'node:assert/strict';
import { validateContent as validateAll } from '../../src/check/content.ts';
import type { ContentProblem, ContentSnapshot } from '../../src/check/problems.ts';
import { formatProblems } from '../../src/check/report.ts';

/** Every finding, errors, warnings and scheduled articles alike. */
export { validateAll };

/** The errors only: the tests of the contract's errors ignore the linter's warnings. */
export const validateContent = (snapshot: ContentSnapshot) =>
	validateAll(snapshot).filter((p) => p.severity === 'error');

/** A valid product file. */
export const PRODUCT = 'name: Mavic 2 Enterprise\nmanufacturer: DJI\n';
/** A valid author file (`content/authors/ann-writer.yaml`). */
export const AUTHOR = 'name: Ann Writer\nrole: Technical editor\nbio: Ann checks every claim.\n';
const AUDIT =
	'title: BAH audit\nauditor: Booz Allen Hamilton\ndate: 2020-07-01\nproducts: [mavic-2-enterprise]\n';

/** A valid site with one article (`content/articles/story.md`), changed by the test. */
export function site(
	article: string,
	extra: Partial<ContentSnapshot> = {},
	files: string[] = []
): ContentSnapshot {
	return {
		contentDir: 'content',
		articles: [{ path: 'content/articles/story.md', text: article }],
		products: [{ path: 'content/products/mavic-2-enterprise.yaml', text: PRODUCT }],
		audits: [{ path: 'content/audits/bah-2020.yaml', text: AUDIT }],
		authors: [{ path: 'content/authors/ann-writer.yaml', text: AUTHOR }],
		files: new Set(['content/articles/story.md', ...files]),
		...extra,
	};
}

/** An article file: front matter `fm`, then the body. */
export const md = (fm: string, body = 'Body.') => `---\n${fm}\n---\n\n${body}\n`;

/** The one finding of a list, failing the test with all of them when there is not exactly one. */
export function only(problems: ContentProblem[]): ContentProblem {
	assert.equal(problems.length, 1, formatProblems(problems));
	return problems[0] as ContentProblem;
}
