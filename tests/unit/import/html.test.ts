import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { embedUrl, htmlToMarkdown } from '../../../src/import/html.ts';

const BASE = 'https://blog.example.org/2021/05/post/';

describe('htmlToMarkdown', () => {
	test('drops scripts and styles with their content, event handlers and javascript: links', () => {
		const { markdown } = htmlToMarkdown(
			'<p onclick="steal()">Hi <a href=" JaVaScRiPt:alert(1)">there</a></p><script>alert(1)</script><style>p{}</style><noscript>x</noscript>',
			{ base: BASE }
		);
		assert.equal(markdown, 'Hi there\n');
	});

	test('turns a figure into its image and an emphasised caption, the caption standing in for missing alt text', () => {
		const { markdown, notes } = htmlToMarkdown(
			'<figure><img src="/a.jpg" alt=""><figcaption>A <em>big</em> drone</figcaption></figure>',
			{ base: BASE }
		);
		assert.equal(markdown, '![A big drone](https://blog.example.org/a.jpg)\n\n_A big drone_\n');
		assert.deepEqual(notes, []);
	});

	test('turns embedded players into links to watch the video', () => {
		const { markdown } = htmlToMarkdown(
			'<iframe src="https://www.youtube-nocookie.com/embed/abc?x=1" title="Demo"></iframe><iframe src="https://maps.example.com/embed?q=1"></iframe><iframe src="javascript:alert(1)"></iframe>'
		);
		assert.equal(
			markdown,
			'[Watch the video on YouTube: Demo](https://www.youtube.com/watch?v=abc)\n\n[Open the embedded content on maps.example.com](https://maps.example.com/embed?q=1)\n'
		);
	});

	test('keeps tables as GFM tables', () => {
		const { markdown } = htmlToMarkdown(
			'<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2 | 3</td></tr></table>'
		);
		assert.equal(markdown, '| A | B      |\n| - | ------ |\n| 1 | 2 \\| 3 |\n');
	});

	test('makes relative URLs absolute and lets the caller rewrite links and images', () => {
		const result = htmlToMarkdown(
			'<p><a href="../other/">Other</a> <img src="pic.png" alt="Pic"> <img src="data:image/gif;base64,R0" data-src="/lazy.png" alt="Lazy"></p>',
			{
				base: BASE,
				rewriteLink: (url) =>
					url === 'https://blog.example.org/2021/05/other/' ? '/articles/other/' : url,
				rewriteImage: (url) => (url.endsWith('pic.png') ? './pic.png' : url),
			}
		);
		assert.equal(
			result.markdown,
			'[Other](/articles/other/) ![Pic](./pic.png) ![Lazy](https://blog.example.org/lazy.png)\n'
		);
		assert.deepEqual(result.images, [
			'https://blog.example.org/2021/05/post/pic.png',
			'https://blog.example.org/lazy.png',
		]);
	});

	test('leaves out an image it cannot place, and notes images without alt text', () => {
		const result = htmlToMarkdown(
			'<p><img src="/rel.png" alt="R"> <img src="https://x.example/a.png"></p>'
		);
		assert.equal(result.markdown, '![](https://x.example/a.png)\n');
		assert.match(result.notes[0] ?? '', /"\/rel\.png" was left out/);
		assert.match(result.notes[1] ?? '', /https:\/\/x\.example\/a\.png has no alt text/);
	});

	test('escapes text that would otherwise be markup', () => {
		const { markdown } = htmlToMarkdown('<p>&lt;script&gt;alert(1)&lt;/script&gt; *not em*</p>');
		assert.equal(markdown, '\\<script>alert(1)\\</script> \\*not em\\*\n');
	});
});

describe('embedUrl', () => {
	test('links to the watch page of YouTube and Vimeo players', () => {
		assert.deepEqual(embedUrl('https://player.vimeo.com/video/42?h=1'), {
			url: 'https://vimeo.com/42',
			label: 'Watch the video on Vimeo',
		});
		assert.equal(
			embedUrl('https://www.youtube.com/embed/x_Y-1').url,
			'https://www.youtube.com/watch?v=x_Y-1'
		);
	});
});
