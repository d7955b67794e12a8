/**
 * The intake service over HTTP on 127.0.0.1: what it accepts, what it refuses (and that nothing
 * refused is stored), its rate limit, and `npm run comments`. Moderation and restarts are in
 * comments-moderation.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync as runSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { RunningService } from '../../src/comments/service/server.ts';
import { verifyPassword } from '../../src/comments/service/credentials.ts';
import { ROOT } from '../helpers/build.ts';
import {
	comment,
	postComment,
	scratch,
	serveProcess,
	SITE_ORIGIN,
	start,
	testConfig,
} from '../helpers/comments.ts';

type Service = RunningService & { lines: string[] };

describe('posting a comment', () => {
	let service: Service;
	before(async () => {
		service = await start(await testConfig(scratch('intake')));
	});
	after(() => service?.close());

	const pending = () => service.store.list('pending');

	test('a form post is queued and answered with a redirect to the article’s notice', async () => {
		const before = pending().length;
		const response = await postComment(service.url, comment(), { origin: SITE_ORIGIN });
		assert.equal(response.status, 303);
		assert.equal(
			response.headers.get('location'),
			`${SITE_ORIGIN}/articles/story/#comment-pending`
		);
		const queued = pending().at(-1);
		assert.equal(pending().length, before + 1);
		assert.equal(queued?.status, 'pending');
		assert.equal(queued?.email, 'ann.reader@example.com');
		assert.equal(queued?.body, 'A first comment.\nWith two lines.');
		assert.match(queued?.id ?? '', /^\d{8}-\d{6}-[0-9a-f]{6}$/);
	});

	test('a fetch post gets 202 JSON, with CORS for the site’s origin only', async () => {
		const response = await postComment(service.url, comment({ body: 'From the script.' }), {
			as: 'json',
			origin: SITE_ORIGIN,
		});
		assert.equal(response.status, 202);
		assert.equal(response.headers.get('access-control-allow-origin'), SITE_ORIGIN);
		const answer = (await response.json()) as { ok: boolean; id: string; message: string };
		assert.equal(answer.ok, true);
		assert.match(answer.message, /waiting for approval/);
		assert.equal(service.store.get(answer.id)?.body, 'From the script.');

		const preflight = await fetch(`${service.url}/comments`, {
			method: 'OPTIONS',
			headers: {
				Origin: SITE_ORIGIN,
				'Access-Control-Request-Method': 'POST',
				'Access-Control-Request-Headers': 'content-type',
			},
		});
		assert.equal(preflight.status, 204);
		assert.equal(preflight.headers.get('access-control-allow-origin'), SITE_ORIGIN);
		assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
		const foreign = await fetch(`${service.url}/comments`, {
			method: 'OPTIONS',
			headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
		});
		assert.equal(foreign.status, 403);
		assert.equal(foreign.headers.get('access-control-allow-origin'), null);
	});

	test('the service’s own page may send a refused comment again', async () => {
		const response = await postComment(service.url, comment({ body: 'Sent again.' }), {
			origin: service.url,
		});
		assert.equal(response.status, 303);
		assert.equal(
			response.headers.get('location'),
			`${SITE_ORIGIN}/articles/story/#comment-pending`
		);
		const refused = await postComment(service.url, comment({ email: 'x' }), {
			origin: SITE_ORIGIN,
		});
		// Its form is redirected to the site when sent again: the page's CSP must allow that.
		assert.match(
			refused.headers.get('content-security-policy') ?? '',
			/form-action 'self' http:\/\/site\.test;/
		);
	});

	test('a post from another site is refused and not stored', async () => {
		const before = pending().length;
		for (const as of ['form', 'json'] as const) {
			const response = await postComment(service.url, comment(), {
				as,
				origin: 'https://evil.example',
			});
			assert.equal(response.status, 403, as);
			assert.equal(response.headers.get('access-control-allow-origin'), null);
		}
		assert.equal(pending().length, before);
	});

	test('invalid input gets 400 with every reason, and nothing is stored', async () => {
		const before = pending().length;
		const response = await postComment(
			service.url,
			comment({ name: '', email: 'not-an-address', body: '', article: 'no-such-article' }),
			{ as: 'json', origin: SITE_ORIGIN }
		);
		assert.equal(response.status, 400);
		const answer = (await response.json()) as { errors: { field: string; message: string }[] };
		assert.deepEqual(
			answer.errors.map((e) => e.field),
			['article', 'name', 'email', 'body']
		);
		for (const closed of [
			comment({ article: 'closed' }),
			comment({ replyTo: 'no-such-comment' }),
		]) {
			assert.equal((await postComment(service.url, closed)).status, 400);
		}
		assert.equal(pending().length, before);
	});

	test('a refused form post shows the reasons and gives the reader their text back', async () => {
		const response = await postComment(
			service.url,
			comment({ email: 'oops', body: 'Words I do not want to lose <script>x</script>' }),
			{ origin: SITE_ORIGIN }
		);
		assert.equal(response.status, 400);
		assert.match(response.headers.get('content-type') ?? '', /text\/html/);
		assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
		const html = await response.text();
		assert.match(html, /Write your e-mail address as name@example\.com\./);
		assert.match(html, /Words I do not want to lose &lt;script&gt;x&lt;\/script&gt;<\/textarea>/);
		assert.match(html, /value="Ann Reader"/);
		assert.match(html, /href="http:\/\/site\.test\/articles\/story\/"/);
		assert.equal(response.headers.get('location'), null);
	});

	test('an oversized post is refused, whole or in its comment', async () => {
		const before = pending().length;
		const huge = await postComment(service.url, comment({ body: 'x'.repeat(200_000) }), {
			as: 'json',
		});
		assert.equal(huge.status, 413);
		assert.match(JSON.stringify(await huge.json()), /larger than 64 KiB/);
		const long = await postComment(service.url, comment({ body: 'x'.repeat(5001) }), {
			as: 'json',
		});
		assert.equal(long.status, 400);
		assert.match(JSON.stringify(await long.json()), /5001 characters long; the limit is 5000/);
		assert.equal(pending().length, before);
	});

	test('a post of another content type is refused', async () => {
		const before = pending().length;
		for (const contentType of [
			'text/plain',
			'multipart/form-data; boundary=x',
			'application/xml',
		]) {
			const response = await postComment(service.url, new URLSearchParams(comment()).toString(), {
				contentType,
				accept: 'application/json',
			});
			assert.equal(response.status, 400, contentType);
			assert.match(JSON.stringify(await response.json()), /form-encoded .* or as JSON/);
		}
		assert.equal(pending().length, before);
	});

	test('a filled honeypot is answered like a success and dropped', async () => {
		const before = pending().length;
		const form = await postComment(service.url, comment({ website: 'https://spam.example' }));
		assert.equal(form.status, 303);
		assert.equal(form.headers.get('location'), `${SITE_ORIGIN}/articles/story/#comment-pending`);
		const json = await postComment(service.url, comment({ website: 'x' }), { as: 'json' });
		assert.equal(json.status, 202);
		assert.equal(((await json.json()) as { ok: boolean }).ok, true);
		assert.equal(pending().length, before);
		assert.ok(service.lines.some((l) => /honeypot/.test(l)));
	});

	test('never redirects anywhere but an article of the site', async () => {
		for (const article of ['//evil.example', 'https://evil.example/', '../../x', 'story/../../x']) {
			const response = await postComment(service.url, comment({ article }));
			assert.equal(response.status, 400, article);
			assert.equal(response.headers.get('location'), null);
		}
	});

	test('never serves a file from disk', async () => {
		for (const path of [
			'/package.json',
			'/../package.json',
			'/%2e%2e/package.json',
			'/comments.json',
			'/queue.sqlite',
			'/',
		]) {
			const response = await fetch(`${service.url}${path}`);
			assert.equal(response.status, 404, path);
			assert.equal(await response.text(), 'Not found\n');
		}
		assert.equal((await fetch(`${service.url}/comments`)).status, 405);
		assert.equal((await fetch(`${service.url}/health`)).status, 200);
	});
});

test('two comments in the same second that draw the same id are both kept', async () => {
	// The random source repeats itself, as it does once in 16.7 million pairs.
	const draws = ['aaaaaa', 'aaaaaa', 'aaaaaa', 'bbbbbb'];
	const service = await start(await testConfig(scratch('collide')), {
		now: () => new Date('2026-06-01T12:00:00Z'),
		randomHex: () => draws.shift() ?? 'cccccc',
	});
	try {
		for (const body of ['The first comment.', 'The second comment.']) {
			const response = await postComment(service.url, comment({ body }), { as: 'json' });
			assert.equal(response.status, 202, await response.text());
		}
		assert.deepEqual(
			service.store.list('pending').map((c) => [c.id, c.body]),
			[
				['20260601-120000-aaaaaa', 'The first comment.'],
				['20260601-120000-bbbbbb', 'The second comment.'],
			]
		);
	} finally {
		await service.close();
	}
});

describe('rate limiting', () => {
	test('refuses a client past its limit with 429 and Retry-After, others still post', async () => {
		const dir = scratch('rate');
		const service = await start(
			await testConfig(dir, { rateLimit: { limit: 3, windowMs: 600_000 } })
		);
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 5; i++) {
				statuses.push(
					(await postComment(service.url, comment(), { client: '203.0.113.7' })).status
				);
			}
			assert.deepEqual(statuses, [303, 303, 303, 429, 429]);
			const limited = await postComment(service.url, comment({ body: 'kept text' }), {
				client: '203.0.113.7',
			});
			// Three per ten minutes: one more every 200 s.
			assert.equal(limited.headers.get('retry-after'), '200');
			assert.match(await limited.text(), /wait 4 minutes[\s\S]*kept text<\/textarea>/);
			assert.equal(
				(await postComment(service.url, comment(), { client: '203.0.113.8' })).status,
				303
			);
			assert.equal(service.store.list('pending').length, 4);
		} finally {
			await service.close();
		}
	});
});

describe('npm run comments', () => {
	test('serve starts from the environment, takes comments and stops on SIGTERM', async () => {
		const dir = scratch('cli');
		const config = await testConfig(dir);
		const service = serveProcess(config);
		try {
			const url = await service.ready(10_000);
			assert.match(service.output(), /moderation: off \(set COMMENTS_PASSWORD_HASH\)/);
			const response = await postComment(url, comment(), { origin: SITE_ORIGIN });
			assert.equal(response.status, 303);
		} finally {
			service.child.kill('SIGTERM');
		}
		assert.equal(await service.exited, 0, service.output());

		const exported = spawnSync(['export', '--out', join(dir, 'exported')], {
			COMMENTS_DB: config.db,
		});
		assert.equal(exported.status, 0, exported.output);
		assert.match(exported.output, /0 written/, 'pending comments are not exported');
	});

	test('hash-password prints a hash of the password read from standard input', async () => {
		const result = spawnSync(['hash-password'], {}, 'a long enough password\n');
		assert.equal(result.status, 0, result.output);
		const hash = result.stdout.trim();
		assert.equal(await verifyPassword('a long enough password', hash), true);
		const short = spawnSync(['hash-password'], {}, 'short\n');
		assert.equal(short.status, 1);
		assert.match(short.output, /at least 12 characters/);
	});

	test('a bad setting stops the service with the variable named', () => {
		const result = spawnSync(['serve'], { COMMENTS_LISTEN: 'nowhere' });
		assert.equal(result.status, 1);
		assert.match(result.output, /COMMENTS_LISTEN="nowhere" must be host:port/);
		const unknown = spawnSync(['serv'], {});
		assert.equal(unknown.status, 2);
		assert.match(unknown.output, /Unknown command "serv"[\s\S]*hash-password/);
	});
});

/** Runs `node scripts/comments.ts …` to completion. */
function spawnSync(args: string[], env: Record<string, string>, input?: string) {
	const result = runSync(process.execPath, ['scripts/comments.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		input,
		encoding: 'utf8',
	});
	return {
		status: result.status,
		stdout: result.stdout,
		output: `${result.stdout}${result.stderr}`,
	};
}
