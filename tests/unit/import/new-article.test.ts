import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	localDate,
	MAX_SLUG_LENGTH,
	newArticle,
	titleSlug,
	type NewArticleContext,
} from '../../../src/import/new-article.ts';

const CONTEXT: NewArticleContext = {
	now: new Date('2024-06-01T12:00:00Z'),
	timeZone: 'Europe/London',
	productSlugs: ['mavic-2-enterprise'],
	auditSlugs: ['bah-2020'],
	authorSlugs: ['maren-holt'],
	articles: new Map([['existing-story', 'content/articles/2020/existing-story.md']]),
	contentDir: 'content',
};
const request = (title: string, extra = {}) => ({
	title,
	products: [],
	audits: [],
	tags: [],
	...extra,
});

describe('titleSlug', () => {
	test('makes a slug of ASCII letters, digits and hyphens from any title', () => {
		assert.equal(titleSlug('Booz Allen: DJI’s drones, tested!'), 'booz-allen-djis-drones-tested');
		assert.equal(titleSlug('Café – Ünïcode  résumé'), 'cafe-unicode-resume');
		assert.equal(titleSlug('!!!'), '');
	});

	test('cuts a long title at a hyphen', () => {
		const slug = titleSlug('word '.repeat(30));
		assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
		assert.match(slug, /^word(-word)+$/);
	});
});

describe('localDate', () => {
	test("is today's date where the dealer is", () => {
		assert.equal(localDate(new Date('2024-06-01T23:30:00Z'), 'Europe/London'), '2024-06-02');
		assert.equal(localDate(new Date('2024-06-01T23:30:00Z'), 'America/New_York'), '2024-06-01');
	});
});

describe('newArticle', () => {
	test('writes the byline as an author slug, and refuses one with no author file', () => {
		const written = newArticle(request('Story', { author: 'maren-holt' }), CONTEXT);
		assert.ok(written.ok);
		assert.match(written.text, /^author: maren-holt$/m);
		const refused = newArticle(request('Story', { author: 'maren-hold' }), CONTEXT);
		assert.deepEqual(refused.ok ? [] : refused.errors, [
			'--author "maren-hold": there is no content/authors/maren-hold.yaml; did you mean "maren-holt"?',
		]);
	});

	test('writes front matter with the date, the terms and draft: true', () => {
		const result = newArticle(
			request('A "quoted": title', {
				type: 'guide',
				products: ['mavic-2-enterprise'],
				tags: ['Data Security', ' Data Security '],
			}),
			CONTEXT
		);
		assert.ok(result.ok);
		assert.equal(result.path, 'content/articles/a-quoted-title.md');
		assert.match(
			result.text,
			/^---\ntitle: 'A "quoted": title'\ndate: 2024-06-01\nproducts:\n {2}- mavic-2-enterprise\ntags:\n {2}- Data Security\ntype: guide\ndraft: true\n---\n\n\S/
		);
	});

	test('leaves out the default type', () => {
		const result = newArticle(request('News', { type: 'news' }), CONTEXT);
		assert.ok(result.ok);
		assert.doesNotMatch(result.text, /type:/);
	});

	test('refuses a slug another article has, naming its file', () => {
		const result = newArticle(request('Existing story'), CONTEXT);
		assert.ok(!result.ok);
		assert.match(result.errors[0] ?? '', /content\/articles\/2020\/existing-story\.md already has/);
	});

	test('lists every problem at once', () => {
		const result = newArticle(
			request('2024', { products: ['mavic-2-enterprize'], audits: ['x'], tags: ['!'], type: 'q' }),
			CONTEXT
		);
		assert.ok(!result.ok);
		assert.equal(result.errors.length, 5, result.errors.join('\n'));
		assert.match(result.errors.join('\n'), /only digits/);
		assert.match(result.errors.join('\n'), /did you mean "mavic-2-enterprise"/);
		assert.match(result.errors.join('\n'), /the audits are: bah-2020/);
	});

	test('takes a slug given instead of the title’s', () => {
		const result = newArticle(request('2024', { slug: 'year-in-review-2024' }), CONTEXT);
		assert.ok(result.ok);
		assert.equal(result.slug, 'year-in-review-2024');
	});
});
