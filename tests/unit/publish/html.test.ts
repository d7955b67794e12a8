import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	searchablePart,
	decodeEntities,
	eachElement,
	headAndInlineCode,
	isExecutableScript,
	parseHtml,
	renderHtml,
} from '../../../src/publish/html.ts';
import { inlineCode } from '../../../src/publish/headers.ts';

test('decodes the character references of attribute values', () => {
	assert.equal(
		decodeEntities('a &amp; b &quot;c&quot; &#39;d&#x27; &lt;e&gt; &unknown;'),
		'a & b "c" \'d\' <e> &unknown;'
	);
});

test('visits elements in order and removes those the visitor rejects', () => {
	const doc = parseHtml('<div><p>a</p><script>x</script><p>b</p></div>');
	const seen: string[] = [];
	eachElement(doc, (el) => {
		seen.push(el.name);
		return el.name !== 'script';
	});
	assert.deepEqual(seen, ['div', 'p', 'script', 'p']);
	assert.equal(renderHtml(doc), '<div><p>a</p><p>b</p></div>');
});

test('tells scripts that run from data blocks', () => {
	assert.equal(isExecutableScript({}), true);
	assert.equal(isExecutableScript({ type: 'module' }), true);
	assert.equal(isExecutableScript({ type: 'Text/JavaScript' }), true);
	assert.equal(isExecutableScript({ type: 'application/ld+json' }), false);
	assert.equal(isExecutableScript({ type: 'application/json' }), false);
});

test('keeps what the CSP and sitemaps read from a page: its head, inline code and style attributes', () => {
	const page = [
		'<!DOCTYPE html><html><head><meta name="robots" content="noindex"><script>a()</script></head>',
		'<body><p title="style=&quot;x&quot; > y">Text about <code>&lt;script&gt;</code></p>',
		'<table><td style="text-align:right" data-x=\'>\'>1</td></table>',
		'<div data-style="no">z</div><script type="module">b()</script>',
		'<style>p{color:red}</style></body></html>',
	].join('');
	const kept = headAndInlineCode(page);
	assert.ok(kept.startsWith('<!DOCTYPE html><html><head><meta name="robots"'));
	assert.equal(kept.includes('Text about'), false);
	const code = inlineCode(parseHtml(kept));
	assert.deepEqual(code, inlineCode(parseHtml(page)));
	assert.deepEqual(code.scripts, ['a()', 'b()']);
	assert.deepEqual(code.styleAttributes, ['text-align:right']);
	assert.deepEqual(code.styles, ['p{color:red}']);
});

test('returns a page without a head whole', () => {
	assert.equal(headAndInlineCode('<p style="x">a</p>'), '<p style="x">a</p>');
});

test("hands Pagefind the body element and what follows it in main, under the page's html tag", () => {
	const page =
		'<!doctype html><html lang="de-CH" data-theme="dark"><head><title>T</title>' +
		'<meta name="description" content="x"></head><body><header><img src="/logo.svg" alt=""></header>' +
		'<main id="main"><article data-pagefind-body><div hidden><span data-pagefind-filter="tag:A"></span></div>' +
		'<h1>Title</h1><p>Text</p></article><section data-pagefind-ignore>Comments</section></main>' +
		'<footer>Footer</footer></body></html>';
	assert.equal(
		searchablePart(page),
		'<html lang="de-CH" data-theme="dark"><body><article data-pagefind-body><div hidden>' +
			'<span data-pagefind-filter="tag:A"></span></div><h1>Title</h1><p>Text</p></article>' +
			'<section data-pagefind-ignore>Comments</section></body></html>'
	);
});

test('hands Pagefind nothing of a page without a body element, and all of one without main', () => {
	assert.equal(
		searchablePart('<html lang="en"><body><main><p>List</p></main></body></html>'),
		undefined
	);
	assert.equal(
		searchablePart('<html lang="en"><body><div data-pagefind-body>A</div></body></html>'),
		'<html lang="en"><body><div data-pagefind-body>A</div></body></html>'
	);
});
