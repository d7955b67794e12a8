/**
 * A reader comments and a moderator approves, end to end in Chromium: the fixture site is built
 * into a scratch copy with the form posting to an intake service on 127.0.0.1, served with its
 * `_headers` (so the CSP applies); comments are sent with JavaScript off (plain POST and redirect)
 * and on (in place, keeping the text on failure); the moderator approves in the moderation page;
 * the site is rebuilt and shows the comment; no e-mail address is anywhere in the built site.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SITE } from '../../src/site.config.ts';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { buildSite, ROOT, scratchCopy } from '../helpers/build.ts';
import { PASSWORD, scratch, start, testConfig } from '../helpers/comments.ts';
import { listFiles } from '../helpers/files.ts';
import { serveWithHeaders } from '../helpers/headers-server.ts';

const FIXTURE = 'tests/fixtures/site';
const BUILD_TIME = '2024-06-01T12:00:00Z';
const ARTICLE = '/articles/filler-01/';
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi;

/** A port free right now on 127.0.0.1, for the intake the build bakes into the form. */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Collects CSP violations reported on a page. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} blocked ${e.blockedURI}`)
		);
	});
	return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function fill(page: Page, fields: { name: string; email: string; body: string }) {
	await page.getByLabel('Name').fill(fields.name);
	await page.getByLabel(/^E-mail/).fill(fields.email);
	await page.getByLabel(/^Comment/).fill(fields.body);
}

describe('commenting end to end', () => {
	let content = '';
	let siteDir = '';
	let site: Awaited<ReturnType<typeof serveWithHeaders>>;
	let service: Awaited<ReturnType<typeof start>>;
	let intake = '';

	const build = () => {
		const result = buildSite(content, 'comments-e2e', {
			HANGAR_BUILD_TIME: BUILD_TIME,
			HANGAR_COMMENTS_URL: intake,
		});
		assert.equal(result.status, 0, result.output);
		return result.outDir;
	};

	before(async () => {
		content = scratchCopy(FIXTURE, 'comments-e2e');
		intake = `http://127.0.0.1:${await freePort()}`;
		siteDir = build();
		site = await serveWithHeaders(siteDir);
		const config = await testConfig(scratch('e2e'), {
			port: Number(new URL(intake).port),
			siteOrigins: [site.url],
			articles: join(siteDir, 'comments.json'),
			contentDir: join(ROOT, content, 'comments'),
			// A browser names no X-Forwarded-For: every post is from 127.0.0.1.
			trustProxy: false,
		});
		service = await start(config);
	});
	after(async () => {
		await service?.close();
		await site?.close();
	});

	test('without JavaScript, the form posts and the reader is sent back to the notice', async () => {
		const browser = await launch({ javaScriptEnabled: false });
		try {
			const page = await browser.context.newPage();
			const violations = await watchCsp(page);
			await page.goto(new URL(ARTICLE, site.url).href);
			assert.equal(await page.locator('#comment-pending').isVisible(), false);
			// First refused (an address in the text): the service's page lists why and keeps the text.
			await fill(page, {
				name: 'No Script Reader',
				email: 'noscript@example.com',
				body: 'Sent without JavaScript. Write to noscript@example.com',
			});
			await page.getByRole('button', { name: 'Send comment' }).click();
			await page.getByRole('heading', { name: 'Your comment was not sent' }).waitFor();
			assert.match(
				(await page.getByRole('alert').textContent()) ?? '',
				/contains an e-mail address/
			);
			const text = page.getByLabel(/^Comment/);
			assert.equal(
				await text.inputValue(),
				'Sent without JavaScript. Write to noscript@example.com'
			);
			assert.deepEqual(await violations(), []);
			// Fixed and sent again from there: back to the article's notice.
			await text.fill('Sent without JavaScript.');
			await Promise.all([
				page.waitForURL(/#comment-pending$/),
				page.getByRole('button', { name: 'Send again' }).click(),
			]);
			assert.equal(page.url(), new URL(`${ARTICLE}#comment-pending`, site.url).href);
			assert.equal(await page.locator('#comment-pending').isVisible(), true);
			assert.match(
				(await page.locator('#comment-pending').textContent()) ?? '',
				/waiting for approval/
			);
			assert.deepEqual(await violations(), []);
			const queued = service.store.list('pending').filter((c) => c.name === 'No Script Reader');
			assert.deepEqual(
				queued.map((c) => [c.article, c.body]),
				[['filler-01', 'Sent without JavaScript.']]
			);
		} finally {
			await browser.close();
		}
	});

	test('with JavaScript, the form posts in place and keeps the text when sending fails', async () => {
		const browser = await launch();
		try {
			const page = await browser.context.newPage();
			const violations = await watchCsp(page);
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(String(e)));
			await page.goto(new URL(ARTICLE, site.url).href);
			const status = page.locator('[data-comment-status]');
			const body = page.getByLabel(/^Comment/);

			// Refused by the service (an address in the text): the reason is shown at the field.
			await fill(page, {
				name: 'Script Reader',
				email: 'script@example.com',
				body: 'Mail me at me@example.org',
			});
			await page.getByRole('button', { name: 'Send comment' }).click();
			await status.filter({ hasText: 'was not sent' }).waitFor();
			assert.equal(await body.inputValue(), 'Mail me at me@example.org');
			assert.equal(await body.getAttribute('aria-invalid'), 'true');
			assert.match(
				(await page.locator('#comment-body-error').textContent()) ?? '',
				/e-mail address/
			);
			const axe = await axeViolations(page);
			assert.equal(axe.length, 0, formatViolations(axe));

			// The service cannot be reached: the text stays.
			await page.route(`${intake}/**`, (route) => route.abort('connectionrefused'));
			await body.fill('Kept when the network fails.');
			await page.getByRole('button', { name: 'Send comment' }).click();
			await status.filter({ hasText: 'could not be reached' }).waitFor();
			assert.equal(await body.inputValue(), 'Kept when the network fails.');
			assert.equal(await body.getAttribute('aria-invalid'), null);
			await page.unroute(`${intake}/**`);

			// Accepted: announced, and the text cleared for the next comment.
			await page.getByRole('button', { name: 'Send comment' }).click();
			await status.filter({ hasText: 'waiting for approval' }).waitFor();
			assert.equal(await status.getAttribute('role'), 'status');
			assert.equal(await body.inputValue(), '');
			assert.equal(page.url(), new URL(ARTICLE, site.url).href, 'no page load');
			assert.deepEqual(errors, []);
			assert.deepEqual(await violations(), []);
			assert.ok(
				service.store.list('pending').some((c) => c.body === 'Kept when the network fails.')
			);
		} finally {
			await browser.close();
		}
	});

	test('a moderator approves, the rebuilt site shows the comment, and no address is published', async () => {
		const browser = await launch();
		try {
			const page = await browser.context.newPage();
			await page.goto(`${service.url}/moderate`);
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			const item = page.locator('li.item', { hasText: 'Sent without JavaScript.' });
			assert.match((await item.textContent()) ?? '', /noscript@example\.com/);
			await item.getByRole('button', { name: 'Approve' }).click();
			await page.getByText('Approved.', { exact: false }).waitFor();
			const other = page.locator('li.item', { hasText: 'Kept when the network fails.' });
			await other.getByRole('button', { name: 'Approve' }).click();
			await page.getByText('Approved.', { exact: false }).waitFor();
			assert.equal(await page.locator('li.item').count(), 0);
		} finally {
			await browser.close();
		}

		build();
		const check = await launch();
		try {
			const page = await check.context.newPage();
			await page.goto(new URL(ARTICLE, site.url).href);
			const comments = page.locator('#comments');
			assert.match((await comments.locator('h2').textContent()) ?? '', /2 comments/);
			assert.match(
				(await comments.textContent()) ?? '',
				/No Script Reader[\s\S]*Sent without JavaScript\.[\s\S]*Kept when the network fails\./
			);
		} finally {
			await check.close();
		}

		const addresses = new Set<string>();
		for (const file of listFiles(siteDir).filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f))) {
			for (const match of readFileSync(join(siteDir, file), 'utf8').matchAll(EMAIL))
				addresses.add(match[0]);
		}
		assert.deepEqual([...addresses], SITE.contact.email ? [SITE.contact.email] : []);
		for (const file of listFiles(join(ROOT, content, 'comments'))) {
			assert.doesNotMatch(readFileSync(join(ROOT, content, 'comments', file), 'utf8'), EMAIL, file);
		}
	});
});
