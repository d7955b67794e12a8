import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toComment } from '../../../src/comments/model.ts';
import { toArticle, toAudit, toProduct } from '../../../src/model/entries.ts';
import {
	articleSchema,
	auditSchema,
	commentSchema,
	PLAIN,
	productSchema,
} from '../../../src/model/schema.ts';

describe('entries as the pages receive them', () => {
	test('an article keeps every field, with slugs for references and derived values added', () => {
		const data = articleSchema(PLAIN).parse({
			title: 'T',
			date: '2024-01-02',
			tags: ['Audits'],
		});
		const article = toArticle(
			{
				id: 'story',
				data: {
					...data,
					products: [{ id: 'm2e' }],
					audits: [{ id: 'bah' }],
					author: { id: 'ann-lee' },
				},
				body: 'First paragraph here.\n\nMore words.',
				digest: 123,
			},
			230
		);
		assert.equal(article.slug, 'story');
		assert.deepEqual(article.products, ['m2e']);
		assert.deepEqual(article.audits, ['bah']);
		assert.equal(article.description, 'First paragraph here.');
		assert.equal(article.readingMinutes, 1);
		assert.equal(article.digest, '123');
		assert.equal(article.author, 'ann-lee');
		assert.equal(article.type, 'news');
		assert.equal(article.comments, true);
		assert.deepEqual(article.date, new Date('2024-01-02T00:00:00Z'));
	});

	test('a front-matter description wins over the first paragraph', () => {
		const data = articleSchema(PLAIN).parse({ title: 'T', date: '2024-01-02', description: 'D.' });
		const article = toArticle(
			{ id: 'a', data: { ...data, products: [], audits: [], author: undefined }, body: 'P.' },
			230
		);
		assert.equal(article.description, 'D.');
	});

	test('a product, an audit and a comment get their slugs and ids', () => {
		const product = toProduct({
			id: 'm2e',
			data: productSchema(PLAIN).parse({ name: 'M2E', manufacturer: 'DJI' }),
		});
		assert.deepEqual(product, { name: 'M2E', manufacturer: 'DJI', slug: 'm2e' });
		const audit = toAudit({
			id: 'bah',
			data: {
				...auditSchema(PLAIN).parse({ title: 'A', auditor: 'B', date: '2020-01-01' }),
				products: [{ id: 'm2e' }],
			},
		});
		assert.deepEqual(audit.products, ['m2e']);
		assert.equal(audit.slug, 'bah');
		const comment = toComment({
			id: 'story/20240101-120000-abcd',
			data: commentSchema.parse({ name: 'Ann', date: '2024-01-01T12:00:00Z', body: 'Hi' }),
		});
		assert.equal(comment.article, 'story');
		assert.equal(comment.id, '20240101-120000-abcd');
	});

	test('a key written without a value reads as absent, so its default applies', () => {
		const data = articleSchema(PLAIN).parse({
			title: 'T',
			date: '2024-01-02',
			draft: null,
			tags: null,
		});
		assert.equal(data.draft, false);
		assert.deepEqual(data.tags, []);
	});
});
