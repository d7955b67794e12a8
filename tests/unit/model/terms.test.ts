import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleTerms } from '../../../src/model/terms.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit, makeProduct } from '../../helpers/factories.ts';

test('links an article to its products, audits and tags by their site names', () => {
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
	});
	assert.deepEqual(groups, [
		{ heading: 'Products', links: [{ href: '/products/m2e/', label: 'Mavic 2 Enterprise' }] },
		{ heading: 'Audits', links: [{ href: '/audits/bah/', label: 'BAH audit' }] },
		{ heading: 'Tags', links: [{ href: '/tags/data-security/', label: 'Data Security' }] },
	]);
});
