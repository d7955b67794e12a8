/**
 * Moderation over HTTP on 127.0.0.1, behind the password, session and CSRF token: the approve flow
 * down to the YAML file and the webhook; and a restart keeping the queue and the sessions.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import type { RunningService } from '../../src/comments/service/server.ts';
import {
	act,
	comment,
	PASSWORD,
	postComment,
	queue,
	scratch,
	signIn,
	start,
	testConfig,
} from '../helpers/comments.ts';

type Service = RunningService & { lines: string[] };

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
