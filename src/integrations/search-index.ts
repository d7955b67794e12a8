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
import { filesUnder, urlPathOf } from './built-files.ts';
import { PAGE_SINK, type PageSink } from './search-capture.ts';
import { lastPageCopies } from './build-caches.ts';
import { ARTICLE_PAGES, articlePathsIn, isArticlePath } from './article-pages.ts';
import { DevSearch, DOCUMENTS_PATH, newIndex, orThrow, RecentIndexes } from './search-dev.ts';

/** An index that takes pages while the build renders them. */
interface BuildIndex {
	index: pagefind.PagefindIndex;
	/** Every page handed over so far; each settles to Pagefind's errors for it. */
	added: Promise<string[]>[];
	/** URL paths of every HTML page the build rendered, indexed or not. */
	rendered: Set<string>;
	/** URL paths of the last build's article pages, handed to Pagefind ahead. */
	ahead: Set<string>;
	/** Settles when Pagefind has taken in the pages handed ahead (to Pagefind's errors). */
	aheadDone: Promise<string[]>;
}

/**
 * Starts an index and lets the capture middleware feed it. When the last build left its pages in
 * Astro's cache (`copies`), Pagefind reads their article pages at once; a page this build renders
 * is added again after them, and Pagefind keeps the last page added per URL.
 */
async function startBuildIndex(copies: string | undefined): Promise<BuildIndex> {
	const index = await newIndex();
	const ahead = copies === undefined ? new Set<string>() : articlePathsIn(copies);
	const aheadDone =
		copies === undefined || ahead.size === 0
			? Promise.resolve([])
			: index.addDirectory({ path: copies, glob: ARTICLE_PAGES }).then(
					(response) => response.errors,
					(error: unknown) => [String(error)]
				);
	const build: BuildIndex = { index, added: [], rendered: new Set(), ahead, aheadDone };
	const sink: PageSink = (url, html) => {
		build.rendered.add(url);
		// Only article pages carry `data-pagefind-body`; Pagefind would leave out the rest anyway.
		const content = searchablePart(html);
		if (content === undefined) return;
		build.added.push(addAfterAhead(build, url, content));
	};
	(globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK] = sink;
	return build;
}

function addAfterAhead(build: BuildIndex, url: string, content: string): Promise<string[]> {
	return build.aheadDone
		.then(() => build.index.addHTMLFile({ url, content }))
		.then(
			(response) => response.errors.map((e) => `${url}: ${e}`),
			(error: unknown) => [`${url}: ${String(error)}`]
		);
}

/**
 * Completes the index with the article pages the middleware never saw: the pages an incremental
 * build copied from the last one. Pagefind read those ahead from the files Astro restored them
 * from; any other is added from the output. The index is made again from the output instead when
 * it holds a page the build no longer has (an article deleted or made a draft: Pagefind cannot
 * take a page out), or when most pages are to be added one by one (Pagefind reads files on every
 * core, several times faster than through its Node API).
 */
async function completeBuildIndex(
	build: BuildIndex,
	dir: string
): Promise<{ how: string; written: number }> {
	const unseen = filesUnder(dir)
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file, path: urlPathOf(dir, file) }))
		.filter(({ path }) => !build.rendered.has(path));
	const copied = unseen.filter(({ path }) => isArticlePath(path));
	const written = build.rendered.size + unseen.length;
	const pages = new Set([...build.rendered].filter(isArticlePath));
	for (const { path } of copied) pages.add(path);
	const gone = [...build.ahead].filter((path) => !pages.has(path)).length;
	const missing = copied.filter(({ path }) => !build.ahead.has(path));
	const rendered = build.added.length;
	if (gone > 0 || missing.length > Math.max(rendered, 100)) {
		await Promise.all([build.aheadDone, ...build.added]);
		await build.index.deleteIndex();
		build.index = await newIndex();
		orThrow('indexing', await build.index.addDirectory({ path: dir, glob: ARTICLE_PAGES }));
		const how = `${copied.length} of ${pages.size} article pages copied from the last build${gone ? `, ${gone} gone since` : ''}: read from the output`;
		return { how, written };
	}
	for (const { file, path } of missing) {
		const part = searchablePart(readFileSync(file, 'utf8'));
		if (part !== undefined) build.added.push(addAfterAhead(build, path, part));
	}
	orThrow('indexing', { errors: (await Promise.all([build.aheadDone, ...build.added])).flat() });
	const stats = `${build.ahead.size} read ahead from the last build, ${rendered} indexed while they rendered`;
	const how = `${stats}${missing.length ? `, ${missing.length} copied from the last build` : ''}`;
	return { how, written };
}

/**
 * Waits for Pagefind to take in every page, completes the index (`completeBuildIndex`) and writes
 * `dir/pagefind/`. Fails when no page reached the index: an empty index would pass for a working
 * search.
 */
async function finishBuildIndex(
	build: BuildIndex,
	dir: string,
	logger: AstroIntegrationLogger
): Promise<number> {
	const started = performance.now();
	try {
		delete (globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK];
		const { how, written } = await completeBuildIndex(build, dir);
		const outputPath = join(dir, 'pagefind');
		orThrow('writing', await build.index.writeFiles({ outputPath }));
		// The site uses its own search UI on Pagefind's JS API; the stock UI bundles (~400 KB) would
		// only be dead weight in every deploy.
		for (const unused of UNUSED_BUNDLE_FILES) rmSync(join(outputPath, unused), { force: true });
		const entry = JSON.parse(readFileSync(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
		if (written > 0 && pages === 0) {
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

/** How many of the last dev indexes the dev server still serves files of. */
const KEPT_INDEXES = 3;

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
	let cacheDir = '';
	/** Whether the build writes over an output folder it did not empty (Vite's emptyOutDir). */
	let keepsOutput = false;
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
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				keepsOutput = config.vite.build?.emptyOutDir === false;
			},
			'astro:build:start': async () => {
				if (!cacheDir) throw new Error('Search index: the build started before astro:config:done');
				// Earlier versions kept each article's searchable part here; the page copies replace them.
				// Only disk space is at stake, so a folder that cannot be removed is left as it is.
				try {
					rmSync(join(cacheDir, 'hangar-search-parts'), { recursive: true, force: true });
				} catch {
					// Left for the user's next clean of the cache.
				}
				// A page copied into an output folder that was not emptied may be an older build's.
				build = startBuildIndex(keepsOutput ? undefined : lastPageCopies(cacheDir));
				await build;
			},
			'astro:server:setup': ({ server, logger }) => {
				const search = new DevSearch(logger);
				const served = new RecentIndexes(KEPT_INDEXES);
				// The server closes on Ctrl-C and SIGTERM, and when Astro restarts it after a config change:
				// indexing stops with it (Pagefind's own process also ends with the dev server's).
				server.httpServer?.once('close', () => void search.close());
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '').split('?')[0] ?? '';
					if (!path.startsWith('/pagefind/')) return next();
					const origin = `http://${req.headers.host ?? 'localhost'}`;
					search.files(origin).then(
						(map) => {
							const body = served.use(map).get(path.slice('/pagefind/'.length));
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
