import { XMLParser, XMLValidator } from 'fast-xml-parser';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseHtml } from '../../../src/publish/html.ts';
import {
	NEWS_LIMIT,
	newsArticles,
	newsSitemapXml,
	pageFacts,
	robotsTxt,
} from '../../../src/publish/sitemaps.ts';
import { makeArticle } from '../../helpers/factories.ts';

const NOW = new Date('2024-06-03T12:00:00Z');
const at = (iso: string, slug: string) => makeArticle({ slug, date: new Date(iso) });

describe('news sitemap', () => {
	test('holds only articles published in the two days up to the build, newest first', () => {
		const chosen = newsArticles(
			[
				at('2024-06-01T12:00:00Z', 'exactly-two-days'),
				at('2024-06-01T12:00:01Z', 'just-inside'),
				at('2024-06-03T12:00:00Z', 'at-build-time'),
				at('2024-06-03T12:00:01Z', 'scheduled'),
				at('2024-06-02T00:00:00Z', 'yesterday'),
			],
			NOW
		);
		assert.deepEqual(
			chosen.map((a) => a.slug),
			['at-build-time', 'yesterday', 'just-inside']
		);
	});

	test('never lists more than 1,000 articles, keeping the newest', () => {
		const many = Array.from({ length: NEWS_LIMIT + 5 }, (_, i) =>
			at(new Date(NOW.getTime() - (i + 1) * 60_000).toISOString(), `a${i}`)
		);
		const chosen = newsArticles(many.reverse(), NOW);
		assert.equal(chosen.length, NEWS_LIMIT);
		assert.equal(chosen[0]?.slug, 'a0');
	});

	test('names publication, language, date and title for each article, escaped', () => {
		const xml = newsSitemapXml(
			[makeArticle({ slug: 's', title: 'A & <b>', date: new Date('2024-06-02T08:00:00Z') })],
			'https://news.example.com',
			{ name: 'Dealer News', language: 'en' }
		);
		assert.equal(XMLValidator.validate(xml), true);
		const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as {
			urlset: { '@_xmlns:news': string; url: Record<string, unknown> };
		};
		assert.equal(doc.urlset['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
		assert.deepEqual(doc.urlset.url, {
			loc: 'https://news.example.com/articles/s/',
			'news:news': {
				'news:publication': { 'news:name': 'Dealer News', 'news:language': 'en' },
				'news:publication_date': '2024-06-02T08:00:00.000Z',
				'news:title': 'A & <b>',
			},
		});
	});

	test('is still a valid sitemap when no article is recent', () => {
		const xml = newsSitemapXml([], 'https://news.example.com', { name: 'D', language: 'en' });
		assert.equal(XMLValidator.validate(xml), true);
	});
});

test('robots.txt allows everything and names the sitemaps', () => {
	assert.equal(
		robotsTxt(['https://x.example/sitemap-index.xml', 'https://x.example/news-sitemap.xml']),
		'User-agent: *\nAllow: /\n\nSitemap: https://x.example/sitemap-index.xml\nSitemap: https://x.example/news-sitemap.xml\n'
	);
});

test('a built page tells the sitemap its last change and whether to index it', () => {
	assert.deepEqual(
		pageFacts(
			parseHtml(
				'<head><meta property="og:updated_time" content="2020-07-10T00:00:00.000Z"><meta name="robots" content="index, follow"></head>'
			)
		),
		{ lastmod: '2020-07-10T00:00:00.000Z', noindex: false }
	);
	assert.deepEqual(pageFacts(parseHtml('<meta name="robots" content="noindex">')), {
		noindex: true,
	});
});
