import { HtmlValidate } from 'html-validate';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	formProblemPage,
	loginPage,
	messagePage,
	queuePage,
	serviceCsp,
} from '../../../../src/comments/service/pages.ts';
import {
	clearedSessionCookie,
	hashPassword,
	parsePasswordHash,
	readCookie,
	sameToken,
	sessionCookie,
	tokenDigest,
	verifyPassword,
} from '../../../../src/comments/service/credentials.ts';

const FAST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };
const SALT = Buffer.alloc(16, 7);

describe('moderator passwords', () => {
	test('are stored as a shell-safe scrypt hash that only the password matches', async () => {
		const hash = await hashPassword('correct horse battery', SALT, FAST);
		assert.match(hash, /^scrypt:16384:8:1:[\w-]{22}:[\w-]{43}$/);
		assert.equal(await verifyPassword('correct horse battery', hash), true);
		assert.equal(await verifyPassword('correct horse batterY', hash), false);
		assert.equal(await verifyPassword('', hash), false);
	});

	test('salt every hash', async () => {
		const a = await hashPassword('same password here', undefined, FAST);
		const b = await hashPassword('same password here', undefined, FAST);
		assert.notEqual(a, b);
	});

	test('refuse a hash that is not one of ours, or too weak', async () => {
		for (const bad of [
			'',
			'secret',
			'$2b$10$abcdefghijklmnopqrstuv',
			'scrypt:1024:8:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
			'scrypt:16384:8:1:AA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
		]) {
			assert.equal(parsePasswordHash(bad), undefined, bad);
			assert.equal(await verifyPassword('anything', bad), false);
		}
	});
});

describe('session and CSRF tokens', () => {
	test('compare whole values only', () => {
		assert.equal(sameToken('abc', 'abc'), true);
		assert.equal(sameToken('abd', 'abc'), false);
		assert.equal(sameToken('ab', 'abc'), false);
		assert.equal(sameToken(undefined, 'abc'), false);
		assert.equal(sameToken('', ''), false);
	});

	test('are kept as digests', () => {
		assert.equal(tokenDigest('x').length, 64);
		assert.notEqual(tokenDigest('x'), 'x');
	});

	test('travel in an HttpOnly, SameSite=Strict cookie, Secure over HTTPS', () => {
		const plain = sessionCookie('tok', { secure: false, maxAgeSeconds: 60 });
		assert.equal(
			plain,
			'hangar_moderation=tok; Path=/moderate; HttpOnly; SameSite=Strict; Max-Age=60'
		);
		assert.match(sessionCookie('tok', { secure: true, maxAgeSeconds: 60 }), /; Secure$/);
		assert.match(clearedSessionCookie(false), /^hangar_moderation=; .*Max-Age=0/);
		assert.equal(readCookie('a=1; hangar_moderation=tok; b=2', 'hangar_moderation'), 'tok');
		assert.equal(readCookie('xhangar_moderation=tok', 'hangar_moderation'), undefined);
		assert.equal(readCookie(undefined, 'hangar_moderation'), undefined);
	});
});

describe('service pages', () => {
	const evil = `<script>alert(1)</script>"'&`;

	test('escape every field of a pending comment', () => {
		const html = queuePage({
			items: [
				{
					id: 'c-1',
					article: evil,
					articleUrl: `https://site.example/"onmouseover="x`,
					name: evil,
					email: `${evil}@example.com`,
					body: evil,
					received: new Date('2024-06-01T12:00:00Z'),
					replyTo: evil,
				},
			],
			csrf: `"><script>`,
			counts: { pending: 1 },
		});
		assert.doesNotMatch(html, /<script>/);
		assert.doesNotMatch(html, /"onmouseover=/);
		assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
		assert.match(html, /name="csrf" value="&quot;&gt;&lt;script&gt;"/);
		assert.match(html, /action="\/moderate\/c-1\/approve"/);
		assert.match(html, /formaction="\/moderate\/c-1\/reject"/);
		assert.match(html, /formaction="\/moderate\/c-1\/spam"/);
		assert.match(html, /2024-06-01 12:00 UTC/);
	});

	test('give a refused reader their text back in the form', () => {
		const html = formProblemPage({
			title: 'Your comment was not sent',
			problems: [{ field: 'email', message: 'Write your e-mail address as name@example.com.' }],
			fields: {
				article: 'a',
				name: evil,
				email: 'x',
				body: `${evil}\nsecond line`,
				website: '',
				replyTo: '',
			},
			articleUrl: 'https://site.example/articles/a/',
		});
		assert.doesNotMatch(html, /<script>/);
		assert.match(
			html,
			/<textarea[^>]*>\n&lt;script&gt;alert\(1\)&lt;\/script&gt;"'&amp;\nsecond line<\/textarea>/
		);
		assert.match(html, /<a href="#email">E-mail: Write your e-mail address/);
		assert.match(html, /href="https:\/\/site\.example\/articles\/a\/"/);
		assert.match(html, /<div class="trap" aria-hidden="true">/);
	});

	test('load nothing and allow only their own style', () => {
		assert.match(
			serviceCsp(),
			/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self';/
		);
		assert.match(
			serviceCsp(['https://site.example']),
			/form-action 'self' https:\/\/site\.example;/
		);
		assert.doesNotMatch(loginPage('x'), /<script|<link|src=/);
		assert.match(loginPage('<b>'), /&lt;b&gt;/);
	});

	test('are valid HTML by html-validate’s recommended rules', async () => {
		const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
		const item = {
			id: 'c-1',
			article: 'story',
			articleUrl: 'https://site.example/articles/story/',
			name: 'Ann',
			email: 'ann@example.com',
			body: 'Hello',
			received: new Date('2024-06-01T12:00:00Z'),
		};
		const pages = {
			login: loginPage('That password is not right.'),
			queue: queuePage({ items: [item], csrf: 't', counts: { pending: 1 }, notice: 'Done.' }),
			empty: queuePage({ items: [], csrf: 't', counts: {} }),
			problem: formProblemPage({
				title: 'Your comment was not sent',
				problems: [{ field: 'body', message: 'Write your comment.' }],
				fields: {
					article: 'story',
					name: 'Ann',
					email: 'a@example.com',
					body: '',
					website: '',
					replyTo: '',
				},
			}),
			message: messagePage('Not found', 'Nothing here.', { href: '/moderate', label: 'Back' }),
		};
		for (const [name, html] of Object.entries(pages)) {
			const report = await validator.validateString(html);
			const messages = report.results.flatMap((r) =>
				r.messages.map((m) => `${m.ruleId}: ${m.message}`)
			);
			assert.deepEqual(messages, [], name);
		}
	});
});
