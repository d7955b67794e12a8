import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	readFields,
	requestEncoding,
	validateComment,
	type PostedFields,
} from '../../../src/comments/input.ts';
import type { CommentsManifest } from '../../../src/comments/model.ts';

const ARTICLES: CommentsManifest['articles'] = {
	open: { open: true, threads: ['t1'] },
	closed: { open: false, threads: [] },
};

function post(overrides: Partial<PostedFields> = {}): PostedFields {
	return {
		article: 'open',
		name: 'Ann Reader',
		email: 'ann@example.com',
		body: 'A thoughtful comment.',
		website: '',
		replyTo: '',
		...overrides,
	};
}

function fieldsWithProblems(fields: PostedFields, replyTargets?: () => string[]): string[] {
	const result = validateComment(fields, ARTICLES, replyTargets);
	return result.ok ? [] : result.problems.map((p) => p.field);
}

describe('request encodings', () => {
	test('accept form-encoded and JSON bodies in UTF-8 only', () => {
		assert.equal(requestEncoding('application/x-www-form-urlencoded'), 'form');
		assert.equal(requestEncoding('application/x-www-form-urlencoded; charset=UTF-8'), 'form');
		assert.equal(requestEncoding('Application/JSON'), 'json');
		for (const other of [
			undefined,
			'',
			'text/plain',
			'multipart/form-data; boundary=x',
			'application/json; charset=latin1',
			'application/jsonp',
		]) {
			assert.equal(requestEncoding(other), undefined, String(other));
		}
	});

	test('read the same fields from either, missing ones empty', () => {
		const form = readFields('form', 'article=open&name=Ann+R&body=a%26b%0Ac&website=');
		assert.deepEqual(form.fields, {
			article: 'open',
			name: 'Ann R',
			email: '',
			body: 'a&b\nc',
			website: '',
			replyTo: '',
		});
		const data = readFields(
			'json',
			JSON.stringify({ article: 'open', name: 'Ann R', body: 'a&b\nc' })
		);
		assert.deepEqual(data.fields, form.fields);
		assert.deepEqual(data.problems, []);
	});

	test('report JSON that is not an object of text fields', () => {
		assert.equal(readFields('json', '{').problems[0]?.field, 'request');
		assert.equal(readFields('json', '[1]').problems[0]?.field, 'request');
		assert.deepEqual(
			readFields('json', '{"name": 5, "body": {"x": 1}}').problems.map((p) => p.field),
			['name', 'body']
		);
	});
});

describe('comment validation', () => {
	test('accepts a complete comment, tidied', () => {
		const result = validateComment(
			post({ name: '  Ann \n Reader ', body: ' line one \r\nline two ', replyTo: 't1' }),
			ARTICLES
		);
		assert.deepEqual(result, {
			ok: true,
			comment: {
				article: 'open',
				name: 'Ann Reader',
				email: 'ann@example.com',
				body: 'line one\nline two',
				replyTo: 't1',
			},
		});
	});

	test('requires name, e-mail address and comment, and says why', () => {
		const result = validateComment(post({ name: ' ', email: '', body: '\n\n' }), ARTICLES);
		assert.equal(result.ok, false);
		assert.deepEqual(!result.ok && result.problems.map((p) => [p.field, p.message]), [
			['name', 'Write your name; it is shown with your comment.'],
			[
				'email',
				'Write your e-mail address, so the moderators can reach you. It is never published.',
			],
			['body', 'Write your comment.'],
		]);
	});

	test('holds length limits, counting characters as readers do', () => {
		assert.deepEqual(fieldsWithProblems(post({ name: 'n'.repeat(101) })), ['name']);
		assert.deepEqual(fieldsWithProblems(post({ name: 'n'.repeat(100) })), []);
		assert.deepEqual(fieldsWithProblems(post({ body: 'b'.repeat(5001) })), ['body']);
		// 5,000 emoji are 10,000 UTF-16 units but 5,000 characters.
		assert.deepEqual(fieldsWithProblems(post({ body: '🚁'.repeat(5000) })), []);
	});

	test('refuses a malformed e-mail address and any address that would be published', () => {
		assert.deepEqual(fieldsWithProblems(post({ email: 'ann.example.com' })), ['email']);
		assert.deepEqual(fieldsWithProblems(post({ name: 'ann@example.com' })), ['name']);
		assert.deepEqual(fieldsWithProblems(post({ body: 'mail me: ann@example.com' })), ['body']);
	});

	test('accepts only known articles that take comments', () => {
		assert.deepEqual(fieldsWithProblems(post({ article: 'missing' })), ['article']);
		assert.deepEqual(fieldsWithProblems(post({ article: 'closed' })), ['article']);
		assert.deepEqual(fieldsWithProblems(post({ article: '__proto__' })), ['article']);
		assert.deepEqual(fieldsWithProblems(post({ article: 'constructor' })), ['article']);
	});

	test('accepts replies to the article’s threads and to comments approved since the build', () => {
		assert.deepEqual(fieldsWithProblems(post({ replyTo: 'nope' })), ['replyTo']);
		assert.deepEqual(fieldsWithProblems(post({ replyTo: '../etc' })), ['replyTo']);
		assert.deepEqual(
			fieldsWithProblems(post({ replyTo: 'fresh' }), () => ['fresh']),
			[]
		);
	});
});

describe('names', () => {
	const nameOf = (name: string) => {
		const result = validateComment(post({ name }), ARTICLES);
		return result.ok ? result.comment.name : result.problems.map((p) => p.message).join(' ');
	};

	test('are cleaned like bodies: no control, escape, bidi or zero-width characters', () => {
		assert.equal(nameOf('Ann\u0000 \u001b[31mReader'), 'Ann [31mReader');
		assert.equal(nameOf('\u202eredaeR nnA'), 'redaeR nnA');
		assert.equal(nameOf('\u2066Ann\u2069 \u200bReader\ufeff\u200e'), 'Ann Reader');
		assert.equal(nameOf('Ann\u00ad\u2060\u180eReader'), 'AnnReader');
		// Joiners inside a name are spelling (emoji, Persian): kept; at its ends, dropped.
		assert.equal(nameOf('\u200dمی\u200cخواهم 👩\u200d🚀\u200d'), 'می\u200cخواهم 👩\u200d🚀');
	});

	test('are refused when nothing in them would show', () => {
		for (const invisible of ['\u200b\u200b', '\u202e\u2066\u2069', '\u0000\u001b', '\u200d']) {
			const result = validateComment(post({ name: invisible }), ARTICLES);
			assert.equal(result.ok, false, JSON.stringify(invisible));
			if (!result.ok)
				assert.deepEqual(
					result.problems.map((p) => p.field),
					['name']
				);
		}
		assert.match(nameOf('\u200b\u200b'), /only of characters that show nothing/);
	});

	test('may not hide an e-mail address in full-width or other look-alike characters', () => {
		assert.deepEqual(fieldsWithProblems(post({ name: 'ann＠example．com' })), ['name']);
		assert.deepEqual(fieldsWithProblems(post({ name: 'ann\u200b@example.com' })), ['name']);
		assert.deepEqual(fieldsWithProblems(post({ body: 'write to ann＠example.com' })), ['body']);
	});
});
