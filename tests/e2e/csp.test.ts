/**
 * The Content-Security-Policy of `dist/_headers`, applied by a server that behaves like the static
 * host, is one the site satisfies: in Chromium no page type reports a violation, search (Pagefind's
 * script, WebAssembly and index fetches) works under it, and an injected inline script is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { serveWithHeaders } from '../helpers/headers-server.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { SITE_DIR, discoverPages, fileFor, pageTypes } from '../helpers/site.ts';

/** Collects the page's CSP violations, reported by the browser as events and console errors. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (msg) => {
		if (/Content[- ]Security[- ]Policy/i.test(msg.text())) console.push(msg.text());
	});
	// Init scripts run before the page's own, and outside its CSP.
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) => {
			seen.push(
				`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`
			);
		});
	});
	return async () => [
		...console,
		...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
	];
}

describe('Content-Security-Policy', () => {
	let server: StaticServer;
	let browser: Awaited<ReturnType<typeof launch>>;

	before(async () => {
		server = await serveWithHeaders(SITE_DIR);
		browser = await launch();
	});
	after(async () => {
		await browser?.close();
		await server?.close();
	});

	test('no page type reports a violation', async (t) => {
		for (const { type, path, status } of pageTypes(discoverPages(SITE_DIR))) {
			await t.test(`${type} (${path})`, async () => {
				const page = await browser.context.newPage();
				const violations = await recordViolations(page);
				const response = await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
				assert.equal(response?.status(), status);
				assert.match(
					(await response?.allHeaders())?.['content-security-policy'] ?? '',
					/default-src 'self'/,
					'the server sent the CSP from _headers'
				);
				await page.waitForLoadState('networkidle');
				assert.deepEqual(await violations(), []);
				await page.close();
			});
		}
	});

	test('search runs under it: Pagefind loads, compiles its WebAssembly and fetches results', async () => {
		assert.ok(fileFor(SITE_DIR, '/search/'), 'the site has a search page');
		const page = await browser.context.newPage();
		const violations = await recordViolations(page);
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(String(error)));
		const fragment = page.waitForResponse((r) => /\/pagefind\/.+\.pf_fragment$/.test(r.url()), {
			timeout: 15_000,
		});
		await page.goto(new URL('/search/?q=audit', server.url).href, { waitUntil: 'load' });
		assert.equal((await fragment).status(), 200, 'a result was fetched');
		await page.waitForLoadState('networkidle');
		assert.deepEqual(await violations(), []);
		assert.deepEqual(errors, []);
		await page.close();
	});

	test('refuses an inline script the build did not hash', async () => {
		const page = await browser.context.newPage();
		const violations = await recordViolations(page);
		await page.goto(new URL('/', server.url).href, { waitUntil: 'load' });
		await page
			.addScriptTag({ content: 'window.__injected = true;' })
			.catch(() => undefined /* the blocked script fails to load: that is the point */);
		assert.equal(await page.evaluate(() => 'injected' in window || '__injected' in window), false);
		assert.match((await violations()).join('\n'), /script-src/);
		await page.close();
	});
});
