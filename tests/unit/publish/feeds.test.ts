import { getRssString } from '@astrojs/rss';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	absolutizeHtml,
	articleCategories,
	atomXml,
	feedEntry,
	feedUpdated,
	jsonFeed,
	leadFigureHtml,
	rssOptions,
	siteFeedInfo,
	siteFeedLinks,
	termFeedInfo,
	type FeedEntry,
} from '../../../src/publish/feeds.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle, makeAudit, makeAuthor, makeProduct } from '../../helpers/factories.ts';

const SITE = {
	name: 'Dealer & Co',
	description: 'News from the dealer.',
	url: 'https://news.example.com',
	locale: 'en-GB',
	titlePattern: '{title} – {site}',
	logo: { src: '/logo.svg' },
};
const LOOKUPS = {
	productBySlug: bySlug([makeProduct({ slug: 'm2e', name: 'Mavic 2 Enterprise' })]),
	auditBySlug: bySlug([makeAudit({ slug: 'bah', title: 'BAH audit' })]),
	tagBySlug: bySlug([{ slug: 'data-security', name: 'Data Security', count: 2 }]),
	authorBySlug: new Map(),
};
const NOW = new Date('2030-01-01T00:00:00Z');

function entry(slug: string, overrides: Partial<FeedEntry> = {}): FeedEntry {
	return {
		url: `https://news.example.com/articles/${slug}/`,
		title: `Title ${slug}`,
		summary: `Summary ${slug}`,
		html: `<p>Body of ${slug}</p>`,
		published: new Date('2020-07-01T00:00:00Z'),
		updated: new Date('2020-07-01T00:00:00Z'),
		categories: [],
		...overrides,
	};
}

const HTML_TITLE = "<script>alert('x')</script> & <b>bold</b>";
const ENTRIES = [
	entry('newer', {
		title: HTML_TITLE,
		published: new Date('2020-07-02T00:00:00Z'),
		updated: new Date('2020-07-10T09:30:00Z'),
		author: 'Ann Author',
		categories: ['Mavic 2 Enterprise', 'Data Security'],
		html: '<p>One &amp; two <a href="https://news.example.com/x/">link</a></p>',
	}),
	entry('older'),
];

describe('feed entries', () => {
	test('files an article under its products, audits and tags as the site spells them, once each', () => {
		const article = makeArticle({
			slug: 'a',
			products: ['m2e'],
			audits: ['bah'],
			tags: ['data  security', 'DATA SECURITY', 'Unlisted'],
		});
		assert.deepEqual(articleCategories(article, LOOKUPS), [
			'Mavic 2 Enterprise',
			'BAH audit',
			'Data Security',
			'Unlisted',
		]);
	});

	test('take `updated` as the last change, or the publication date when never updated', () => {
		const context = { url: 'u', html: '', lookups: LOOKUPS, locale: 'en-GB', timeZone: 'UTC' };
		const date = new Date('2020-01-01T00:00:00Z');
		const updated = new Date('2020-02-01T00:00:00Z');
		assert.equal(feedEntry(makeArticle({ slug: 'a', date }), context).updated, date);
		assert.equal(feedEntry(makeArticle({ slug: 'a', date, updated }), context).updated, updated);
	});

	test('a correction is the last change, and its dated text ends the entry', () => {
		const context = {
			url: 'u',
			html: '<p>Body.</p>',
			lookups: LOOKUPS,
			locale: 'en-GB',
			timeZone: 'UTC',
		};
		const corrections = [
			{ date: new Date('2020-03-01T00:00:00Z'), text: 'Later <fix>.' },
			{ date: new Date('2020-02-01T00:00:00Z'), text: 'First fix.' },
		];
		const date = new Date('2020-01-01T00:00:00Z');
		const entry = feedEntry(makeArticle({ slug: 'a', date, corrections }), context);
		assert.equal(entry.updated.toISOString(), '2020-03-01T00:00:00.000Z');
		assert.equal(
			entry.html,
			'<p>Body.</p><section><h2>Corrections</h2><ul><li><strong>1 February 2020:</strong> First fix.</li><li><strong>1 March 2020:</strong> Later &lt;fix&gt;.</li></ul></section>'
		);
	});

	test("name the author as the author's file names them", () => {
		const lookups = {
			...LOOKUPS,
			authorBySlug: bySlug([makeAuthor({ slug: 'ann-lee', name: 'Ann Lee' })]),
		};
		const context = { url: 'u', html: '', lookups, locale: 'en-GB', timeZone: 'UTC' };
		assert.equal(
			feedEntry(makeArticle({ slug: 'a', author: 'ann-lee' }), context).author,
			'Ann Lee'
		);
	});

	test('a feed changed when its newest entry changed, not when the site was built', () => {
		assert.equal(feedUpdated(ENTRIES, NOW).toISOString(), '2020-07-10T09:30:00.000Z');
		assert.equal(feedUpdated([], NOW), NOW);
	});
});

describe('RSS', () => {
	test('carries full HTML, both dates, categories, byline and a self link', async () => {
		const xml = await getRssString(rssOptions(siteFeedInfo(SITE, '/rss.xml'), ENTRIES, NOW));
		const feed = parseRssFeed(xml);
		assert.equal(feed.title, 'Dealer & Co');
		assert.equal(feed.link, 'https://news.example.com/');
		assert.equal(feed.language, 'en-GB');
		assert.deepEqual(
			feed.atom?.links?.map((l) => [l.rel, l.href]),
			[['self', 'https://news.example.com/rss.xml']]
		);
		const [first, second] = feed.items ?? [];
		assert.equal(first?.title, HTML_TITLE);
		assert.equal(first?.link, 'https://news.example.com/articles/newer/');
		assert.equal(new Date(first?.pubDate ?? '').toISOString(), '2020-07-02T00:00:00.000Z');
		assert.equal(first?.atom?.updated, '2020-07-10T09:30:00.000Z');
		assert.deepEqual(first?.dc?.creators, ['Ann Author']);
		assert.equal(first?.content?.encoded, ENTRIES[0]?.html);
		assert.deepEqual(
			first?.categories?.map((c) => c.name),
			['Mavic 2 Enterprise', 'Data Security']
		);
		assert.equal(second?.dc, undefined, 'no byline for an article without an author');
	});
});

describe('Atom', () => {
	test('is a valid feed with plain-text titles, html content and both dates', () => {
		const feed = parseAtomFeed(atomXml(siteFeedInfo(SITE, '/atom.xml'), ENTRIES, NOW));
		assert.equal(feed.id, 'https://news.example.com/');
		assert.deepEqual(feed.title, { type: 'text', value: 'Dealer & Co' });
		assert.equal(feed.updated, '2020-07-10T09:30:00.000Z');
		assert.deepEqual(
			feed.links?.map((l) => [l.rel, l.href]),
			[
				['alternate', 'https://news.example.com/'],
				['self', 'https://news.example.com/atom.xml'],
			]
		);
		const first = feed.entries?.[0];
		assert.deepEqual(first?.title, { type: 'text', value: HTML_TITLE });
		assert.equal(first?.id, 'https://news.example.com/articles/newer/');
		assert.equal(first?.published, '2020-07-02T00:00:00.000Z');
		assert.equal(first?.updated, '2020-07-10T09:30:00.000Z');
		assert.deepEqual(first?.content, { type: 'html', value: ENTRIES[0]?.html });
		assert.equal(first?.authors?.[0]?.name, 'Ann Author');
	});
});

describe('JSON Feed', () => {
	test('has the 1.1 required fields, ids, HTML and ISO dates', () => {
		const info = siteFeedInfo(SITE, '/feed.json');
		const feed = jsonFeed(info, ENTRIES);
		const parsed = parseJsonFeed(JSON.stringify(feed));
		assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
		assert.equal(parsed.title, 'Dealer & Co');
		assert.equal(parsed.feed_url, 'https://news.example.com/feed.json');
		assert.equal(feed.items.length, 2);
		for (const item of feed.items) {
			assert.ok(item.id && item.content_html, 'every item has an id and content');
		}
		assert.equal(feed.items[0]?.date_modified, '2020-07-10T09:30:00.000Z');
		assert.deepEqual(feed.items[0]?.authors, [{ name: 'Ann Author' }]);
		assert.equal(feed.items[1]?.authors, undefined);
	});
});

describe('term feeds', () => {
	test('are named after the term and follow its page', () => {
		const info = termFeedInfo(SITE, {
			name: 'Mavic 2 Enterprise',
			description: 'About it.',
			path: '/products/m2e/',
		});
		assert.equal(info.title, 'Mavic 2 Enterprise – Dealer & Co');
		assert.equal(info.home, 'https://news.example.com/products/m2e/');
		assert.equal(info.self, 'https://news.example.com/products/m2e/rss.xml');
	});

	test('the site announces RSS, Atom and JSON Feed', () => {
		assert.deepEqual(
			siteFeedLinks(SITE).map((l) => [l.href, l.type]),
			[
				['/rss.xml', 'application/rss+xml'],
				['/atom.xml', 'application/atom+xml'],
				['/feed.json', 'application/feed+json'],
			]
		);
	});
});

describe('article HTML for feeds', () => {
	const PAGE = 'https://news.example.com/articles/story/';

	test('makes every link and image URL absolute against the article', () => {
		const html = absolutizeHtml(
			[
				'<p><a href="/products/m2e/">p</a> <a href="../other/">o</a> <a href="#fn-1">1</a></p>',
				'<img src="/_astro/a.webp" srcset="/_astro/a.webp 480w, /_astro/b.webp 800w" alt="">',
				'<a href="https://elsewhere.example/">e</a> <a href="mailto:a@b.example">m</a>',
			].join(''),
			PAGE
		);
		for (const url of [
			'href="https://news.example.com/products/m2e/"',
			'href="https://news.example.com/articles/other/"',
			'href="https://news.example.com/articles/story/#fn-1"',
			'src="https://news.example.com/_astro/a.webp"',
			'srcset="https://news.example.com/_astro/a.webp 480w, https://news.example.com/_astro/b.webp 800w"',
			'href="https://elsewhere.example/"',
			'href="mailto:a@b.example"',
		]) {
			assert.ok(html.includes(url), `${url} in ${html}`);
		}
	});

	test('keeps query strings escaped and text untouched', () => {
		const html = absolutizeHtml('<p>a &amp; b <a href="/s/?q=1&amp;r=2">s</a></p>', PAGE);
		assert.equal(html, '<p>a &amp; b <a href="https://news.example.com/s/?q=1&amp;r=2">s</a></p>');
	});

	test('drops scripts and styles, which mean nothing in a feed reader', () => {
		const html = absolutizeHtml('<p>x</p><script>alert(1)</script><style>p{}</style>', PAGE);
		assert.equal(html, '<p>x</p>');
	});

	test('puts the lead image on top with its alternative text and caption escaped', () => {
		assert.equal(
			leadFigureHtml('https://x.example/a.webp', 'A "quoted" <alt>', 'Caption & <more>'),
			'<figure><img src="https://x.example/a.webp" alt="A &quot;quoted&quot; &lt;alt&gt;"><figcaption>Caption &amp; &lt;more&gt;</figcaption></figure>'
		);
	});
});

describe('WebSub', () => {
	test('every format names the hub when the site has one, and none without', async () => {
		const info = siteFeedInfo({ ...SITE, websubHub: 'https://hub.example.com/' }, '/atom.xml');
		const rss = parseRssFeed(await getRssString(rssOptions(info, ENTRIES, NOW)));
		assert.ok(
			rss.atom?.links?.some((l) => l.rel === 'hub' && l.href === 'https://hub.example.com/')
		);
		const atom = parseAtomFeed(atomXml(info, ENTRIES, NOW));
		assert.ok(atom.links?.some((l) => l.rel === 'hub' && l.href === 'https://hub.example.com/'));
		assert.deepEqual(jsonFeed(info, ENTRIES).hubs, [
			{ type: 'WebSub', url: 'https://hub.example.com/' },
		]);
		const without = siteFeedInfo(SITE, '/atom.xml');
		assert.doesNotMatch(atomXml(without, ENTRIES, NOW), /rel="hub"/);
	});
});
