/**
 * The structured data search engines read, field by field, from the fixture site's shared build:
 * the JSON-LD graph of each page type (articles, listings, products, audits, authors, the home
 * page), and the breadcrumb it gives against the one a reader sees.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { SITE } from '../../src/site.config.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { attrOf, rawTextOf, select, selectAll, textOf } from '../helpers/html.ts';
import { fileFor, hrefsIn } from '../helpers/site.ts';

const ORIGIN = new URL(SITE.url).origin;
const abs = (path: string) => new URL(path, `${ORIGIN}/`).href;

let dir = '';

function read(path: string): string {
	const file = fileFor(dir, path);
	assert.ok(file, `nothing at ${path}`);
	return readFileSync(file, 'utf8');
}

/** The page's JSON-LD graph; fails unless the page has exactly one. */
function jsonLd(path: string): Record<string, unknown>[] {
	const scripts = selectAll(read(path), 'script[type="application/ld+json"]');
	assert.equal(scripts.length, 1, `${path} has ${scripts.length} JSON-LD scripts`);
	const [script] = scripts;
	assert.ok(script, `${path} has no JSON-LD`);
	const data = JSON.parse(rawTextOf(script)) as { '@context': string; '@graph': [] };
	assert.equal(data['@context'], 'https://schema.org');
	return data['@graph'];
}

function nodeOf(graph: Record<string, unknown>[], type: string): Record<string, unknown> {
	const node = graph.find((n) => n['@type'] === type);
	assert.ok(node, `no ${type} in ${JSON.stringify(graph).slice(0, 300)}`);
	return node;
}

/** The breadcrumb a reader sees: the label and link of each crumb. */
function visibleCrumbs(path: string): { name: string; item?: string }[] {
	const nav = select(read(path), 'nav[aria-label="Breadcrumb"]');
	assert.ok(nav, `${path} shows no breadcrumb`);
	return selectAll(nav, 'li').flatMap((li) => {
		const link = select(li, 'a[href]');
		if (link) return [{ name: textOf(link).trim(), item: abs(attrOf(link, 'href') ?? '') }];
		const current = select(li, '[aria-current="page"]');
		return current ? [{ name: textOf(current).trim() }] : [];
	});
}

before(() => {
	const build = sharedBuild();
	assert.equal(build.status, 0, build.output);
	dir = build.outDir;
});

describe('JSON-LD', () => {
	test('an article: NewsArticle with dates, author, publisher, image, products and citations', () => {
		const graph = jsonLd('/articles/html-title/');
		const article = nodeOf(graph, 'NewsArticle');
		assert.equal(article['headline'], "<script>alert('x')</script> & <b>bold</b> claims");
		assert.equal(article['datePublished'], '2020-07-02T00:00:00.000Z');
		assert.equal(article['dateModified'], '2020-07-10T00:00:00.000Z');
		assert.deepEqual(article['author'], {
			'@type': 'Person',
			'@id': abs('/authors/fixture-author/#person'),
			name: 'Fixture Author',
			url: abs('/authors/fixture-author/'),
			jobTitle: 'Staff writer',
			description: 'Writes the fixture articles.',
			sameAs: ['https://social.example.com/@fixture'],
			hasCredential: [
				{ '@type': 'EducationalOccupationalCredential', name: 'Part 107 certified pilot' },
			],
			worksFor: { '@id': abs('/#organization') },
		});
		assert.deepEqual(article['mainEntityOfPage'], {
			'@type': 'WebPage',
			'@id': abs('/articles/html-title/'),
		});
		assert.deepEqual(article['image'], [abs('/og/articles/html-title.jpg')]);
		assert.deepEqual(article['keywords'], ['Data Security', 'Audits']);
		const about = article['about'] as Record<string, unknown>[];
		assert.deepEqual(about, [
			{ '@type': 'Thing', name: 'Acme Alpha Drone', url: abs('/products/alpha-drone/') },
		]);
		assert.doesNotMatch(JSON.stringify(graph), /"(Product|Offer)"/, 'no merchant listing');
		const citation = article['citation'] as Record<string, unknown>[];
		assert.deepEqual(
			citation.map((c) => c['url']),
			['https://reports.example.com/first.pdf']
		);
		const publisher = nodeOf(graph, 'Organization');
		assert.deepEqual(article['publisher'], { '@id': publisher['@id'] });
		assert.equal((publisher['logo'] as { url: string }).url, abs(SITE.logo.src));
	});

	test('an author page: a ProfilePage about the Person, listing their articles', () => {
		const graph = jsonLd('/authors/fixture-author/');
		const profile = nodeOf(graph, 'ProfilePage');
		const person = profile['mainEntity'] as Record<string, unknown>;
		assert.equal(person['@type'], 'Person');
		assert.equal(person['url'], abs('/authors/fixture-author/'));
		assert.equal(person['jobTitle'], 'Staff writer');
		assert.deepEqual(person['sameAs'], ['https://social.example.com/@fixture']);
		const list = profile['hasPart'] as { itemListElement: { url: string }[] };
		assert.deepEqual(
			list.itemListElement.map((i) => i.url),
			[abs('/articles/html-title/')]
		);
	});

	test('a guide is an Article; a lead image is listed after the social image', () => {
		nodeOf(jsonLd('/articles/mdx-story/'), 'Article');
		const lead = nodeOf(jsonLd('/articles/lead-image-story/'), 'NewsArticle');
		const images = lead['image'] as string[];
		assert.equal(images[0], abs('/og/articles/lead-image-story.jpg'));
		assert.match(images[1] ?? '', /\/_astro\/lead\.[^/]+\.webp$/);
	});

	test('the breadcrumb list matches the breadcrumb on the page', () => {
		for (const path of [
			'/articles/html-title/',
			'/products/beta-drone/',
			'/products/beta-drone/2/',
			'/audits/first-audit/',
			'/tags/data-security/',
		]) {
			const list = nodeOf(jsonLd(path), 'BreadcrumbList');
			const items = (list['itemListElement'] as Record<string, unknown>[]).map((i, index) => {
				assert.equal(i['position'], index + 1, path);
				return i['item'] === undefined ? { name: i['name'] } : { name: i['name'], item: i['item'] };
			});
			assert.deepEqual(items, visibleCrumbs(path), path);
		}
	});

	test('a product page: CollectionPage about the Product, listing its articles in order', () => {
		for (const path of ['/products/beta-drone/', '/products/beta-drone/2/']) {
			const page = nodeOf(jsonLd(path), 'CollectionPage');
			assert.equal(page['url'], abs(path));
			const about = page['about'] as Record<string, unknown>;
			assert.equal(about['@type'], 'Product');
			assert.equal(about['name'], 'Beta Drone');
			assert.deepEqual(about['brand'], { '@type': 'Brand', name: 'Bolt' });
			assert.equal(about['offers'], undefined);
			const shown = hrefsIn(read(path), 'main h3 > a[href^="/articles/"]').map(abs);
			const list = page['mainEntity'] as { itemListElement: { url: string }[] };
			assert.deepEqual(
				list.itemListElement.map((i) => i.url),
				shown,
				path
			);
		}
	});

	test('an audit page: CollectionPage about the audit report, its auditor and products', () => {
		const page = nodeOf(jsonLd('/audits/first-audit/'), 'CollectionPage');
		const about = page['about'] as Record<string, unknown>;
		assert.equal(about['@type'], 'Report');
		assert.equal(about['name'], 'First audit of the Alpha Drone');
		assert.deepEqual(about['author'], { '@type': 'Organization', name: 'Example Auditors LLP' });
		assert.deepEqual(about['sponsor'], { '@type': 'Organization', name: 'Example Trust' });
		assert.equal(about['url'], 'https://reports.example.com/first.pdf');
		assert.deepEqual(
			(about['about'] as { name: string }[]).map((p) => p.name),
			['Alpha Drone', 'Beta Drone']
		);
	});

	test('the home page: Organization and WebSite with a search action on /search/?q=', () => {
		const graph = jsonLd('/');
		assert.equal(nodeOf(graph, 'Organization')['name'], SITE.name);
		const action = nodeOf(graph, 'WebSite')['potentialAction'] as Record<string, unknown>;
		assert.equal(action['@type'], 'SearchAction');
		assert.deepEqual(action['target'], {
			'@type': 'EntryPoint',
			urlTemplate: `${abs('/search/')}?q={search_term_string}`,
		});
		assert.equal(action['query-input'], 'required name=search_term_string');
	});
});
