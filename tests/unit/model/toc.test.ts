import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableOfContents } from '../../../src/model/toc.ts';

const h = (depth: number, slug: string) => ({ depth, slug, text: slug.toUpperCase() });

test('lists the h2 headings once there are enough of them, and nothing before', () => {
	const headings = [h(2, 'a'), h(3, 'a-1'), h(2, 'b'), h(2, 'footnote-label')];
	assert.deepEqual(tableOfContents(headings, 2), [
		{ text: 'A', href: '#a' },
		{ text: 'B', href: '#b' },
	]);
	assert.deepEqual(tableOfContents(headings, 3), []);
});
