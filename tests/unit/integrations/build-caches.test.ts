import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import {
	afterBuild,
	beforeBuild,
	buildCaches,
	pruneImageCache,
	recordImageCache,
} from '../../../src/integrations/build-caches.ts';

function cache(files: Record<string, string>): { dir: string; record: string } {
	const root = mkdtempSync(join(tmpdir(), 'hangar-image-cache-'));
	const dir = join(root, 'assets');
	mkdirSync(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return { dir, record: join(root, 'hangar-image-cache.json') };
}

test('a cached image a stopped build left empty or cut short is removed, a finished one kept', () => {
	const { dir, record } = cache({ 'a.avif': 'AAAA', 'b.webp': 'BBBB' });
	recordImageCache(dir, record);
	// The next build stops: one file emptied, one cut short, one begun; none recorded.
	writeFileSync(join(dir, 'a.avif'), '');
	writeFileSync(join(dir, 'b.webp'), 'BB');
	writeFileSync(join(dir, 'c.jpg'), 'CC');
	writeFileSync(join(dir, 'd.png'), 'DDDD');
	recordImageCache(dir, `${record}.elsewhere`); // (a record of another cache changes nothing)
	assert.deepEqual(pruneImageCache(dir, record), ['a.avif', 'b.webp', 'c.jpg', 'd.png']);
	assert.deepEqual(readdirSync(dir), []);

	const kept = cache({ 'a.avif': 'AAAA' });
	recordImageCache(kept.dir, kept.record);
	assert.deepEqual(pruneImageCache(kept.dir, kept.record), []);
	assert.deepEqual(readdirSync(kept.dir), ['a.avif']);
});

test('without a record, or with one cut short, only empty files are removed', () => {
	const { dir, record } = cache({ 'a.avif': '', 'b.webp': 'BBBB' });
	assert.deepEqual(pruneImageCache(dir, record), ['a.avif']);
	writeFileSync(record, '{"b.webp":');
	writeFileSync(join(dir, 'c.jpg'), '');
	assert.deepEqual(pruneImageCache(dir, record), ['c.jpg']);
	assert.deepEqual(readdirSync(dir), ['b.webp']);
	// No cache folder at all: nothing to do.
	assert.deepEqual(pruneImageCache(join(dir, 'none'), record), []);
});

test("after a build that never reached its last hook, Astro's page copies are forgotten", () => {
	const cacheDir = mkdtempSync(join(tmpdir(), 'hangar-build-caches-'));
	const pages = () => readdirSync(cacheDir).sort();
	const copies = () => {
		mkdirSync(join(cacheDir, 'dist/articles/a'), { recursive: true });
		writeFileSync(join(cacheDir, 'dist/articles/a/index.html'), '<h1>A</h1>');
		writeFileSync(join(cacheDir, 'incremental-build.json'), '{}');
	};
	copies();
	assert.deepEqual(beforeBuild(cacheDir), { stopped: false, images: [] });
	afterBuild(cacheDir);
	assert.deepEqual(beforeBuild(cacheDir).stopped, false, 'a finished build keeps the copies');
	assert.deepEqual(pages(), ['dist', 'hangar-build-running', 'incremental-build.json']);
	// This build stops: no afterBuild. The next one starts without the copies.
	assert.deepEqual(beforeBuild(cacheDir).stopped, true);
	assert.deepEqual(pages(), ['hangar-build-running']);
	afterBuild(cacheDir);
	copies();
	assert.deepEqual(beforeBuild(cacheDir).stopped, false);
});

test('a cache folder the build cannot write stops it with a report, not a stack trace', async () => {
	const cacheDir = mkdtempSync(join(tmpdir(), 'hangar-build-caches-'));
	// Where the running mark goes there is a folder: the mark cannot be written.
	mkdirSync(join(cacheDir, 'hangar-build-running'));
	const { hooks } = buildCaches();
	const config = { cacheDir: pathToFileURL(`${cacheDir}/`) };
	type Hook = (options: unknown) => unknown;
	await (hooks['astro:config:done'] as Hook)({ config });
	const logger = { warn: () => {}, info: () => {} };
	await assert.rejects(
		async () => await (hooks['astro:build:start'] as Hook)({ logger }),
		(error: Error) =>
			error.stack === '' &&
			error.message.startsWith(`Cannot prepare the build cache in ${cacheDir}`) &&
			/Free some disk space/.test(error.message)
	);
});
