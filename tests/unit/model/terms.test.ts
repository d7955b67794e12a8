import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleTerms, showsDisclosure } from '../../../src/model/terms.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit, makeProduct } from '../../helpers/factories.ts';

test('links an article to its audits and tags by their site names (products are cards)', () => {
	const article = makeArticle({
		slug: 'a',
		products: ['m2e'],
		audits: ['bah'],
		tags: ['data  security', 'Data Security'],
	});
	const groups = articleTerms(article, {
		productBySlug: bySlug([makeProduct({ slug: 'm2e', name: 'Mavic 2 Enterprise' })]),
		auditBySlug: bySlug([makeAudit({ slug: 'bah', title: 'BAH audit' })]),
		tagBySlug: bySlug([{ slug: 'data-security', name: 'Data Security', count: 2 }]),
		authorBySlug: new Map(),
	});
	assert.deepEqual(groups, [
		{ heading: 'Audits', links: [{ href: '/audits/bah/', label: 'BAH audit' }] },
		{ heading: 'Tags', links: [{ href: '/tags/data-security/', label: 'Data Security' }] },
	]);
});

test('shows the disclosure when the article names a product the shop sells, unless turned off with a reason', () => {
	const lookups = {
		productBySlug: bySlug([
			makeProduct({ slug: 'sold', url: 'https://shop.example.com/sold' }),
			makeProduct({ slug: 'not-sold' }),
		]),
		auditBySlug: new Map(),
		tagBySlug: new Map(),
		authorBySlug: new Map(),
	};
	const shows = (overrides: Parameters<typeof makeArticle>[0]) =>
		showsDisclosure(makeArticle(overrides), lookups);
	assert.equal(shows({ slug: 'a', products: ['sold'] }), true);
	assert.equal(shows({ slug: 'b', products: ['not-sold'] }), false);
	assert.equal(shows({ slug: 'c' }), false);
	assert.equal(
		shows({ slug: 'd', products: ['sold'], withoutDisclosure: 'A news report.' }),
		false
	);
	assert.equal(shows({ slug: 'e', products: ['sold'], withoutDisclosure: '  ' }), true);
});
