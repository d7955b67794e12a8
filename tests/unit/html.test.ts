import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	decodeEntities,
	eachElement,
	isExecutableScript,
	parseHtml,
	renderHtml,
} from '../../src/lib/html.ts';

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
