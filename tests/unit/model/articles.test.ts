import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	articleCount,
	byNewest,
	isPublished,
	isScheduled,
	neighbours,
	neighboursAt,
	relatedArticles,
	relatedArticlesAll,
	RELATED_WEIGHTS,
} from '../../../src/model/articles.ts';
import { tagSlug } from '../../../src/model/taxonomy.ts';
import { makeArticle } from '../../helpers/factories.ts';

const now = new Date('2024-06-01T12:00:00Z');

describe('publishing', () => {
	test('publishes a dated article that is not a draft', () => {
		assert.equal(isPublished({ date: new Date('2024-06-01T00:00:00Z') }, now), true);
	});

	test('leaves drafts out, whatever their date', () => {
		assert.equal(isPublished({ date: new Date('2020-01-01'), draft: true }, now), false);
		assert.equal(isScheduled({ date: new Date('2030-01-01'), draft: true }, now), false);
	});

	test('holds back an article dated after the build as scheduled', () => {
		const later = { date: new Date('2024-06-01T12:00:01Z') };
		assert.equal(isPublished(later, now), false);
		assert.equal(isScheduled(later, now), true);
	});
});

describe('ordering', () => {
	test('sorts newest first, then by slug for the same date', () => {
		const list = [
			makeArticle({ slug: 'b', date: new Date('2020-01-01') }),
			makeArticle({ slug: 'c', date: new Date('2021-01-01') }),
			makeArticle({ slug: 'a', date: new Date('2020-01-01') }),
		].sort(byNewest);
		assert.deepEqual(
			list.map((x) => x.slug),
			['c', 'a', 'b']
		);
	});

	test('finds the older and newer neighbours in a newest-first list', () => {
		const list = ['c', 'b', 'a'].map((slug) => makeArticle({ slug }));
		assert.deepEqual(
			{ newer: neighbours('b', list).newer?.slug, older: neighbours('b', list).older?.slug },
			{ newer: 'c', older: 'a' }
		);
		assert.equal(neighbours('c', list).newer, undefined);
		assert.equal(neighbours('a', list).older, undefined);
		assert.deepEqual(neighbours('missing', list), {});
	});
});

describe('related articles', () => {
	const me = makeArticle({ slug: 'me', products: ['p'], audits: ['x'], tags: ['Security'] });
	const sameProduct = makeArticle({
		slug: 'product',
		products: ['p'],
		date: new Date('2019-01-01'),
	});
	const sameAudit = makeArticle({ slug: 'audit', audits: ['x'] });
	const sameTag = makeArticle({ slug: 'tag', tags: ['security'] });
	const unrelated = makeArticle({ slug: 'none', products: ['q'], tags: ['Other'] });
	const everything = makeArticle({
		slug: 'all',
		products: ['p'],
		audits: ['x'],
		tags: ['SECURITY'],
	});
	const all = [me, sameTag, unrelated, sameAudit, sameProduct, everything];

	test('ranks by shared products, then audits, then tags, leaving out itself and strangers', () => {
		assert.deepEqual(
			relatedArticles(me, all, 10).map((x) => x.slug),
			['all', 'product', 'audit', 'tag']
		);
	});

	test('returns at most the limit', () => {
		assert.equal(relatedArticles(me, all, 2).length, 2);
	});

	test('breaks ties by the newer article', () => {
		const older = makeArticle({ slug: 'older', tags: ['Security'], date: new Date('2019-01-01') });
		const newer = makeArticle({ slug: 'newer', tags: ['Security'], date: new Date('2022-01-01') });
		assert.deepEqual(
			relatedArticles(me, [older, newer], 2).map((x) => x.slug),
			['newer', 'older']
		);
	});
});

test('words article counts', () => {
	assert.equal(articleCount(1), '1 article');
	assert.equal(articleCount(0), '0 articles');
	assert.equal(articleCount(12), '12 articles');
});

test('finds the related articles of a whole archive as pairwise scoring would', () => {
	// A seeded archive of 300 articles sharing products, audits and (case-varied) tags.
	let seed = 7;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const pick = (n: number, of: string) =>
		Array.from(
			{ length: 1 + Math.floor(random() * n) },
			() => `${of}${Math.floor(random() ** 2 * 8)}`
		);
	const articles = Array.from({ length: 300 }, (_, i) =>
		makeArticle({
			slug: `a${i}`,
			date: new Date(Date.UTC(2020, 0, 1 + Math.floor(random() * 400))),
			products: [...new Set(pick(2, 'p'))],
			audits: random() < 0.3 ? [`x${Math.floor(random() * 3)}`] : [],
			tags: pick(3, random() < 0.5 ? 'Tag ' : 'tag '),
		})
	);
	const brute = (a: (typeof articles)[number]) =>
		articles
			.filter((b) => b.slug !== a.slug)
			.map((b) => ({
				b,
				score:
					RELATED_WEIGHTS.product * b.products.filter((p) => a.products.includes(p)).length +
					RELATED_WEIGHTS.audit * b.audits.filter((x) => a.audits.includes(x)).length +
					RELATED_WEIGHTS.tag *
						[...new Set(b.tags.map(tagSlug))].filter((t) => a.tags.map(tagSlug).includes(t)).length,
			}))
			.filter((s) => s.score > 0)
			.sort((x, y) => y.score - x.score || byNewest(x.b, y.b))
			.slice(0, 4)
			.map((s) => s.b.slug);
	const all = relatedArticlesAll(articles, 4);
	for (const article of articles)
		assert.deepEqual(
			all.get(article.slug)?.map((a) => a.slug),
			brute(article),
			article.slug
		);
});

test('finds neighbours by position without searching', () => {
	const list = ['c', 'b', 'a'].map((slug) => makeArticle({ slug }));
	assert.deepEqual(neighboursAt(1, list), { newer: list[0], older: list[2] });
});
