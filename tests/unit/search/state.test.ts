import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	filterOptions,
	pagefindPair,
	recordAttributes,
	searchRecord,
} from '../../../src/search/records.ts';
import {
	emptyState,
	isActive,
	pagefindFilters,
	parseState,
	queryFromPath,
	serializeState,
} from '../../../src/search/state.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit, makeProduct } from '../../helpers/factories.ts';

const site = {
	productBySlug: bySlug([
		makeProduct({ slug: 'm2e', name: 'Mavic 2 Enterprise', manufacturer: 'DJI' }),
		makeProduct({ slug: 'm600', name: 'Matrice 600 Pro, GE', manufacturer: 'DJI' }),
	]),
	auditBySlug: bySlug([makeAudit({ slug: 'bah', title: 'Booz Allen Hamilton audit' })]),
	tagBySlug: bySlug([{ slug: 'data-security', name: 'Data Security', count: 2 }]),
	authorBySlug: new Map(),
};

describe('search records', () => {
	test('values filters with display names, folding tags to the site spelling', () => {
		const article = makeArticle({
			slug: 'a',
			products: ['m2e', 'm600'],
			audits: ['bah'],
			tags: ['data  security'],
			type: 'statement',
			date: new Date('2020-07-22T00:00:00Z'),
		});
		const record = searchRecord(article, site, 'Europe/London', '/_astro/t.webp');
		assert.deepEqual(record.filters, {
			product: ['Mavic 2 Enterprise', 'Matrice 600 Pro, GE'],
			manufacturer: ['DJI'],
			audit: ['Booz Allen Hamilton audit'],
			tag: ['Data Security'],
			type: ['Statement'],
			year: ['2020'],
		});
		assert.equal(record.sort['date'], '2020-07-22T00:00:00.000Z');
		assert.equal(record.thumb, '/_astro/t.webp');
		// Pagefind searches metadata: no image URL in it, and an empty `image` so that Pagefind does
		// not take the first picture's file name instead.
		assert.equal(record.meta['image'], '');
		assert.ok(!Object.values(record.meta).some((value) => value.includes('/_astro/')));
		assert.ok(
			recordAttributes(record).some(
				([name, value]) => name === 'data-pagefind-filter' && value === 'thumb:/_astro/t.webp'
			)
		);
		assert.equal(record.meta['type'], 'Statement');
	});

	test('escapes commas and backslashes for Pagefind attributes', () => {
		assert.equal(pagefindPair('product', 'Matrice 600 Pro, GE'), 'product:Matrice 600 Pro\\, GE');
		assert.equal(pagefindPair('tag', 'a\\b'), 'tag:a\\\\b');
	});

	test('counts filter options, names sorted and years newest first', () => {
		const records = [
			makeArticle({ slug: 'a', products: ['m2e'], date: new Date('2019-01-01') }),
			makeArticle({ slug: 'b', products: ['m2e', 'm600'], date: new Date('2021-01-01') }),
		].map((a) => searchRecord(a, site, 'UTC'));
		const options = filterOptions(records);
		assert.deepEqual(options.product, [
			{ value: 'Matrice 600 Pro, GE', count: 1 },
			{ value: 'Mavic 2 Enterprise', count: 2 },
		]);
		assert.deepEqual(
			options.year.map((o) => o.value),
			['2021', '2019']
		);
		assert.deepEqual(options.manufacturer, [{ value: 'DJI', count: 2 }]);
	});
});

describe('search state in the URL', () => {
	test('round-trips query, repeated filters and sort', () => {
		const query =
			'?q=data+flow&product=Mavic+2+Enterprise&product=Matrice+600&audit=BAH&sort=newest';
		const state = parseState(new URLSearchParams(query));
		assert.equal(state.query, 'data flow');
		assert.deepEqual(state.filters.product, ['Mavic 2 Enterprise', 'Matrice 600']);
		assert.equal(state.sort, 'newest');
		assert.equal(serializeState(state), query);
	});

	test('ignores unknown sorts, blank and repeated values', () => {
		const state = parseState(new URLSearchParams('?q=+&sort=oldest&tag=&tag=A&tag=A'));
		assert.equal(state.sort, 'relevance');
		assert.deepEqual(state.filters.tag, ['A']);
		assert.equal(isActive(state), true);
		assert.equal(serializeState(emptyState()), '');
		assert.equal(isActive(emptyState()), false);
	});

	test('ORs values within a group and ANDs groups, optionally leaving one group out', () => {
		const state = parseState(new URLSearchParams('?product=A&product=B&audit=X'));
		assert.deepEqual(pagefindFilters(state), {
			product: { any: ['A', 'B'] },
			audit: { any: ['X'] },
		});
		assert.deepEqual(pagefindFilters(state, 'product'), { audit: { any: ['X'] } });
	});
});

describe('words from a missed URL', () => {
	test('keeps the words of the slug and drops sections and page numbers', () => {
		assert.equal(queryFromPath('/articles/booz-alen-audit_dji/'), 'booz alen audit dji');
		assert.equal(queryFromPath('/products/mavic-2-enterprise/2/'), 'mavic enterprise');
		assert.equal(queryFromPath('/tags/%C3%BCberwachung/'), 'überwachung');
		// A malformed escape is read as it is rather than failing the page.
		assert.equal(queryFromPath('/%E0%A4%A/'), 'e0 a4');
	});
});
