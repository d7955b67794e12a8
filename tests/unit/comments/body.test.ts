import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	COMMENT_LINK_REL,
	commentBodyHtml,
	normalizeCommentText,
} from '../../../src/comments/body.ts';

describe('comment bodies as HTML', () => {
	test('show a <script> body as text, never as markup', () => {
		assert.equal(
			commentBodyHtml(`<script>alert("x")</script> & <b onclick='y'>bold</b>`),
			`<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b onclick='y'&gt;bold&lt;/b&gt;</p>`
		);
	});

	test('keep line breaks and make blank lines paragraphs', () => {
		assert.equal(
			commentBodyHtml('first line\nsecond line\n\n\n  \nnext paragraph'),
			'<p>first line<br>second line</p><p>next paragraph</p>'
		);
	});

	test('link web addresses, escaped, with a rel that credits nothing', () => {
		assert.equal(
			commentBodyHtml('See https://example.com/a?b=1&c="2" for more.'),
			`<p>See <a href="https://example.com/a?b=1&amp;c=&quot;2&quot;" rel="${COMMENT_LINK_REL}">https://example.com/a?b=1&amp;c="2"</a> for more.</p>`
		);
		assert.match(
			commentBodyHtml('visit www.example.com today'),
			/<a href="http:\/\/www\.example\.com"/
		);
	});

	test('leave trailing punctuation out of a link', () => {
		assert.match(
			commentBodyHtml('(see https://example.com/page).'),
			/<a href="https:\/\/example\.com\/page"[^>]*>https:\/\/example\.com\/page<\/a>\)\.<\/p>$/
		);
	});

	test('never make a link of another scheme or an e-mail address', () => {
		for (const text of [
			'javascript:alert(1)',
			'data:text/html,<b>x</b>',
			'mailto:someone@example.com',
			'ftp://files.example.com/x',
			'someone@example.com',
			'//evil.example.com/x',
			'vbscript:msgbox',
		]) {
			assert.doesNotMatch(commentBodyHtml(text), /<a /, text);
		}
	});

	test('drop control characters and bidirectional overrides, keep emoji and accents', () => {
		assert.equal(normalizeCommentText('  a\u0000b\u202Ec \r\n\tdé 🚁 \t\n'), 'abc\n\tdé 🚁');
		assert.equal(commentBodyHtml('\u0007'), '');
	});
});
