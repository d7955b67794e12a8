import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	describeArticle,
	firstParagraph,
	readingMinutes,
	shorten,
	wordCount,
} from '../../../src/model/text.ts';

test('takes the first paragraph as plain text, skipping headings and markup', () => {
	const body =
		'## A heading\n\nThe **first** paragraph has a [link](/x/) and\na line break.\n\nSecond.';
	assert.equal(firstParagraph(body), 'The first paragraph has a link and a line break.');
});

test('skips MDX imports, exports and components', () => {
	const body = "import X from './x.ts';\nexport const a = 1;\n\n<Callout />\n\nReal prose here.";
	assert.equal(firstParagraph(body), 'Real prose here.');
});

test('finds a first paragraph that comes after long code blocks with blank lines in them', () => {
	const code = `\`\`\`\n${'let a = 1;\n\n'.repeat(400)}\`\`\`\n\n`;
	const body = `## Setup\n\n${code}The prose.\n\nMore.`;
	assert.equal(firstParagraph(body), 'The prose.');
	// A fence left open swallows everything after it: no paragraph, as in a full parse.
	assert.equal(firstParagraph(`\`\`\`\n${'x\n\n'.repeat(2000)}`), '');
});

test('reads reference links defined anywhere in the body', () => {
	const body = `The [audit][report] found nothing.\n\n${'Filler paragraph.\n\n'.repeat(300)}[report]: /r/`;
	assert.equal(firstParagraph(body), 'The audit found nothing.');
});

test('shortens at a word boundary with an ellipsis', () => {
	assert.equal(shorten('short text', 160), 'short text');
	const long = 'word '.repeat(60);
	const cut = shorten(long, 50);
	assert.ok(cut.length <= 50);
	assert.ok(cut.endsWith('word…'));
});

test('uses the given description, else the shortened first paragraph', () => {
	assert.equal(describeArticle('Given.', 'Body.'), 'Given.');
	assert.equal(describeArticle(undefined, 'Body paragraph.'), 'Body paragraph.');
	assert.equal(describeArticle('   ', 'Body paragraph.'), 'Body paragraph.');
	assert.ok(describeArticle(undefined, 'x '.repeat(200)).length <= 160);
});

test('counts words of prose and estimates whole minutes, at least one', () => {
	assert.equal(wordCount('One two three.\n\n| a | b |\n\n- four'), 6);
	assert.equal(readingMinutes('word '.repeat(460), 230), 2);
	assert.equal(readingMinutes('', 230), 1);
});
