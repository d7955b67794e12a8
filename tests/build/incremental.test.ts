/**
 * Incremental rebuilds: after edits, a rebuild that keeps the caches copies the pages nothing
 * touched from the last build, renders the rest, and its output is byte for byte what a cold build
 * of the same content writes (the search index aside, whose file names depend on the order pages
 * reach it; it must still hold every article).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildSite, ROOT, scratchCopy } from '../helpers/build.ts';
import { cacheDirFor } from '../../src/environment.ts';
import { filesUnder } from '../../src/integrations/built-files.ts';
import { filesContaining } from '../helpers/files.ts';

const ENV = { HANGAR_BUILD_TIME: '2026-11-01T00:00:00Z' };
const NEW_TITLE = 'A lead-image story with a changed headline';
/** The feeds of products, audits, tags and authors. */
const TERM_FEEDS = /\/(?:tags|products|audits|authors)\/[\w-]+\/rss\.xml/;
const TERM_FEEDS_ALL = new RegExp(TERM_FEEDS.source, 'g');

let warm: ReturnType<typeof buildSite>;
let cold: ReturnType<typeof buildSite>;
let unchanged: ReturnType<typeof buildSite>;
let commentsOff: ReturnType<typeof buildSite>;
/** The warm build's output, kept before the unchanged build writes over it. */
let warmOutputs: Map<string, Buffer>;
let warmSearchPages: number;
let warmFragments: string[];
let unchangedOutputs: Map<string, Buffer>;
let unchangedSearchPages: number;
let unchangedFragments: string[];
/** The content folders of the warm and the cold build, which the editor's configuration names. */
let warmContent = '';
/** The photo story's page as the first build wrote it. */
let firstPhotoPage = '';
let coldContent = '';
/** The cached image emptied before the warm build. */
let emptied = '';

/** Every output file except the search index, by path, with its bytes. */
function outputs(dir: string): Map<string, Buffer> {
	return new Map(
		filesUnder(dir)
			.map((file) => relative(dir, file))
			.filter((path) => !path.startsWith('pagefind/'))
			.map((path) => [path, readFileSync(join(dir, path))])
	);
}

/**
 * The search index's page fragments, by file name: a hash of what Pagefind holds of each page
 * (its URL, text, filters and metadata), whatever order the pages reached the index in.
 */
function searchFragments(dir: string): string[] {
	return filesUnder(join(dir, 'pagefind/fragment'))
		.map((file) => relative(dir, file))
		.sort();
}

function searchPages(dir: string): number {
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

/**
 * The output files of `kind` (a path pattern) a build's log lists as rendered, not copied. Astro
 * logs a copied file as its path and "(restored)" or "(cached)" at once; a rendered one gets its
 * time only once rendered, after other pages' lines when pages render in parallel.
 */
function renderedIn(log: string, kind: RegExp): string[] {
	const listed = new RegExp(`├─ (${kind.source})(?! \\((restored|cached)\\))`, 'g');
	return [...log.matchAll(listed)].map((m) => m[1] ?? '');
}

function edit(file: string, from: RegExp, to: string): void {
	const text = readFileSync(file, 'utf8');
	assert.match(text, from, `${file} has ${String(from)}`);
	writeFileSync(file, text.replace(from, to));
}

describe('incremental rebuild', () => {
	before(() => {
		const content = scratchCopy('tests/fixtures/site', 'incremental');
		warmContent = content;
		const dir = join(ROOT, content);
		// An article the edits below do not reach (the oldest, sharing no product, audit or tag), with
		// an image in its body.
		const story = join(dir, 'articles/photo-story');
		mkdirSync(story);
		copyFileSync(join(dir, 'articles/lead-image-story/body.png'), join(story, 'photo.png'));
		writeFileSync(
			join(story, 'index.md'),
			'---\ntitle: A photo story\ndate: 2018-01-01\n---\n\nText.\n\n![A photo](./photo.png)\n'
		);
		const first = buildSite(content, 'incremental', ENV);
		assert.equal(first.status, 0, first.output);
		firstPhotoPage = readFileSync(join(first.outDir, 'articles/photo-story/index.html'), 'utf8');
		// A headline, a product's name and a deleted article: each shows on other pages too.
		edit(join(dir, 'articles/lead-image-story/index.md'), /^title: .*$/m, `title: ${NEW_TITLE}`);
		edit(join(dir, 'products/beta-drone.yml'), /^name: .*$/m, 'name: Beta Drone Mk II');
		rmSync(join(dir, 'articles/2019/filler-03.md'));
		// The photo replaced by another under the same name.
		copyFileSync(join(dir, 'articles/lead-image-story/lead.png'), join(story, 'photo.png'));
		// A cached image emptied, as a build stopped by a full disk leaves the one it was writing.
		const images = join(ROOT, cacheDirFor(content), 'assets');
		emptied = readdirSync(images).find((name) => /^lead\..+\.avif$/.test(name)) ?? '';
		assert.ok(emptied, `no cached lead image in ${images}`);
		writeFileSync(join(images, emptied), '');
		warm = buildSite(content, 'incremental', ENV, { warm: true });
		assert.equal(warm.status, 0, warm.output);
		warmOutputs = outputs(warm.outDir);
		warmSearchPages = searchPages(warm.outDir);
		warmFragments = searchFragments(warm.outDir);
		// The same output folder: a build into another one starts afresh (it is part of the config).
		unchanged = buildSite(content, 'incremental', ENV, { warm: true });
		assert.equal(unchanged.status, 0, unchanged.output);
		unchangedOutputs = outputs(unchanged.outDir);
		unchangedSearchPages = searchPages(unchanged.outDir);
		unchangedFragments = searchFragments(unchanged.outDir);
		const unchangedForm = filesContaining(unchanged.outDir, /data-comment-form/).length;
		assert.ok(unchangedForm > 0, 'the fixture shows comment forms');
		// The comment switch is build settings, not content: the pages with a form must change too.
		commentsOff = buildSite(
			content,
			'incremental',
			{ ...ENV, HANGAR_COMMENTS: 'off' },
			{ warm: true }
		);
		assert.equal(commentsOff.status, 0, commentsOff.output);
		const again = scratchCopy(content, 'incremental-cold');
		coldContent = again;
		cold = buildSite(again, 'incremental-cold', ENV);
		assert.equal(cold.status, 0, cold.output);
	});

	test('copies the pages nothing touched instead of rendering them', () => {
		const copied = warm.output.match(/\((restored|cached)\)/g) ?? [];
		assert.ok(copied.length >= 10, `only ${copied.length} pages copied:\n${warm.output}`);
		// Its card shows nothing the edits changed; its page links to the beta drone, renamed.
		assert.match(warm.output, /og\/articles\/filler-01\.jpg \((restored|cached)\)/);
		assert.doesNotMatch(warm.output, /articles\/filler-01\/index\.html \((restored|cached)\)/);
		assert.doesNotMatch(warm.output, /lead-image-story\/index\.html \((restored|cached)\)/);
		// A feed no edit reached is copied too; the warm output equals the cold one (next test).
		assert.ok(
			renderedIn(warm.output, TERM_FEEDS).length < (warm.output.match(TERM_FEEDS_ALL) ?? []).length,
			'every term feed rendered again'
		);
		// The deleted article's page was read ahead, and Pagefind cannot take a page out again.
		assert.match(warm.output, /, 1 gone since: read from the output/);
	});

	test('renders an article again when an image in its body is replaced under the same name', () => {
		assert.deepEqual(renderedIn(warm.output, /\/articles\/photo-story\/index\.html/), [
			'/articles/photo-story/index.html',
		]);
		const photo = (html: string) =>
			/<img alt="A photo"[^>]*\ssrc="(\/_astro\/[^"]+)"/.exec(html)?.[1];
		const now = readFileSync(join(warm.outDir, 'articles/photo-story/index.html'), 'utf8');
		assert.ok(photo(firstPhotoPage) && photo(now));
		assert.notEqual(photo(now), photo(firstPhotoPage), 'the page shows the new photo');
	});

	test('makes again a cached image a stopped build left unfinished, instead of publishing it', () => {
		assert.match(warm.output, new RegExp(`left unfinished by a build that stopped.*${emptied}`));
		const published = [...warmOutputs].filter(([path]) => path.endsWith(emptied));
		assert.equal(published.length, 1, `${emptied} is published`);
		assert.ok((published[0]?.[1].length ?? 0) > 0, `${emptied} is published empty`);
		// And byte for byte as a cold build makes it (next test).
	});

	test('writes exactly what a cold build of the same content writes', () => {
		const fromWarm = warmOutputs;
		const fromCold = outputs(cold.outDir);
		assert.deepEqual([...fromWarm.keys()].sort(), [...fromCold.keys()].sort());
		// The editor's configuration names the content folder, which differs between the two.
		const same = (path: string, bytes: Buffer) =>
			path === 'admin/config.yml'
				? fromWarm.get(path)?.toString().replaceAll(warmContent, 'CONTENT') ===
					bytes.toString().replaceAll(coldContent, 'CONTENT')
				: fromWarm.get(path)?.equals(bytes);
		const differing = [...fromCold].filter(([path, bytes]) => !same(path, bytes));
		assert.deepEqual(
			differing.map(([path]) => path),
			[]
		);
		assert.equal(fromWarm.has('articles/filler-03/index.html'), false);
		const related = [...fromWarm].filter(([, bytes]) => bytes.includes(NEW_TITLE));
		assert.ok(related.length >= 4, 'the new headline reaches listings, feeds and related links');
		assert.ok(fromWarm.get('products/beta-drone/index.html')?.includes('Beta Drone Mk II'));
	});

	test('indexes every article for search, copied or rendered, as a cold build does', () => {
		assert.equal(warmSearchPages, searchPages(cold.outDir));
		// The same text, filters and metadata of the same pages: the edited headline included, the
		// deleted article gone.
		assert.ok(warmFragments.length > 10, `only ${warmFragments.length} fragments`);
		assert.deepEqual(warmFragments, searchFragments(cold.outDir));
	});

	test('renders the article pages again when the comment settings change', () => {
		assert.deepEqual(filesContaining(commentsOff.outDir, /data-comment-form/), []);
		assert.doesNotMatch(
			commentsOff.output,
			/articles\/html-title\/index\.html \((restored|cached)\)/
		);
	});

	test('copies every page when nothing changed, and indexes the pages of the last build ahead', () => {
		assert.deepEqual(renderedIn(unchanged.output, /\/articles\/[\w-]+\/index\.html/), []);
		assert.deepEqual(renderedIn(unchanged.output, TERM_FEEDS), []);
		assert.match(unchanged.output, TERM_FEEDS);
		// Every article page was read ahead from Astro's copies while Astro bundled, and none again.
		const read =
			/Indexed (\d+) articles .*\((\d+) read ahead from the last build, 0 indexed while they rendered\)/.exec(
				unchanged.output
			);
		assert.ok(read, unchanged.output);
		assert.equal(read[2], read[1], 'every article, and only articles, read ahead');
		assert.equal(unchangedSearchPages, searchPages(cold.outDir));
		assert.deepEqual(unchangedFragments, searchFragments(cold.outDir));
		const before = warmOutputs;
		const after = unchangedOutputs;
		assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort());
		for (const [path, bytes] of before) assert.ok(after.get(path)?.equals(bytes), path);
	});
});

describe('a build that stopped half-way', () => {
	const UNDONE = 'A headline that was undone';
	let after: ReturnType<typeof buildSite>;

	before(() => {
		const content = scratchCopy('tests/fixtures/site', 'stopped');
		const cache = join(ROOT, cacheDirFor(content));
		const article = join(ROOT, content, 'articles/lead-image-story/index.md');
		const original = readFileSync(article, 'utf8');
		const first = buildSite(content, 'stopped', ENV);
		assert.equal(first.status, 0, first.output);
		const keys = readFileSync(join(cache, 'incremental-build.json'));
		// A build of an edit that stops after writing its pages, before Astro records their keys and
		// before its last hook: what it leaves is put back by hand.
		edit(article, /^title: .*$/m, `title: ${UNDONE}`);
		const stopped = buildSite(content, 'stopped', ENV, { warm: true });
		assert.equal(stopped.status, 0, stopped.output);
		writeFileSync(join(cache, 'incremental-build.json'), keys);
		writeFileSync(join(cache, 'hangar-build-running'), 'a build that never finished\n');
		// The edit undone, the next build.
		writeFileSync(article, original);
		after = buildSite(content, 'stopped', ENV, { warm: true });
		assert.equal(after.status, 0, after.output);
	});

	test('the next build renders every page again, and publishes nothing the stopped one wrote', () => {
		assert.deepEqual(filesContaining(after.outDir, new RegExp(UNDONE)), []);
		assert.doesNotMatch(after.output, /index\.html \((restored|cached)\)/);
		assert.match(after.output, /the last build stopped before it finished/);
	});
});
