/**
 * Scheduled articles: with a build time before an article's date it is in no output at all
 * (pages, listings, term pages, feeds, sitemaps, search index) and the build says it is
 * scheduled; with a build time after it, it is in every one of them. The fixture is the linter's,
 * without its broken file, so this build also shows that warnings are printed and never fail.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildSite, ROOT, scratchCopy } from '../helpers/build.ts';
import { filesContaining, hasPage } from '../helpers/files.ts';

const SLUG = 'scheduled-story';
const SECRET = /lintscheduledword|scheduled-story|A story scheduled for 2099/;
/** Every output that lists the article once it is published. */
const OUTPUTS = [
	'articles/index.html',
	'index.html',
	'products/used-drone/index.html',
	'tags/data-security/index.html',
	'rss.xml',
	'atom.xml',
	'feed.json',
	'products/used-drone/rss.xml',
	'tags/data-security/rss.xml',
	'sitemap-0.xml',
	'news-sitemap.xml',
];

let early: ReturnType<typeof buildSite>;
let late: ReturnType<typeof buildSite>;

function searchPages(dir: string): number {
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
		languages: Record<string, { page_count: number }>;
	};
	return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

before(() => {
	const dir = scratchCopy('tests/fixtures/lint', 'scheduled');
	rmSync(join(ROOT, dir, 'articles/broken-body.md'));
	early = buildSite(dir, 'scheduled-early', { HANGAR_BUILD_TIME: '2024-06-01T12:00:00Z' });
	late = buildSite(dir, 'scheduled-late', { HANGAR_BUILD_TIME: '2099-01-02T00:00:00Z' });
});

describe('a scheduled article', () => {
	test('is reported as scheduled by a build that still succeeds, with its warnings', () => {
		assert.equal(early.status, 0, early.output);
		assert.match(
			early.output,
			/articles\/scheduled-story\.md:3:1 {2}info {2}scheduled {2}date: scheduled for 2099-01-01/
		);
		assert.match(early.output, /small-lead\/index\.md:5:1 {2}warning {2}small-image/);
		assert.match(early.output, /unused-product/);
	});

	test('is in no output of a build before its date', () => {
		assert.equal(hasPage(early.outDir, `/articles/${SLUG}/`), false);
		assert.deepEqual(filesContaining(early.outDir, SECRET), []);
		assert.equal(searchPages(early.outDir), 3);
	});

	test('is in every output of a build after its date', () => {
		assert.equal(late.status, 0, late.output);
		assert.doesNotMatch(late.output, /info {2}scheduled/);
		assert.ok(hasPage(late.outDir, `/articles/${SLUG}/`));
		const missing = OUTPUTS.filter(
			(file) => !readFileSync(join(late.outDir, file), 'utf8').includes(`/articles/${SLUG}/`)
		);
		assert.deepEqual(missing, []);
		assert.equal(searchPages(late.outDir), 4);
	});
});
