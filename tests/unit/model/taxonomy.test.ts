import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	auditsCovering,
	bySlug,
	cleanTag,
	collectTags,
	countsOf,
	groupBy,
	groupByAudit,
	groupByProduct,
	groupByTag,
	tagSlug,
} from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit } from '../../helpers/factories.ts';

describe('tags', () => {
	test('folds case and spacing into one slug', () => {
		assert.equal(tagSlug('Data Security'), 'data-security');
		assert.equal(tagSlug('data  security'), 'data-security');
		assert.equal(tagSlug(' DATA SECURITY '), 'data-security');
		assert.equal(tagSlug('RSS'), tagSlug('rss'));
	});

	test('drops punctuation that cannot go in a URL', () => {
		assert.equal(tagSlug('AES-256 & encryption!'), 'aes-256--encryption');
		assert.equal(tagSlug('!!!'), '');
	});

	test('tidies whitespace in what authors wrote', () => {
		assert.equal(cleanTag('  Data \t Security '), 'Data Security');
	});

	test('counts every spelling of a tag as one, named as the oldest article wrote it', () => {
		const articles = [
			makeArticle({ slug: 'new', date: new Date('2021-01-01'), tags: ['data security'] }),
			makeArticle({ slug: 'old', date: new Date('2020-01-01'), tags: ['Data Security', 'Audits'] }),
			makeArticle({
				slug: 'mid',
				date: new Date('2020-06-01'),
				tags: ['DATA  SECURITY', 'data security'],
			}),
		];
		assert.deepEqual(collectTags(articles), [
			{ slug: 'audits', name: 'Audits', count: 1 },
			{ slug: 'data-security', name: 'Data Security', count: 3 },
		]);
	});
});

describe('grouping', () => {
	const a = makeArticle({ slug: 'a', products: ['p1', 'p2'], audits: ['x'], tags: ['T'] });
	const b = makeArticle({ slug: 'b', products: ['p2'], tags: ['t', 'Other'] });

	test('groups an article under each of its products, keeping list order', () => {
		const groups = groupByProduct([a, b]);
		assert.deepEqual([...groups.keys()], ['p1', 'p2']);
		assert.deepEqual(
			groups.get('p2')?.map((x) => x.slug),
			['a', 'b']
		);
	});

	test('groups by audit and by folded tag', () => {
		assert.deepEqual(
			groupByAudit([a, b])
				.get('x')
				?.map((x) => x.slug),
			['a']
		);
		assert.deepEqual(
			groupByTag([a, b])
				.get('t')
				?.map((x) => x.slug),
			['a', 'b']
		);
	});

	test('lists an item once per key even when the key repeats', () => {
		const groups = groupBy([{ id: 1, keys: ['k', 'k'] }], (i) => i.keys);
		assert.equal(groups.get('k')?.length, 1);
	});

	test('counts group sizes', () => {
		assert.deepEqual(
			[...countsOf(groupByProduct([a, b]))],
			[
				['p1', 1],
				['p2', 2],
			]
		);
	});

	test('finds the audits whose scope includes a product', () => {
		const audits = [
			makeAudit({ slug: 'x', products: ['p1'] }),
			makeAudit({ slug: 'y', products: ['p2'] }),
		];
		assert.deepEqual(
			auditsCovering(audits, 'p2').map((x) => x.slug),
			['y']
		);
		assert.equal(bySlug(audits).get('x')?.slug, 'x');
	});
});
