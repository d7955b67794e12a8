/**
 * Search in `astro dev`: the index is made from the content on the first query and made again
 * after content changes, so search works while writing; it answers as the built site's index does.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../helpers/browser.ts';
import { ROOT, scratchCopy } from '../helpers/build.ts';
import { freePort, serve } from '../helpers/serve.ts';
import { sharedBuild } from '../helpers/shared-build.ts';

let dev: ChildProcess;
let origin = '';
let contentDir = '';
let context: BrowserContext;
let closeBrowser: () => Promise<void>;
let log = '';

let built: ReturnType<typeof sharedBuild>;

before(async () => {
	// Built first: a build writes the project's .astro/ folder, which a running dev server reads.
	built = sharedBuild();
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

/** One search: words (or null for all) and filters, as the search page gives Pagefind. */
interface Query {
	term: string | null;
	filters?: Record<string, string[]>;
}

const QUERIES: Query[] = [
	{ term: 'article' },
	{ term: 'filler' },
	{ term: 'claims' },
	{ term: 'footnote' },
	{ term: 'mdxonlyword' },
	{ term: 'finding' },
	{ term: 'caption' },
	{ term: 'never' },
	{ term: 'article', filters: { tag: ['Audits'] } },
	{ term: null, filters: { product: ['Alpha Drone'] } },
	{ term: null, filters: { type: ['Statement'] } },
	{ term: 'body', filters: { year: ['2019'] } },
];

/**
 * Every result of each query, in order, as Pagefind's API in the browser returns it from the site
 * at `origin`: URL, indexed text, excerpt, metadata, filters and sections. The thumbnail's URL
 * differs by design (dev serves images from /_image), so only its presence is compared.
 */
async function searchAll(page: Page, origin: string): Promise<unknown[]> {
	// A page without the dev server's client, which reloads pages when the content changes.
	await page.goto(`${origin}/pagefind/pagefind-entry.json`);
	return page.evaluate(async (queries: Query[]) => {
		const url = '/pagefind/pagefind.js';
		const pagefind = (await import(url)) as {
			init: () => Promise<void>;
			search: (
				term: string | null,
				options: object
			) => Promise<{ results: { data: () => Promise<Record<string, unknown>> }[] }>;
		};
		await pagefind.init();
		const all = [];
		for (const query of queries) {
			const search = await pagefind.search(query.term, { filters: query.filters ?? {} });
			const results = await Promise.all(search.results.map((r) => r.data()));
			all.push(
				results.map((r) => {
					const filters = { ...(r['filters'] as Record<string, string[]>) };
					const thumb = filters['thumb'] !== undefined;
					delete filters['thumb'];
					const subs = r['sub_results'] as { url: string; title: string }[];
					return {
						url: r['url'],
						content: r['content'],
						excerpt: r['excerpt'],
						meta: r['meta'],
						filters,
						thumb,
						sections: subs.map((sub) => `${sub.url} ${sub.title}`),
					};
				})
			);
		}
		return all;
	}, QUERIES);
}

test('dev and build return the same results for the same queries and filters', async () => {
	assert.equal(built.status, 0, built.output);
	const server = await serve(built.outDir);
	const page = await context.newPage();
	try {
		const fromBuild = await searchAll(page, server.url);
		// Dev shows drafts and scheduled articles, which the build leaves out.
		const notBuilt = new Set(['/articles/secret-draft/', '/articles/future-story/']);
		const fromDev = (
			await searchAll(page, origin).catch((e: unknown) => assert.fail(`${String(e)}\n${log}`))
		).map((results) => (results as { url: string }[]).filter((r) => !notBuilt.has(r.url)));
		assert.ok((fromBuild[0] as unknown[]).length > 0, 'the first query found nothing');
		for (const [i, query] of QUERIES.entries()) {
			assert.deepEqual(fromDev[i], fromBuild[i], JSON.stringify(query));
		}
	} finally {
		await page.close();
		await server.close();
	}
});

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

/** Whether a process is gone (or a zombie its parent has yet to reap). */
function isGone(pid: number): boolean {
	try {
		return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] === 'Z';
	} catch {
		return true;
	}
}

test('SIGTERM stops the dev server and Pagefind at once, while search is indexing', async () => {
	const pid = dev.pid ?? 0;
	const pagefind = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
		.trim()
		.split(/\s+/)
		.map(Number)
		.filter((child) => /pagefind/.test(readFileSync(`/proc/${child}/cmdline`, 'utf8')));
	assert.equal(pagefind.length, 1, 'Pagefind runs beside the dev server once search was used');
	// Search was used, so a change makes the server index again at once: stop it as it begins.
	const reloads = log.split('Reloaded data').length;
	writeFileSync(
		join(ROOT, contentDir, 'articles/late-story.md'),
		'---\ntitle: A late story\ndate: 2020-08-02\n---\n\nWritten just before the server stops.\n'
	);
	const deadline = Date.now() + 30_000;
	while (log.split('Reloaded data').length === reloads && Date.now() < deadline) {
		await new Promise((r) => setTimeout(r, 20));
	}
	const exited = new Promise<void>((done) => dev.once('exit', () => done()));
	const started = performance.now();
	dev.kill('SIGTERM');
	await exited;
	const seconds = (performance.now() - started) / 1000;
	assert.ok(seconds < 1, `the dev server took ${seconds.toFixed(2)} s to stop`);
	await new Promise((r) => setTimeout(r, 200));
	assert.ok(pagefind.every(isGone), 'Pagefind still runs after the dev server stopped');
});
