/**
 * The intake service over HTTP on 127.0.0.1: what it accepts, what it refuses (and that nothing
 * refused is stored), moderation behind the password, session and CSRF token, the approve flow
 * down to the YAML file and the webhook, and a restart keeping the queue.
 */
import assert from 'node:assert/strict';
import { spawnSync as runSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import type { RunningService } from '../../src/comments/service/server.ts';
import { verifyPassword } from '../../src/comments/service/credentials.ts';
import { ROOT } from '../helpers/build.ts';
import {
	act,
	comment,
	PASSWORD,
	postComment,
	queue,
	scratch,
	signIn,
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

describe('moderation', () => {
	let dir: string;
	let service: Service;
	let hook: { url: string; calls: unknown[]; close: () => Promise<void> };

	before(async () => {
		hook = await webhookReceiver();
		dir = scratch('moderation');
		service = await start(await testConfig(dir, { webhook: hook.url }));
	});
	after(async () => {
		await service?.close();
		await hook?.close();
	});

	async function queued(fields: Record<string, string> = {}): Promise<string> {
		const response = await postComment(service.url, comment(fields), { as: 'json' });
		return ((await response.json()) as { id: string }).id;
	}

	test('without a session shows only the sign-in form and refuses every action', async () => {
		const id = await queued({ body: 'secret pending text' });
		const page = await fetch(`${service.url}/moderate`);
		assert.equal(page.status, 200);
		const html = await page.text();
		assert.match(html, /type="password"/);
		assert.doesNotMatch(html, /secret pending text|ann\.reader@example\.com/);
		for (const action of ['approve', 'reject', 'spam']) {
			assert.equal((await act(service.url, id, action, { csrf: 'x' })).status, 403, action);
		}
		const forged = await act(service.url, id, 'approve', {
			cookie: 'hangar_moderation=forged',
			csrf: 'x',
		});
		assert.equal(forged.status, 403);
		assert.equal(service.store.get(id)?.status, 'pending');
	});

	test('refuses a wrong password, without a session', async () => {
		const { response, setCookie } = await signIn(service.url, 'not the password', '198.51.100.60');
		assert.equal(response.status, 401);
		assert.equal(setCookie, '');
		assert.match(await response.text(), /That password is not right/);
	});

	test('signs in with an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS', async () => {
		const { response, setCookie } = await signIn(service.url);
		assert.equal(response.status, 303);
		assert.equal(response.headers.get('location'), '/moderate');
		assert.match(
			setCookie,
			/^hangar_moderation=[\w-]{43}; Path=\/moderate; HttpOnly; SameSite=Strict; Max-Age=\d+$/
		);
		const secure = await fetch(`${service.url}/moderate/login`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				'X-Forwarded-Proto': 'https',
			},
			body: `password=${encodeURIComponent(PASSWORD)}`,
			redirect: 'manual',
		});
		assert.match(secure.headers.get('set-cookie') ?? '', /; Secure$/);
	});

	test('refuses an action without the CSRF token, or with another session’s', async () => {
		const id = await queued();
		const { cookie } = await signIn(service.url);
		const other = await signIn(service.url);
		const { csrf: otherCsrf } = await queue(service.url, other.cookie);
		assert.equal((await act(service.url, id, 'approve', { cookie })).status, 403);
		assert.equal((await act(service.url, id, 'approve', { cookie, csrf: '' })).status, 403);
		const wrong = await act(service.url, id, 'approve', { cookie, csrf: otherCsrf });
		assert.equal(wrong.status, 403);
		assert.match(await wrong.text(), /security token is missing or wrong/);
		assert.equal(service.store.get(id)?.status, 'pending');
	});

	test('approve writes the YAML file, without the e-mail address, and calls the webhook', async () => {
		const id = await queued({ name: 'Ann: "quoted" #1', body: 'Line one\n\nkey: value <b>' });
		const { cookie } = await signIn(service.url);
		const { html, csrf } = await queue(service.url, cookie);
		assert.match(html, /Ann: &quot;quoted&quot; #1|Ann: "quoted" #1/);
		assert.match(html, /key: value &lt;b&gt;/);
		assert.match(html, /ann\.reader@example\.com/, 'moderators see the address');
		const response = await act(service.url, id, 'approve', { cookie, csrf });
		assert.equal(response.status, 303);
		assert.equal(response.headers.get('location'), '/moderate?done=approved');
		assert.equal(service.store.get(id)?.status, 'approved');

		const file = join(dir, 'content', 'story', `${id}.yaml`);
		const text = readFileSync(file, 'utf8');
		assert.doesNotMatch(text, /@/);
		assert.deepEqual(parse(text), {
			name: 'Ann: "quoted" #1',
			date: service.store.get(id)?.date.toISOString(),
			body: 'Line one\n\nkey: value <b>',
		});
		await waitFor(() => hook.calls.length > 0);
		assert.deepEqual(hook.calls.at(-1), { event: 'comments-approved', comments: [id] });

		// A reader may now answer it, before the site is rebuilt.
		const reply = await postComment(service.url, comment({ replyTo: id }), { as: 'json' });
		assert.equal(reply.status, 202);
		const again = await act(service.url, id, 'approve', { cookie, csrf });
		assert.equal(again.headers.get('location'), '/moderate?done=taken');
	});

	test('reject and spam keep the comment out of the content folder', async () => {
		const rejected = await queued();
		const spam = await queued();
		const { cookie } = await signIn(service.url);
		const { csrf } = await queue(service.url, cookie);
		assert.equal((await act(service.url, rejected, 'reject', { cookie, csrf })).status, 303);
		assert.equal((await act(service.url, spam, 'spam', { cookie, csrf })).status, 303);
		assert.equal(service.store.get(rejected)?.status, 'rejected');
		assert.equal(service.store.get(spam)?.status, 'spam');
		for (const id of [rejected, spam]) {
			assert.equal(existsSync(join(dir, 'content', 'story', `${id}.yaml`)), false);
		}
		const { html } = await queue(service.url, cookie);
		assert.doesNotMatch(html, new RegExp(`${rejected}|${spam}`));
	});

	test('is off, saying how to turn it on, without a password hash', async () => {
		const off = await start(await testConfig(scratch('no-password'), { passwordHash: undefined }));
		try {
			const response = await fetch(`${off.url}/moderate`);
			assert.equal(response.status, 503);
			assert.match(await response.text(), /COMMENTS_PASSWORD_HASH/);
			assert.equal((await signIn(off.url)).response.status, 503);
		} finally {
			await off.close();
		}
	});
});

describe('nothing accepted is lost', () => {
	test('a restart keeps the pending comments and the moderators’ sessions', async () => {
		const dir = scratch('restart');
		const config = await testConfig(dir);
		const first = await start(config);
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			const response = await postComment(first.url, comment({ body: `Comment ${i}` }), {
				as: 'json',
			});
			ids.push(((await response.json()) as { id: string }).id);
		}
		const { cookie } = await signIn(first.url);
		await first.close();

		const second = await start(config);
		try {
			assert.deepEqual(
				second.store
					.list('pending')
					.map((c) => c.id)
					.sort(),
				[...ids].sort()
			);
			const { html } = await queue(second.url, cookie);
			for (const id of ids) assert.match(html, new RegExp(id));
		} finally {
			await second.close();
		}
	});

	test('an approval whose file could not be written is written on the next start', async () => {
		const dir = scratch('recovery');
		// A file where the content folder should be: every write fails, as after a crash or a full disk.
		const blocked = join(dir, 'blocked');
		writeFileSync(blocked, '');
		const broken = await start(await testConfig(dir, { contentDir: blocked }));
		const response = await postComment(broken.url, comment({ body: 'Survives the crash.' }), {
			as: 'json',
		});
		const { id } = (await response.json()) as { id: string };
		const { cookie } = await signIn(broken.url);
		const { csrf } = await queue(broken.url, cookie);
		assert.equal((await act(broken.url, id, 'approve', { cookie, csrf })).status, 303);
		assert.equal(broken.store.get(id)?.status, 'approved');
		assert.match(
			(await queue(broken.url, cookie)).html,
			/1 approved comment\(s\) are not yet written/
		);
		await broken.close();

		const fixed = await start(await testConfig(dir));
		try {
			const file = join(dir, 'content', 'story', `${id}.yaml`);
			assert.equal(
				(parse(readFileSync(file, 'utf8')) as { body: string }).body,
				'Survives the crash.'
			);
			assert.ok(fixed.store.get(id)?.written);
		} finally {
			await fixed.close();
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

/** Resolves once `condition` holds, polling; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** A webhook endpoint on 127.0.0.1 recording the JSON bodies it receives. */
async function webhookReceiver() {
	const calls: unknown[] = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk: Buffer) => (body += chunk.toString()));
		req.on('end', () => {
			calls.push(JSON.parse(body));
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		calls,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
