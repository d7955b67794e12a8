/**
 * The search index integration's hooks, run by hand over small output folders: Pagefind finishes
 * the index from `astro:build:generated` while other integrations work, and `astro:build:done`
 * waits for it, so an index that fails must still fail the build there, with its reason.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { PAGE_SINK, type PageSink } from '../../src/integrations/search-capture.ts';
import { beforeBuild } from '../../src/integrations/build-caches.ts';
import { searchIndex } from '../../src/integrations/search-index.ts';
import { OUT } from '../helpers/build.ts';

type Hook = (options: Record<string, unknown>) => Promise<void> | void;

const logged: string[] = [];
const logger = {
	info: (message: string) => logged.push(message),
	warn: (message: string) => logged.push(message),
	error: (message: string) => logged.push(message),
	debug: () => {},
} as unknown as AstroIntegrationLogger;

/** An output folder with the given pages, by path. */
function output(name: string, pages: Record<string, string>): string {
	const dir = join(OUT, 'search-index', name);
	rmSync(dir, { recursive: true, force: true });
	rmSync(`${dir}-cache`, { recursive: true, force: true });
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), html);
	}
	return dir;
}

/**
 * Runs the build's hooks in Astro's order, handing `rendered` (URL paths) to the capture middleware's
 * sink as the build renders them; the promise of `astro:build:done`. Then keeps a copy of every
 * page in the cache folder, as Astro's incremental build does, for the next build to copy from.
 */
async function build(dir: string, rendered: string[] = []): Promise<void> {
	const hooks = searchIndex().hooks as Record<string, Hook>;
	// Each output folder has its own cache folder, where Astro keeps the copies of its pages.
	const cacheDir = pathToFileURL(`${dir}-cache/`);
	await hooks['astro:config:done']!({ config: { cacheDir, vite: {} }, logger });
	await hooks['astro:build:start']!({ logger });
	const sink = (globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK];
	for (const url of rendered) {
		sink?.(url, readFileSync(join(dir, url, 'index.html'), 'utf8'));
	}
	// Astro awaits each integration's hook; this one must return while Pagefind still works.
	await hooks['astro:build:generated']!({ dir: pathToFileURL(`${dir}/`), logger });
	await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), logger, pages: [] });
	const copies = `${dir}-cache/dist`;
	rmSync(copies, { recursive: true, force: true });
	cpSync(dir, copies, { recursive: true, filter: (source) => !source.includes('/pagefind') });
}

const ARTICLE =
	'<!doctype html><html lang="en"><head><title>A</title></head><body><main>' +
	'<article data-pagefind-body><h1>Thermal drones audited</h1><p>Encryption findings.</p></article>' +
	'</main></body></html>';
const LISTING = '<!doctype html><html lang="en"><body><main><p>Articles</p></main></body></html>';

test('writes the index of the article pages by the time astro:build:done returns', async () => {
	const dir = output('articles', {
		'articles/thermal/index.html': ARTICLE,
		'articles/index.html': LISTING,
	});
	await build(dir);
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	assert.equal(entry.languages['en']?.page_count, 1);
	assert.ok(logged.some((line) => /Indexed 1 articles for search/.test(line)));
});

test('a cold build names no page copied, though the middleware never saw the 404 page', async () => {
	const dir = output('cold', {
		'articles/thermal/index.html': ARTICLE,
		'articles/index.html': LISTING,
		'404.html': LISTING,
	});
	logged.length = 0;
	await build(dir, ['/articles/thermal/', '/articles/']);
	assert.ok(
		logged.some((line) =>
			/Indexed 1 articles .*\(0 read ahead from the last build, 1 indexed while they rendered\)$/.test(
				line
			)
		),
		logged.join('\n')
	);
});

test('fails the build at astro:build:done when no page reached the index', async () => {
	const dir = output('none', { 'articles/index.html': LISTING });
	await assert.rejects(build(dir), /Pagefind indexed none of the article pages/);
});

test('a rebuild reads the pages of the last build ahead, and leaves out a page deleted since', async () => {
	const lidar = ARTICLE.replace('Thermal drones audited', 'Lidar payloads compared');
	const pages = {
		'articles/thermal/index.html': ARTICLE,
		'articles/lidar/index.html': lidar,
		// The listing's second page, at the same depth as an article's: not read ahead as one.
		'articles/2/index.html': LISTING,
	};
	const dir = output('rebuild', pages);
	await build(dir, ['/articles/thermal/', '/articles/lidar/']);
	// The same content again, every page copied: both are indexed from Astro's copies, read ahead.
	rmSync(join(dir, 'pagefind'), { recursive: true });
	logged.length = 0;
	await build(dir);
	assert.ok(
		logged.some((line) =>
			/Indexed 2 articles .*\(2 read ahead from the last build, 0 indexed/.test(line)
		),
		logged.join('\n')
	);
	// One article deleted: Pagefind cannot take its page out, so the index is made from the output.
	rmSync(join(dir, 'articles/lidar'), { recursive: true });
	rmSync(join(dir, 'pagefind'), { recursive: true });
	logged.length = 0;
	await build(dir);
	assert.ok(
		logged.some((line) => /Indexed 1 articles .*1 gone since: read from the output\)$/.test(line)),
		logged.join('\n')
	);
});

test('a rebuild after one that stopped reads nothing ahead, and takes the copied pages from the output', async () => {
	const pages = { 'articles/thermal/index.html': ARTICLE };
	const dir = output('stopped', pages);
	await build(dir, ['/articles/thermal/']);
	rmSync(join(dir, 'pagefind'), { recursive: true });
	// The last build marked itself running and never got to its end: its page copies are not trusted.
	beforeBuild(`${dir}-cache`);
	logged.length = 0;
	await build(dir);
	assert.ok(
		logged.some((line) =>
			/Indexed 1 articles .*\(0 read ahead from the last build, 0 indexed while they rendered, 1 copied from the last build\)$/.test(
				line
			)
		),
		logged.join('\n')
	);
});
