import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	acceptsComments,
	commentCountLabel,
	commentsCsp,
	commentsManifest,
	commentsSettings,
	containsEmailAddress,
	isCommentId,
	isEmailAddress,
	mergeCsp,
	newCommentId,
	threadComments,
	type Comment,
} from '../../../src/comments/model.ts';

function comment(id: string, date: string, replyTo?: string): Comment {
	return { id, article: 'a', name: `Name ${id}`, date: new Date(date), body: 'text', replyTo };
}

describe('comment ids', () => {
	test('are the UTC arrival time and a random suffix, sortable by arrival', () => {
		const id = newCommentId(new Date('2024-06-01T12:34:56.789+02:00'), 'A1B2C3');
		assert.equal(id, '20240601-103456-a1b2c3');
		assert.ok(isCommentId(id));
		assert.ok(
			newCommentId(new Date('2024-06-01T09:00:00Z'), 'ffff') <
				newCommentId(new Date('2024-06-01T10:00:00Z'), '0000')
		);
	});

	test('refuses too little randomness', () => {
		assert.throws(() => newCommentId(new Date(), 'xyz'), /at least 4 hex digits/);
	});

	test('accept only slug-like names that cannot leave their folder', () => {
		for (const bad of ['../x', 'a/b', 'A', 'a b', '', 'a--b', `${'a'.repeat(81)}`]) {
			assert.equal(isCommentId(bad), false, bad);
		}
		assert.ok(isCommentId('welcome-1'));
	});
});

describe('e-mail addresses', () => {
	test('are found anywhere in a text, in any script', () => {
		for (const text of [
			'write to bob@example.com today',
			'(jane.doe+news@sub.example.co.uk)',
			'müller@beispiel.de',
			'x@example.dev',
		]) {
			assert.ok(containsEmailAddress(text), text);
		}
		for (const text of ['@handle on social', 'a @ b . com', 'price: 5@10', 'user@localhost']) {
			assert.equal(containsEmailAddress(text), false, text);
		}
	});

	test('in the e-mail field follow the browser rule and need a dotted domain', () => {
		assert.ok(isEmailAddress('ann@example.com'));
		assert.ok(isEmailAddress("o'neil+tag@mail.example.org"));
		for (const bad of [
			'ann',
			'ann@',
			'@example.com',
			'ann@localhost',
			'a b@example.com',
			'ann@-x.com',
		]) {
			assert.equal(isEmailAddress(bad), false, bad);
		}
		assert.equal(isEmailAddress(`${'a'.repeat(250)}@example.com`), false);
	});
});

describe('threading', () => {
	test('orders threads and replies oldest first, replies one level deep', () => {
		const threads = threadComments([
			comment('b', '2024-01-03T00:00:00Z'),
			comment('r2', '2024-01-05T00:00:00Z', 'a'),
			comment('a', '2024-01-01T00:00:00Z'),
			comment('r1', '2024-01-04T00:00:00Z', 'a'),
			comment('rr', '2024-01-06T00:00:00Z', 'r1'),
		]);
		assert.deepEqual(
			threads.map((t) => [t.comment.id, t.replies.map((r) => r.id)]),
			[
				['a', ['r1', 'r2', 'rr']],
				['b', []],
			]
		);
	});

	test('shows a reply to a missing comment, and a cycle, as comments of their own', () => {
		const threads = threadComments([
			comment('orphan', '2024-01-02T00:00:00Z', 'gone'),
			comment('x', '2024-01-03T00:00:00Z', 'y'),
			comment('y', '2024-01-04T00:00:00Z', 'x'),
			comment('self', '2024-01-05T00:00:00Z', 'self'),
		]);
		const shown = threads.flatMap((t) => [t.comment.id, ...t.replies.map((r) => r.id)]);
		assert.deepEqual(shown.sort(), ['orphan', 'self', 'x', 'y']);
	});

	test('counts comments in words', () => {
		assert.equal(commentCountLabel(0), 'No comments yet');
		assert.equal(commentCountLabel(1), '1 comment');
		assert.equal(commentCountLabel(12), '12 comments');
	});
});

describe('comment settings of a build', () => {
	const config = { enabled: true, intakeUrl: 'https://comments.example.com' };

	test('post to /comments on the intake and allow its origin in the CSP', () => {
		const settings = commentsSettings(config, 'https://news.example.com');
		assert.deepEqual(settings, {
			enabled: true,
			action: 'https://comments.example.com/comments',
			origin: 'https://comments.example.com',
		});
		assert.deepEqual(commentsCsp(settings), {
			'form-action': ['https://comments.example.com'],
			'connect-src': ['https://comments.example.com'],
		});
		assert.equal(
			commentsSettings({ ...config, intakeUrl: 'https://x.example/svc' }, 'https://s.example')
				.action,
			'https://x.example/svc/comments'
		);
	});

	test('are overridden by HANGAR_COMMENTS and HANGAR_COMMENTS_URL', () => {
		const off = commentsSettings(config, 'https://s.example', { HANGAR_COMMENTS: 'off' });
		assert.equal(off.enabled, false);
		assert.deepEqual(commentsCsp(off), {});
		const local = commentsSettings(config, 'https://s.example', {
			HANGAR_COMMENTS_URL: 'http://127.0.0.1:9999',
		});
		assert.equal(local.action, 'http://127.0.0.1:9999/comments');
		// A value other than on/off never gets here: the environment's schema refuses it at start
		// (tests/unit/check/site-config.test.ts).
	});

	test('refuse an unusable intake URL, naming the config field', () => {
		assert.throws(
			() => commentsSettings({ ...config, intakeUrl: 'comments.example.com' }, 'https://s.example'),
			/src\/site\.config\.ts: comments\.intakeUrl: "comments\.example\.com" is not a web address/
		);
		assert.throws(
			() =>
				commentsSettings(
					{ ...config, intakeUrl: 'http://comments.example.com' },
					'https://s.example'
				),
			/plain http while the site is https/
		);
		// This machine is fine over http (the sample site and tests).
		assert.ok(
			commentsSettings({ ...config, intakeUrl: 'http://127.0.0.1:8787' }, 'https://s.example')
		);
	});

	test('turn the form off per article or for the whole site', () => {
		assert.equal(acceptsComments({ enabled: true }, {}), true);
		assert.equal(acceptsComments({ enabled: true }, { comments: false }), false);
		assert.equal(acceptsComments({ enabled: false }, { comments: true }), false);
	});

	test('merge CSP additions by directive without repeats', () => {
		assert.deepEqual(
			mergeCsp({ 'img-src': ['a'], 'form-action': ['x'] }, { 'form-action': ['x', 'y'] }),
			{
				'img-src': ['a'],
				'form-action': ['x', 'y'],
			}
		);
	});

	test('publish every article, whether it takes comments, and the ids a reply may answer', () => {
		const comments = new Map([
			['one', [comment('r', '2024-01-02T00:00:00Z', 't'), comment('t', '2024-01-01T00:00:00Z')]],
		]);
		assert.deepEqual(
			commentsManifest([{ slug: 'two', comments: false }, { slug: 'one' }], comments, {
				enabled: true,
			}),
			{ articles: { one: { open: true, threads: ['t'] }, two: { open: false, threads: [] } } }
		);
	});
});
