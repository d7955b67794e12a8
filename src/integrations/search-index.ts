/**
 * Search index, built with Pagefind's Node API inside the build (no second CLI step, nothing
 * copied into public/), and kept current in `astro dev` so search works while writing.
 * Only pages marked `data-pagefind-body` (article pages) are indexed. In a build, each page goes to
 * Pagefind as it is rendered (`search-capture.ts`), so indexing runs beside the rendering.
 * @see https://pagefind.app/docs/node-api/
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchablePart } from '../publish/html.ts';
import { articleUrl } from '../model/urls.ts';
import { filesUnder, urlPathOf } from './built-files.ts';
import { PAGE_SINK, type PageSink } from './search-capture.ts';
import { DevSearch, DOCUMENTS_PATH, newIndex, orThrow } from './search-dev.ts';

/**
 * The built files of the article pages, as a Pagefind glob: the only pages with
 * `data-pagefind-body`, as in `astro dev`. Reading the listing pages too cost Pagefind half again
 * as long (12.3 s instead of 6.8 s for 7,860 pages), to find nothing to index in them.
 */
const ARTICLE_PAGES = `${articleUrl('*').slice(1)}index.html`;

/** An index that takes pages while the build renders them. */
interface BuildIndex {
	index: pagefind.PagefindIndex;
	/** Every page handed over so far; each settles to Pagefind's errors for it. */
	added: Promise<string[]>[];
	/** URL paths of every HTML page the build rendered, indexed or not. */
	rendered: Set<string>;
}

/** Starts an index and lets the capture middleware feed it. */
async function startBuildIndex(): Promise<BuildIndex> {
	const index = await newIndex();
	const build: BuildIndex = { index, added: [], rendered: new Set() };
	const sink: PageSink = (url, html) => {
		build.rendered.add(url);
		// Only article pages carry `data-pagefind-body`; Pagefind would leave out the rest anyway.
		const content = searchablePart(html);
		if (content === undefined) return;
		build.added.push(
			index.addHTMLFile({ url, content }).then(
				(response) => response.errors.map((e) => `${url}: ${e}`),
				(error: unknown) => [`${url}: ${String(error)}`]
			)
		);
	};
	(globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK] = sink;
	return build;
}

/**
 * Waits for Pagefind to take in every page the build rendered, adds the article pages an
 * incremental build copied from the last one (the middleware never saw those), and writes
 * `dir/pagefind/`. When most
 * pages were copied, Pagefind reads the whole output itself instead: it reads files on every core,
 * several times faster than taking them one by one through its Node API. Fails when no page reached
 * the index: an empty index would pass for a working search.
 */
async function finishBuildIndex(
	build: BuildIndex,
	dir: string,
	logger: AstroIntegrationLogger
): Promise<number> {
	const started = performance.now();
	try {
		const sink = (globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK];
		delete (globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK];
		// HTML files the middleware never saw: pages an incremental build copied from the last one,
		// and files written outside the page pipeline (404.html, the editor's /admin/). Only the
		// article pages among them go into the index.
		const unseen = filesUnder(dir).filter(
			(file) => file.endsWith('.html') && !build.rendered.has(urlPathOf(dir, file))
		);
		let index = build.index;
		let how: string;
		if (unseen.length > build.rendered.size) {
			await Promise.all(build.added);
			await index.deleteIndex();
			index = await newIndex();
			orThrow('indexing', await index.addDirectory({ path: dir, glob: ARTICLE_PAGES }));
			how = `${unseen.length} of ${unseen.length + build.rendered.size} pages not rendered by this build, most copied from the last build: read from the output`;
		} else {
			const rendered = build.added.length;
			for (const file of unseen) sink?.(urlPathOf(dir, file), readFileSync(file, 'utf8'));
			orThrow('indexing', { errors: (await Promise.all(build.added)).flat() });
			const copied = build.added.length - rendered;
			how = `${rendered} indexed while they rendered${copied ? `, ${copied} copied from the last build` : ''}`;
		}
		const outputPath = join(dir, 'pagefind');
		orThrow('writing', await index.writeFiles({ outputPath }));
		// The site uses its own search UI on Pagefind's JS API; the stock UI bundles (~400 KB) would
		// only be dead weight in every deploy.
		for (const unused of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, unused), { force: true });
		const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
		if (build.rendered.size + unseen.length > 0 && pages === 0) {
			throw new Error('Search index: Pagefind indexed none of the article pages');
		}
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		logger.info(`Indexed ${pages} articles for search in ${seconds} s after the pages (${how})`);
		return pages;
	} finally {
		await pagefind.close();
	}
}

const UNUSED_BUNDLE_FILES = [
	'pagefind-ui.js',
	'pagefind-ui.css',
	'pagefind-modular-ui.js',
	'pagefind-modular-ui.css',
	'pagefind-component-ui.js',
	'pagefind-component-ui.css',
	'pagefind-highlight.js',
];

const TYPES: Record<string, string> = {
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	wasm: 'application/wasm',
	json: 'application/json',
};

/** The Astro integration. */
export function searchIndex(): AstroIntegration {
	let build: Promise<BuildIndex> | undefined;
	let finishing: Promise<number> | undefined;
	return {
		name: 'hangar:search-index',
		hooks: {
			'astro:config:setup': ({ command, addMiddleware, injectRoute }) => {
				if (command === 'dev') {
					injectRoute({
						pattern: DOCUMENTS_PATH,
						entrypoint: new URL('./search-documents.ts', import.meta.url),
					});
				}
				if (command === 'build') {
					addMiddleware({
						entrypoint: new URL('./search-capture.ts', import.meta.url),
						order: 'post',
					});
				}
			},
			'astro:build:start': async () => {
				build = startBuildIndex();
				await build;
			},
			'astro:server:setup': ({ server, logger }) => {
				const search = new DevSearch(logger);
				// Every file of every index made so far. Pagefind names its chunks and fragments by their
				// content, so a search page that read the entry of one index can still fetch that index's
				// chunks after a newer index replaced it (they 404ed, and the page never showed results).
				const served = new Map<string, Uint8Array>();
				// The server closes on Ctrl-C and SIGTERM, and when Astro restarts it after a config change:
				// indexing stops with it (Pagefind's own process also ends with the dev server's).
				server.httpServer?.once('close', () => void search.close());
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '').split('?')[0] ?? '';
					if (!path.startsWith('/pagefind/')) return next();
					const origin = `http://${req.headers.host ?? 'localhost'}`;
					search.files(origin).then(
						(map) => {
							for (const [name, content] of map) served.set(name, content);
							const body = served.get(path.slice('/pagefind/'.length));
							if (!body) {
								res.statusCode = 404;
								res.end();
								return;
							}
							const ext = path.split('.').pop() ?? '';
							res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
							res.setHeader('cache-control', 'no-store');
							res.end(body);
						},
						(error: unknown) => {
							logger.error(`Search index failed: ${String(error)}`);
							res.statusCode = 500;
							res.end('Search index failed; see the dev server log.');
						}
					);
				});
			},
			// Pagefind finishes the index in its own process while the other integrations' build:done
			// hooks (sitemap, the page scan for _headers) keep the main thread busy.
			'astro:build:generated': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				if (!build) throw new Error('Search index: the build never started the index');
				// The folder is there for the hooks that list the output before the index is written.
				mkdirSync(join(out, 'pagefind'), { recursive: true });
				finishing = finishBuildIndex(await build, out, logger);
				// Awaited in astro:build:done; until then a failure must not go unhandled.
				finishing.catch(() => {});
				build = undefined;
			},
			'astro:build:done': async () => {
				if (!finishing) throw new Error('Search index: the build never finished the index');
				await finishing;
				finishing = undefined;
			},
		},
	};
}
