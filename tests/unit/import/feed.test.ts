import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { feedDate, parseSource, wordpressHtml } from '../../../src/import/feed.ts';

describe('feedDate', () => {
	test('reads RSS, Atom and WordPress dates, and nothing else', () => {
		assert.equal(
			feedDate('Mon, 10 May 2021 08:00:00 +0000')?.toISOString(),
			'2021-05-10T08:00:00.000Z'
		);
		assert.equal(feedDate('2021-03-04T10:00:00-05:00')?.toISOString(), '2021-03-04T15:00:00.000Z');
		assert.equal(feedDate('2020-11-02 09:00:00')?.toISOString(), '2020-11-02T09:00:00.000Z');
		assert.equal(feedDate('0000-00-00 00:00:00'), undefined);
		assert.equal(feedDate('soon'), undefined);
	});

	test('reads RSS dates with day and month names of other languages', () => {
		for (const [raw, iso] of [
			['Seg, 12 fev 2024 09:30:00 +0000', '2024-02-12T09:30:00.000Z'],
			['Ter, 05 Março 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
			['qui, 10 out 2024 18:00:00 -0300', '2024-10-10T21:00:00.000Z'],
			['mié, 18 dic 2024 08:00:00 +0100', '2024-12-18T07:00:00.000Z'],
			['mar., 02 juil. 2024 12:00:00 +0200', '2024-07-02T10:00:00.000Z'],
			['jeu., 06 juin 2024 12:00:00 GMT', '2024-06-06T12:00:00.000Z'],
			['Do, 03 Okt 2024 08:15:00 +0200', '2024-10-03T06:15:00.000Z'],
			['gio, 15 ago 2024 07:00:00 +0000', '2024-08-15T07:00:00.000Z'],
		] as const) {
			assert.equal(feedDate(raw)?.toISOString(), iso, raw);
		}
		assert.equal(feedDate('o primeiro de maio'), undefined);
		assert.equal(feedDate('Seg, 12 xyz 2024 09:30:00 +0000'), undefined);
	});
});

describe('wordpressHtml', () => {
	test('adds the paragraphs a classic post leaves to its theme, and turns [caption] into a figure', () => {
		assert.equal(
			wordpressHtml(
				'One\nline.\n\n[caption id="a"]<img src="x.jpg" alt=""> The caption[/caption]\n\n<ul><li>x</li></ul>'
			),
			'<p>One<br>line.</p>\n<figure><img src="x.jpg" alt=""><figcaption>The caption</figcaption></figure>\n<ul><li>x</li></ul>'
		);
		assert.equal(wordpressHtml('<p>Already</p>\n\n<p>done</p>'), '<p>Already</p>\n\n<p>done</p>');
	});
});

describe('parseSource', () => {
	test('reads an RSS item: link, author, categories, full content and teaser', () => {
		const { format, entries, errors } = parseSource(
			`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><link>https://b.example</link>
<item><title>A &amp; B &#8211; C</title><link>/2021/a-b/</link><pubDate>Mon, 10 May 2021 08:00:00 +0000</pubDate><dc:creator><![CDATA[Sam]]></dc:creator><category>News</category><category>Uncategorized</category><description>Short teaser.</description><content:encoded><![CDATA[<p>Full body.</p>]]></content:encoded></item></channel></rss>`,
			'feed.xml'
		);
		assert.deepEqual(errors, []);
		assert.equal(format, 'rss');
		assert.deepEqual(entries[0], {
			label: 'feed.xml:2 item 1 "A & B – C"',
			title: 'A & B – C',
			date: new Date('2021-05-10T08:00:00Z'),
			updated: undefined,
			author: 'Sam',
			tags: ['News'],
			description: 'Short teaser.',
			html: '<p>Full body.</p>',
			link: 'https://b.example/2021/a-b/',
			base: 'https://b.example/2021/a-b/',
			site: 'https://b.example',
			slug: undefined,
			draft: false,
		});
	});

	test('reads an Atom entry with an HTML title, categories and a later update', () => {
		const { format, entries } = parseSource(
			`<feed xmlns="http://www.w3.org/2005/Atom"><link rel="alternate" href="https://shop.example/blogs/news"/>
<entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; news</title><link rel="alternate" href="https://shop.example/blogs/news/bold"/><published>2021-01-01T00:00:00Z</published><updated>2021-01-02T00:00:00Z</updated><category term="Tips"/><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`,
			'news.atom'
		);
		assert.equal(format, 'atom');
		assert.equal(entries[0]?.title, 'Bold news');
		assert.deepEqual(entries[0]?.tags, ['Tips']);
		assert.equal(entries[0]?.updated?.toISOString(), '2021-01-02T00:00:00.000Z');
		assert.equal(entries[0]?.html, '<p>x</p>');
	});

	test('reads a WordPress export: authors by name, drafts, and only posts', () => {
		const { format, entries, skipped } = parseSource(
			`<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:base_site_url>https://b.example</wp:base_site_url>
<wp:author><wp:author_login>sam</wp:author_login><wp:author_display_name>Sam Dealer</wp:author_display_name></wp:author>
<item><title>Draft</title><dc:creator>sam</dc:creator><wp:post_date>2021-06-01 12:00:00</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt><wp:status>draft</wp:status><wp:post_type>post</wp:post_type><wp:post_name>my%C3%A9-draft</wp:post_name><content:encoded>Text</content:encoded></item>
<item><title>Page</title><wp:post_date_gmt>2021-06-01 12:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item></channel></rss>`,
			'export.xml'
		);
		assert.equal(format, 'wxr');
		assert.equal(entries.length, 1);
		assert.equal(entries[0]?.author, 'Sam Dealer');
		assert.equal(entries[0]?.draft, true);
		assert.equal(entries[0]?.slug, 'myé-draft');
		assert.equal(entries[0]?.html, '<p>Text</p>');
		assert.deepEqual(skipped, [
			'export.xml:4 item 2 "Page": a WordPress page (publish), not a post',
		]);
	});

	test('reads a saved HTML page without its headline', () => {
		const { format, entries } = parseSource(
			'<!doctype html><html><head><title>Site</title><link rel="canonical" href="https://b.example/p/"><meta property="article:published_time" content="2020-01-02T03:04:05Z"><meta name="description" content="Teaser"></head><body><header>Menu</header><article><h1>The post</h1><p>Body</p></article></body></html>',
			'post.html'
		);
		assert.equal(format, 'html');
		assert.equal(entries[0]?.title, 'The post');
		assert.equal(entries[0]?.link, 'https://b.example/p/');
		assert.equal(entries[0]?.description, 'Teaser');
		assert.equal(entries[0]?.html, '<p>Body</p>');
	});

	test('names the place of malformed XML, and a file that is no feed', () => {
		assert.match(
			parseSource('<rss><channel>\n<item></channel></rss>', 'x.xml').errors[0] ?? '',
			/^x\.xml:2:\d+: the XML is malformed/
		);
		assert.deepEqual(parseSource('<opml/>', 'y.xml').errors, [
			'y.xml: not an RSS or Atom feed, a WordPress export or an HTML page (its root element is <opml>)',
		]);
	});
});
