/**
 * Search in `astro dev`: the index is built from the dev server's own pages on the first query and
 * rebuilt after content changes, so search works while writing.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { ROOT, scratchCopy } from '../helpers/build.ts';

let dev: ChildProcess;
let origin = '';
let contentDir = '';
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let log = '';

async function freePort(): Promise<number> {
	return new Promise((done) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

before(async () => {
	contentDir = scratchCopy('tests/fixtures/site', 'dev');
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	dev = spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
		{
			cwd: ROOT,
			env: {
				...process.env,
				HANGAR_CONTENT_DIR: contentDir,
				FORCE_COLOR: '0',
				ASTRO_TELEMETRY_DISABLED: '1',
			},
		}
	);
	dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			if ((await fetch(`${origin}/search/`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error(`astro dev did not start:\n${log}`);
		await new Promise((r) => setTimeout(r, 300));
	}
	({ context, close: closeBrowser } = await launch());
});

after(async () => {
	await closeBrowser?.();
	dev?.kill('SIGTERM');
});

async function results(page: Page, query: string, timeout = 60_000): Promise<string[]> {
	await page.goto(`${origin}/search/?q=${query}`);
	await page.waitForFunction(
		() =>
			/result|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? ''),
		undefined,
		{ timeout }
	);
	return page
		.locator('[data-search-results] h3 a')
		.evaluateAll((l) => l.map((a) => (a as HTMLAnchorElement).pathname));
}

test('search works in dev and picks up an article written while the server runs', async () => {
	const page = await context.newPage();
	assert.deepEqual(await results(page, 'mdxonlyword'), ['/articles/mdx-story/'], log);
	assert.match(log, /Search is ready: \d+ articles indexed/);

	writeFileSync(
		join(ROOT, contentDir, 'articles/fresh-story.md'),
		'---\ntitle: A fresh story\ndate: 2020-08-01\n---\n\nWritten while the dev server ran: devfreshword.\n'
	);
	const deadline = Date.now() + 30_000;
	let found: string[] = [];
	while (Date.now() < deadline) {
		try {
			// Each try is short, so that a page the dev server reloaded mid-search costs one try only.
			found = await results(page, 'devfreshword', 10_000);
		} catch {
			// The dev server reloads open pages when content changes; ask again.
		}
		if (found.length > 0) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	assert.deepEqual(found, ['/articles/fresh-story/'], log);
	await page.close();
});
