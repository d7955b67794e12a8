import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateComments } from '../../../src/check/comments.ts';

const ROOT = 'content/comments';
const GOOD = 'name: Ann\ndate: 2024-06-01T12:00:00Z\nbody: Hello.\n';

function check(files: Record<string, string>, articleSlugs = ['story', 'other-story']) {
	return validateComments({
		contentDir: 'content',
		files: Object.entries(files).map(([path, text]) => ({ path: `${ROOT}/${path}`, text })),
		articleSlugs,
	});
}

function rules(files: Record<string, string>): string[] {
	return check(files).map(
		(p) => `${p.file.slice(ROOT.length + 1)} ${p.rule}${p.field ? ` ${p.field}` : ''}`
	);
}

describe('comment files in the content check', () => {
	test('pass when well formed, replies included', () => {
		assert.deepEqual(
			check({
				'story/c-1.yaml': GOOD,
				'story/c-2.yml': `${GOOD}replyTo: c-1\n`,
				'other-story/c-1.yaml': `name: Bo\ndate: 2024-06-02\nbody: |\n  Two\n  lines\n`,
			}),
			[]
		);
	});

	test('report YAML errors with their line', () => {
		const [problem] = check({ 'story/c-1.yaml': 'name: Ann\nbody: [unclosed\n' });
		assert.equal(problem?.rule, 'yaml-syntax');
		assert.ok((problem?.line ?? 0) >= 2);
		assert.match(problem?.fix ?? '', /body: \|/);
	});

	test('report missing, empty and mistyped fields at their line', () => {
		assert.deepEqual(rules({ 'story/c-1.yaml': 'name: ""\nbody: 42\n' }), [
			'story/c-1.yaml required-field name',
			'story/c-1.yaml required-field date',
			'story/c-1.yaml field-type body',
		]);
		const [typo] = check({ 'story/c-1.yaml': `${GOOD}replyto: c-0\n` });
		assert.equal(typo?.rule, 'unknown-field');
		assert.equal(typo?.line, 4);
		assert.match(typo?.fix ?? '', /did you mean "replyTo"/);
	});

	test('refuse an impossible date', () => {
		const [problem] = check({ 'story/c-1.yaml': 'name: Ann\ndate: 2021-02-30\nbody: x\n' });
		assert.equal(problem?.rule, 'invalid-date');
		assert.match(problem?.message ?? '', /February 2021 has 28 days/);
	});

	test('refuse an e-mail address in any field', () => {
		assert.deepEqual(
			rules({
				'story/c-1.yaml': 'name: ann@example.com\ndate: 2024-06-01\nbody: mail bo@example.org\n',
			}),
			['story/c-1.yaml email-address name', 'story/c-1.yaml email-address body']
		);
	});

	test('refuse a comment for an unknown article, suggesting the closest', () => {
		const [problem] = check({ 'stroy/c-1.yaml': GOOD });
		assert.equal(problem?.rule, 'unknown-article');
		assert.match(
			problem?.fix ?? '',
			/did you mean "story"\? Move the file to content\/comments\/story\//
		);
	});

	test('refuse replies to unknown comments, to themselves and to replies', () => {
		assert.deepEqual(
			rules({
				'story/c-1.yaml': GOOD,
				'story/c-2.yaml': `${GOOD}replyTo: c-3\n`,
				'story/c-3.yaml': `${GOOD}replyTo: c-1\n`,
				'story/c-4.yaml': `${GOOD}replyTo: c-9\n`,
				'story/c-5.yaml': `${GOOD}replyTo: c-5\n`,
				'other-story/c-6.yaml': `${GOOD}replyTo: c-1\n`,
			}),
			[
				'other-story/c-6.yaml unknown-comment replyTo',
				'story/c-2.yaml nested-reply replyTo',
				'story/c-4.yaml unknown-comment replyTo',
				'story/c-5.yaml unknown-comment replyTo',
			]
		);
	});

	test('refuse files in the wrong place, bad ids and duplicates; ignore hidden files', () => {
		assert.deepEqual(
			rules({
				'loose.yaml': GOOD,
				'story/deeper/c-1.yaml': GOOD,
				'story/notes.txt': 'x',
				'story/Bad_Id.yaml': GOOD,
				'story/c-1.yaml': GOOD,
				'story/c-1.yml': GOOD,
				'story/.DS_Store': 'x',
			}),
			[
				'loose.yaml comment-path',
				'story/Bad_Id.yaml invalid-comment-id',
				'story/c-1.yml duplicate-comment',
				'story/deeper/c-1.yaml comment-path',
				'story/notes.txt comment-path',
			]
		);
	});
});
