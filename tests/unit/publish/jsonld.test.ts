import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	articleGraph,
	auditNode,
	authorGraph,
	breadcrumbNode,
	collectionGraph,
	homeGraph,
	productNode,
	serializeJsonLd,
	type JsonLdNode,
} from '../../../src/publish/jsonld.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit, makeAuthor, makeProduct } from '../../helpers/factories.ts';

const SITE = {
	name: 'Dealer',
	description: 'News from the dealer.',
	url: 'https://news.example.com',
	locale: 'en-GB',
	logo: { src: '/logo.svg' },
	social: { profiles: ['https://www.linkedin.com/company/dealer'] },
	shopUrl: 'https://shop.example.com',
};
const M2E = makeProduct({
	slug: 'm2e',
	name: 'Mavic 2 Enterprise',
	manufacturer: 'DJI',
	url: 'https://shop.example.com/m2e',
});
const NO_SHOP = makeProduct({ slug: 'plain', name: 'Plain', manufacturer: 'Acme' });
const BAH = makeAudit({
	slug: 'bah',
	title: 'BAH audit',
	auditor: 'Booz Allen Hamilton',
	reportUrl: 'https://reports.example.com/bah.pdf',
	products: ['m2e'],
});
const ANN = makeAuthor({
	slug: 'ann-author',
	name: 'Ann Author',
	role: 'Technical editor',
	bio: 'Ann checks every claim.',
	credentials: ['Part 107 certified pilot'],
	links: ['https://www.linkedin.com/in/ann'],
});
/** The Person Google's Article and ProfilePage guidance documents: name, url, jobTitle, sameAs. */
const ANN_PERSON = {
	'@type': 'Person',
	'@id': 'https://news.example.com/authors/ann-author/#person',
	name: 'Ann Author',
	url: 'https://news.example.com/authors/ann-author/',
	jobTitle: 'Technical editor',
	description: 'Ann checks every claim.',
	sameAs: ['https://www.linkedin.com/in/ann'],
	hasCredential: [
		{ '@type': 'EducationalOccupationalCredential', name: 'Part 107 certified pilot' },
	],
	worksFor: { '@id': 'https://news.example.com/#organization' },
};
const LOOKUPS = {
	productBySlug: bySlug([M2E, NO_SHOP]),
	auditBySlug: bySlug([BAH]),
	tagBySlug: bySlug([{ slug: 'data-security', name: 'Data Security', count: 1 }]),
	authorBySlug: bySlug([ANN]),
};
const CRUMBS = [{ label: 'Articles', href: '/articles/' }, { label: 'The story' }];

function node(graph: { '@graph': JsonLdNode[] }, type: string): JsonLdNode {
	const found = graph['@graph'].find((n) => n['@type'] === type);
	assert.ok(found, `no ${type} node in ${JSON.stringify(graph)}`);
	return found;
}

describe('article structured data', () => {
	const article = makeArticle({
		slug: 'story',
		title: 'The story',
		description: 'What happened.',
		date: new Date('2020-07-22T00:00:00Z'),
		updated: new Date('2020-07-30T10:00:00Z'),
		author: 'ann-author',
		products: ['m2e'],
		audits: ['bah'],
		tags: ['data  security'],
	});
	const images = ['https://news.example.com/og/articles/story.jpg'];
	const data = articleGraph(article, SITE, { lookups: LOOKUPS, images, crumbs: CRUMBS });

	test('is a NewsArticle with headline, dates, author, publisher, image, page and keywords', () => {
		const a = node(data, 'NewsArticle');
		assert.equal(a['headline'], 'The story');
		assert.equal(a['description'], 'What happened.');
		assert.equal(a['datePublished'], '2020-07-22T00:00:00.000Z');
		assert.equal(a['dateModified'], '2020-07-30T10:00:00.000Z');
		assert.deepEqual(a['author'], ANN_PERSON);
		assert.deepEqual(a['publisher'], { '@id': 'https://news.example.com/#organization' });
		assert.deepEqual(a['image'], images);
		assert.deepEqual(a['mainEntityOfPage'], {
			'@type': 'WebPage',
			'@id': 'https://news.example.com/articles/story/',
		});
		assert.deepEqual(a['keywords'], ['Data Security']);
	});

	test('is about its products, as Things, not Products (no merchant listing), and cites its audits’ reports', () => {
		const a = node(data, 'NewsArticle');
		assert.deepEqual(a['about'], [
			{
				'@type': 'Thing',
				name: 'DJI Mavic 2 Enterprise',
				url: 'https://news.example.com/products/m2e/',
			},
		]);
		assert.doesNotMatch(serializeJsonLd(data), /"Product"|"Offer"/);
		assert.deepEqual(a['citation'], [
			{
				'@type': 'Report',
				name: 'BAH audit',
				author: { '@type': 'Organization', name: 'Booz Allen Hamilton' },
				datePublished: '2020-01-01T00:00:00.000Z',
				url: 'https://reports.example.com/bah.pdf',
			},
		]);
	});

	test('resolves the publisher in the same graph, with its logo', () => {
		const org = node(data, 'Organization');
		assert.equal(org['@id'], 'https://news.example.com/#organization');
		assert.deepEqual(org['logo'], {
			'@type': 'ImageObject',
			url: 'https://news.example.com/logo.svg',
		});
	});

	test('is an Article for a guide, published by the dealer when it has no byline', () => {
		const guide = articleGraph(makeArticle({ slug: 'g', type: 'guide' }), SITE, {
			lookups: LOOKUPS,
			images,
			crumbs: CRUMBS,
		});
		const a = node(guide, 'Article');
		assert.deepEqual(a['author'], { '@id': 'https://news.example.com/#organization' });
		assert.equal(a['about'], undefined);
		assert.equal(a['citation'], undefined);
	});
});

describe('corrections in structured data', () => {
	test('the newest correction is the dateModified when it is later than `updated`', () => {
		const corrected = makeArticle({
			slug: 'c',
			date: new Date('2020-07-22T00:00:00Z'),
			updated: new Date('2020-07-25T00:00:00Z'),
			corrections: [
				{ date: new Date('2020-08-02T00:00:00Z'), text: 'Fixed a date.' },
				{ date: new Date('2020-07-23T00:00:00Z'), text: 'Fixed a name.' },
			],
		});
		const graph = articleGraph(corrected, SITE, { lookups: LOOKUPS, images: [], crumbs: CRUMBS });
		assert.equal(node(graph, 'NewsArticle')['dateModified'], '2020-08-02T00:00:00.000Z');
	});
});

describe('author pages', () => {
	test('are a ProfilePage whose main entity is the Person, listing their articles', () => {
		const graph = authorGraph(
			ANN,
			{ path: '/authors/ann-author/', articles: [makeArticle({ slug: 'story' })] },
			SITE
		);
		const page = node(graph, 'ProfilePage');
		assert.deepEqual(page['mainEntity'], ANN_PERSON);
		assert.deepEqual(
			(page['hasPart'] as { itemListElement: { url: string }[] }).itemListElement.map((i) => i.url),
			['https://news.example.com/articles/story/']
		);
	});
});

describe('breadcrumbs', () => {
	test('start at Home, number from 1, link every crumb but the page itself', () => {
		const list = breadcrumbNode(CRUMBS, 'https://news.example.com/articles/story/', SITE);
		assert.deepEqual(list['itemListElement'], [
			{ '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example.com/' },
			{
				'@type': 'ListItem',
				position: 2,
				name: 'Articles',
				item: 'https://news.example.com/articles/',
			},
			{ '@type': 'ListItem', position: 3, name: 'The story' },
		]);
	});
});

describe('the product snippet', () => {
	test("has the fields Google's product snippet reads (name, brand, image, description, url), and no offer", () => {
		const product = productNode(
			{ ...M2E, category: 'Enterprise', summary: 'A compact enterprise drone.' },
			SITE,
			'https://news.example.com/_astro/m2e.webp'
		);
		assert.equal(product['@type'], 'Product');
		assert.equal(product['name'], 'Mavic 2 Enterprise');
		assert.deepEqual(product['brand'], { '@type': 'Brand', name: 'DJI' });
		assert.equal(product['image'], 'https://news.example.com/_astro/m2e.webp');
		assert.equal(product['description'], 'A compact enterprise drone.');
		assert.equal(product['category'], 'Enterprise');
		assert.equal(
			product['url'],
			'https://shop.example.com/m2e',
			'the shop page, where there is one'
		);
		for (const merchantField of ['offers', 'aggregateRating', 'review', 'price']) {
			assert.equal(product[merchantField], undefined, merchantField);
		}
	});
});

describe('listing pages', () => {
	test('a product page is a CollectionPage about the Product listing its articles in order', () => {
		const articles = [
			makeArticle({ slug: 'b', title: 'B' }),
			makeArticle({ slug: 'a', title: 'A' }),
		];
		const data = collectionGraph(
			{
				path: '/products/plain/2/',
				name: 'Plain, page 2',
				description: 'd',
				articles,
				offset: 10,
				about: productNode(NO_SHOP, SITE),
				crumbs: [{ label: 'Products', href: '/products/' }, { label: 'Plain' }],
			},
			SITE
		);
		const page = node(data, 'CollectionPage');
		assert.equal(page['url'], 'https://news.example.com/products/plain/2/');
		assert.equal((page['about'] as JsonLdNode)['@type'], 'Product');
		assert.equal(
			(page['about'] as JsonLdNode)['url'],
			'https://news.example.com/products/plain/',
			'a product without a shop page links to its page here'
		);
		assert.equal((page['about'] as JsonLdNode)['offers'], undefined, 'no price is shown');
		const list = page['mainEntity'] as { itemListElement: JsonLdNode[] };
		assert.deepEqual(
			list.itemListElement.map((i) => [i['position'], i['url']]),
			[
				[11, 'https://news.example.com/articles/b/'],
				[12, 'https://news.example.com/articles/a/'],
			]
		);
		node(data, 'BreadcrumbList');
	});

	test('an audit is the Report: auditor, sponsor, date, report URL and products in scope', () => {
		const audit = auditNode({ ...BAH, commissionedBy: 'DOI' }, [M2E], SITE);
		assert.deepEqual(audit['author'], { '@type': 'Organization', name: 'Booz Allen Hamilton' });
		assert.deepEqual(audit['sponsor'], { '@type': 'Organization', name: 'DOI' });
		assert.equal(audit['url'], 'https://reports.example.com/bah.pdf');
		assert.deepEqual(
			(audit['about'] as JsonLdNode[]).map((p) => p['name']),
			['Mavic 2 Enterprise']
		);
	});
});

describe('home page', () => {
	test('names the Organization and a WebSite whose search opens /search/?q=', () => {
		const data = homeGraph(SITE);
		assert.deepEqual(node(data, 'Organization')['sameAs'], [
			'https://shop.example.com',
			'https://www.linkedin.com/company/dealer',
		]);
		assert.deepEqual(node(data, 'WebSite')['potentialAction'], {
			'@type': 'SearchAction',
			target: {
				'@type': 'EntryPoint',
				urlTemplate: 'https://news.example.com/search/?q={search_term_string}',
			},
			'query-input': 'required name=search_term_string',
		});
	});
});

test('serialised JSON-LD cannot close its script element, and parses back unchanged', () => {
	const data = homeGraph({ ...SITE, name: '</script><script>alert(1)</script>' });
	const text = serializeJsonLd(data);
	assert.doesNotMatch(text, /<\/script/i);
	assert.deepEqual(JSON.parse(text), data);
});
