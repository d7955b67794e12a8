import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	articleSeo,
	articleShareImage,
	headHtml,
	headTags,
	lastModified,
	pageTitle,
	ROBOTS_INDEX,
	type HeadInput,
	type MetaTag,
} from '../../../src/publish/seo.ts';
import { bySlug } from '../../../src/model/taxonomy.ts';
import { makeArticle } from '../../helpers/factories.ts';

const SITE = {
	name: 'Dealer',
	description: 'News.',
	url: 'https://news.example.com',
	locale: 'en-GB',
	titlePattern: '{title} | {site}',
	social: { twitter: 'dealer' },
};
const BASE: HeadInput = {
	path: '/products/m2e/',
	title: 'Mavic 2 Enterprise',
	description: 'About the Mavic.',
	siteFeeds: [{ href: '/rss.xml', type: 'application/rss+xml', title: 'Dealer (RSS)' }],
	defaultImage: {
		src: '/og/site.jpg',
		alt: 'Dealer',
		width: 1200,
		height: 630,
		type: 'image/jpeg',
	},
};

function content(meta: MetaTag[], key: string): string[] {
	return meta.filter((m) => ('name' in m ? m.name : m.property) === key).map((m) => m.content);
}

describe('page titles', () => {
	test('follow the site pattern; the home page is the site name alone', () => {
		assert.equal(pageTitle('Audits', SITE), 'Audits | Dealer');
		assert.equal(pageTitle(undefined, SITE), 'Dealer');
		assert.equal(pageTitle('{site} $& {title}', SITE), '{site} $& {title} | Dealer');
	});
});

describe('head of an indexable page', () => {
	const head = headTags(BASE, SITE);

	test('has description, canonical URL and robots allowing large image previews', () => {
		assert.equal(head.title, 'Mavic 2 Enterprise | Dealer');
		assert.deepEqual(content(head.meta, 'description'), ['About the Mavic.']);
		assert.deepEqual(content(head.meta, 'robots'), [ROBOTS_INDEX]);
		assert.match(ROBOTS_INDEX, /max-image-preview:large/);
		assert.deepEqual(head.links[0], {
			rel: 'canonical',
			href: 'https://news.example.com/products/m2e/',
		});
	});

	test('has OpenGraph and a large Twitter card with the 1200 px image', () => {
		assert.deepEqual(content(head.meta, 'og:type'), ['website']);
		assert.deepEqual(content(head.meta, 'og:url'), ['https://news.example.com/products/m2e/']);
		assert.deepEqual(content(head.meta, 'og:image'), ['https://news.example.com/og/site.jpg']);
		assert.deepEqual(content(head.meta, 'og:image:width'), ['1200']);
		assert.deepEqual(content(head.meta, 'og:locale'), ['en_GB']);
		assert.deepEqual(content(head.meta, 'twitter:card'), ['summary_large_image']);
		assert.deepEqual(content(head.meta, 'twitter:site'), ['@dealer']);
	});

	test('announces the site feeds and its own by absolute URL', () => {
		const withFeed = headTags(
			{
				...BASE,
				feeds: [{ href: '/products/m2e/rss.xml', type: 'application/rss+xml', title: 'M2E' }],
			},
			SITE
		);
		assert.deepEqual(
			withFeed.links.filter((l) => l.rel === 'alternate').map((l) => l.href),
			['https://news.example.com/rss.xml', 'https://news.example.com/products/m2e/rss.xml']
		);
	});
});

describe('head of an article', () => {
	test('is an OpenGraph article with its dates, section, tags and own image', () => {
		const article = makeArticle({
			slug: 'story',
			title: 'Story',
			date: new Date('2020-07-22T00:00:00Z'),
			updated: new Date('2020-07-30T00:00:00Z'),
			tags: ['data  security'],
		});
		const seo = articleSeo(
			article,
			bySlug([{ slug: 'data-security', name: 'Data Security', count: 1 }]),
			articleShareImage(article, true, undefined)
		);
		const head = headTags({ ...BASE, ...seo, path: '/articles/story/', title: 'Story' }, SITE);
		assert.deepEqual(content(head.meta, 'og:type'), ['article']);
		assert.deepEqual(content(head.meta, 'article:published_time'), ['2020-07-22T00:00:00.000Z']);
		assert.deepEqual(content(head.meta, 'article:modified_time'), ['2020-07-30T00:00:00.000Z']);
		assert.deepEqual(content(head.meta, 'article:section'), ['News']);
		assert.deepEqual(content(head.meta, 'article:tag'), ['Data Security']);
		assert.deepEqual(content(head.meta, 'og:image'), [
			'https://news.example.com/og/articles/story.jpg',
		]);
		assert.deepEqual(content(head.meta, 'og:updated_time'), ['2020-07-30T00:00:00.000Z']);
	});
});

describe('the image a shared article shows', () => {
	const article = makeArticle({ slug: 'old', title: 'Old story', imageAlt: 'A drone' });
	const lead = { src: '/_astro/lead.123.jpg', width: 1200, height: 800 };

	test('is its headline card when it has one, even with a lead image', () => {
		assert.deepEqual(articleShareImage(article, true, lead), {
			src: '/og/articles/old.jpg',
			alt: 'Old story',
			width: 1200,
			height: 630,
			type: 'image/jpeg',
		});
	});

	test('is its lead image, with its own size and alt text, when it has no card', () => {
		const image = articleShareImage(article, false, lead);
		assert.deepEqual(image, { ...lead, alt: 'A drone', type: 'image/jpeg' });
		const head = headTags(
			{ ...BASE, ...articleSeo(article, new Map(), image), path: '/articles/old/' },
			SITE
		);
		assert.deepEqual(content(head.meta, 'og:image'), [
			'https://news.example.com/_astro/lead.123.jpg',
		]);
		assert.deepEqual(content(head.meta, 'og:image:height'), ['800']);
	});

	test("is the site's card when the article has neither", () => {
		const image = articleShareImage(article, false, undefined);
		assert.equal(image, undefined);
		const head = headTags(
			{ ...BASE, ...articleSeo(article, new Map(), image), path: '/articles/old/' },
			SITE
		);
		assert.deepEqual(content(head.meta, 'og:image'), ['https://news.example.com/og/site.jpg']);
	});
});

describe('head of the 404 page', () => {
	test('is noindex, with no canonical URL and nothing to share', () => {
		const head = headTags({ ...BASE, noindex: true }, SITE);
		assert.deepEqual(content(head.meta, 'robots'), ['noindex']);
		assert.equal(
			head.links.some((l) => l.rel === 'canonical'),
			false
		);
		assert.deepEqual(content(head.meta, 'og:url'), []);
	});
});

test('a listing changed when its newest article changed', () => {
	assert.equal(lastModified([]), undefined);
	const latest = lastModified([
		makeArticle({ slug: 'a', date: new Date('2020-01-05T00:00:00Z') }),
		makeArticle({
			slug: 'b',
			date: new Date('2020-01-01T00:00:00Z'),
			updated: new Date('2020-02-01T00:00:00Z'),
		}),
	]);
	assert.equal(latest?.toISOString(), '2020-02-01T00:00:00.000Z');
});

test('writes the head as HTML with every value escaped, so a headline never reads as markup', () => {
	const html = headHtml({
		title: '<script>x</script> & "q"',
		meta: [{ property: 'og:title', content: '<b>bold</b> & "q"' }],
		links: [{ rel: 'canonical', href: 'https://x.example/?a=1&b=2' }],
	});
	assert.equal(
		html,
		'<title>&lt;script&gt;x&lt;/script&gt; &amp; "q"</title>' +
			'<meta property="og:title" content="&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;">' +
			'<link rel="canonical" href="https://x.example/?a=1&amp;b=2">'
	);
});
