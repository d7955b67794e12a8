/**
 * Bytes a browser downloads for a first search, counted at the server (Pagefind fetches from a web
 * worker, which the page's own network events do not all see): our search page versus Pagefind's
 * JS API alone on the same site, for the same query.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/helpers/browser.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.wasm': 'application/wasm',
	'.json': 'application/json',
	'.txt': 'text/plain',
};

/** KB transferred (text gzip-compressed as a static host would; Pagefind's files already are). */
export async function measureSearchBytes(
	dir: string,
	query: string
): Promise<{ oursKb: number; pagefindKb: number }> {
	let bytes = 0;
	const server = createServer((req, res) => {
		let file = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!existsSync(file)) {
			res.writeHead(404).end();
			return;
		}
		const body = readFileSync(file);
		bytes += /\.(html|js|css|json|wasm)$/.test(file) ? gzipSync(body).length : body.length;
		res
			.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
			.end(body);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	try {
		// Each measurement in a fresh browser profile, so nothing comes from the HTTP cache.
		const ours = await launch();
		try {
			const page = await ours.context.newPage();
			await page.goto(`${origin}/search/`);
			await page.waitForLoadState('networkidle');
			bytes = 0;
			await page.locator('#search-query').fill(query);
			await page.waitForFunction(() =>
				/result/.test(document.querySelector('[data-search-status]')?.textContent ?? '')
			);
			await page.waitForLoadState('networkidle');
			await page.waitForTimeout(500);
		} finally {
			await ours.close();
		}
		const oursKb = bytes / 1024;

		// Pagefind's own API on the same site: search, then the data of the first ten results.
		const bare = await launch();
		try {
			const page = await bare.context.newPage();
			await page.goto(`${origin}/robots.txt`);
			bytes = 0;
			await page.evaluate(async (q) => {
				const url = '/pagefind/pagefind.js';
				const pagefind = (await import(url)) as {
					search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }>;
				};
				const search = await pagefind.search(q);
				await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
			}, query);
			await page.waitForTimeout(500);
		} finally {
			await bare.close();
		}
		return { oursKb, pagefindKb: bytes / 1024 };
	} finally {
		server.close();
	}
}
