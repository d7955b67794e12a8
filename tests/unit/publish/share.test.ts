import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareLinks } from '../../../src/publish/share.ts';

test('share links carry the address and headline, encoded, to each network’s own share page', () => {
	const links = shareLinks('https://news.example.com/articles/a/', 'Audit: "no data" & more');
	assert.deepEqual(
		links.map((l) => l.label),
		['E-mail', 'LinkedIn', 'X', 'Facebook', 'WhatsApp']
	);
	const href = (label: string) => new URL(links.find((l) => l.label === label)?.href ?? '');
	assert.equal(href('E-mail').protocol, 'mailto:');
	assert.equal(href('E-mail').searchParams.get('subject'), 'Audit: "no data" & more');
	assert.equal(href('LinkedIn').searchParams.get('url'), 'https://news.example.com/articles/a/');
	assert.equal(href('X').hostname, 'x.com');
	assert.equal(href('X').searchParams.get('text'), 'Audit: "no data" & more');
	assert.equal(href('Facebook').searchParams.get('u'), 'https://news.example.com/articles/a/');
	assert.equal(
		href('WhatsApp').searchParams.get('text'),
		'Audit: "no data" & more https://news.example.com/articles/a/'
	);
	for (const link of links) assert.doesNotMatch(link.href, /utm_|fbclid/);
});
