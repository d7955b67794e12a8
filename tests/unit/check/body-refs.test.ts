import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attributeOf, bodyRefs, siteTarget } from '../../../src/check/body-refs.ts';

describe('bodyRefs', () => {
	test('finds Markdown images and links with their position in the file', () => {
		const body = 'Text [a link](/articles/a/).\n\n  ![An image](./x.jpg "title")\n';
		assert.deepEqual(bodyRefs(body, 10), [
			{ kind: 'link', url: '/articles/a/', line: 10, column: 6 },
			{ kind: 'image', url: './x.jpg', alt: 'An image', line: 12, column: 3 },
		]);
	});

	test('resolves reference images and reports definitions as links', () => {
		const refs = bodyRefs('![][pic]\n\n[pic]: ./p.png\n', 1);
		assert.deepEqual(
			refs.map((r) => [r.kind, r.url, r.alt, r.line]),
			[
				['image', './p.png', '', 1],
				['link', './p.png', undefined, 3],
			]
		);
	});

	test('scans raw HTML for images and links, telling a missing alt from an empty one', () => {
		const body =
			'Intro\n\n<figure>\n  <img src="a.png"><img alt="" src=\'b.png\'>\n  <a href="/tags/x/">x</a>\n</figure>\n';
		assert.deepEqual(bodyRefs(body, 5), [
			{ kind: 'image', url: 'a.png', alt: undefined, html: true, line: 8, column: 3 },
			{ kind: 'image', url: 'b.png', alt: '', html: true, line: 8, column: 20 },
			{ kind: 'link', url: '/tags/x/', line: 9, column: 3 },
		]);
	});

	test('ignores code spans and fenced code', () => {
		assert.deepEqual(bodyRefs('`[a](/articles/x/)`\n\n```\n![b](c.png)\n```\n', 1), []);
	});

	test('ignores indented code, and reads indented lines that are not code', () => {
		// A how-to showing the Markdown of an image: code, not a file to look for.
		const howTo =
			'To show a picture, write:\n\n    ![A diagram](./diagram.png)\n    <img src="x.png">\n';
		assert.deepEqual(bodyRefs(howTo, 1), []);
		// A paragraph of a list item and a paragraph's continuation line are not code.
		const list = '- Step one\n\n    ![First step](./one.png)\n\nText\n    [more](/articles/a/)\n';
		assert.deepEqual(
			bodyRefs(list, 1).map((r) => [r.kind, r.url, r.line, r.column]),
			[
				['image', './one.png', 3, 5],
				['link', '/articles/a/', 6, 5],
			]
		);
		// MDX has no indented code: the image is an image.
		assert.deepEqual(
			bodyRefs(howTo, 1, { mdx: true }).map((r) => r.url),
			['./diagram.png', 'x.png']
		);
	});

	test('reads nested images, titles, angle brackets, parentheses and autolinks', () => {
		const body =
			'[![Logo](./l.png)](/articles/a/ "Title") [w](https://w.example/A_(b)) [s](<./a b.png>)\n<https://news.example/tags/x/>\n';
		assert.deepEqual(
			bodyRefs(body, 1).map((r) => [r.kind, r.url, r.column]),
			[
				['link', '/articles/a/', 1],
				['image', './l.png', 2],
				['link', 'https://w.example/A_(b)', 42],
				['link', './a b.png', 71],
				['link', 'https://news.example/tags/x/', 1],
			]
		);
	});

	test('ignores comments, escaped brackets, footnotes, task boxes and undefined references', () => {
		const body =
			'<!-- [old](/articles/gone/) -->\n\\[not](/a/) a[^1] [text] ![no ref]\n\n- [ ] task\n\n[^1]: Note.\n';
		assert.deepEqual(bodyRefs(body, 1), []);
	});

	test('skips the parse for a body without links or images', () => {
		assert.deepEqual(bodyRefs('Just words, (and brackets] here.', 1), []);
	});
});

describe('attributeOf', () => {
	test('reads quoted, unquoted, bare and MDX attribute values', () => {
		const tag = '<img src=x.png alt="A b" data-x=\'y\' hidden title={caption}>';
		assert.equal(attributeOf(tag, 'src'), 'x.png');
		assert.equal(attributeOf(tag, 'alt'), 'A b');
		assert.equal(attributeOf(tag, 'hidden'), '');
		assert.equal(attributeOf(tag, 'title'), '{caption}');
		assert.equal(attributeOf(tag, 'width'), undefined);
	});
});

describe('siteTarget', () => {
	test('names the article, product, audit or tag a path points at', () => {
		assert.deepEqual(siteTarget('/articles/a-b/'), { kind: 'article', slug: 'a-b' });
		assert.deepEqual(siteTarget('/products/p/2/?x=1#top'), { kind: 'product', slug: 'p' });
		assert.deepEqual(siteTarget('/audits/a'), { kind: 'audit', slug: 'a' });
		assert.deepEqual(siteTarget('/tags/data%20security/'), { kind: 'tag', slug: 'data security' });
	});

	test('checks absolute addresses only on the site itself', () => {
		const site = 'https://news.example';
		assert.deepEqual(siteTarget('https://news.example/articles/a/', site), {
			kind: 'article',
			slug: 'a',
		});
		assert.equal(siteTarget('https://other.example/articles/a/', site), undefined);
		assert.equal(siteTarget('https://news.example/articles/a/'), undefined);
		assert.equal(siteTarget('mailto:a@b.example', site), undefined);
	});

	test('leaves listings, page numbers and other paths alone', () => {
		for (const path of [
			'/articles/',
			'/articles/2/',
			'/search/',
			'/rss.xml',
			'/articles/a/b/',
			'./x',
		]) {
			assert.equal(siteTarget(path), undefined, path);
		}
	});
});
