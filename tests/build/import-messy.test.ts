/**
 * `npm run import` on input messier than a clean export (tests/fixtures/import/messy): a Latin-1
 * feed that declares no encoding, WordPress posts without a title, a feed with a few posts that
 * cannot be read, links a tampered feed may carry, and XML entities (external, or expanding past
 * the limit). Every failure is a report naming the file and line, never a stack trace.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/model/text.ts';
import { buildSite, checkSite, OUT, ROOT, run, scratchCopy } from '../helpers/build.ts';
import { fingerprint } from '../helpers/files.ts';

const MESSY = 'tests/fixtures/import/messy';
const SITE = 'tests/fixtures/import/site';

function importer(dir: string, ...args: string[]) {
	const result = run(['scripts/import.ts', ...args], { HANGAR_CONTENT_DIR: dir });
	assert.doesNotMatch(result.output, /\n\s+at .*\(?file:/, 'no stack trace');
	return result;
}

function frontMatter(dir: string, file: string): Record<string, unknown> {
	const split = splitFrontMatter(readFileSync(join(ROOT, dir, file), 'utf8'));
	assert.ok(split, `${file} has front matter`);
	return parse(split.yaml) as Record<string, unknown>;
}

function input(name: string, text: string): string {
	const dir = join(OUT, 'import-messy-input');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, name);
	writeFileSync(file, text);
	return file;
}

describe('npm run import on real-world input', () => {
	test('reads a Latin-1 feed with Portuguese dates and no encoding declaration, with a warning', () => {
		const dir = scratchCopy(SITE, 'import-latin1');
		const result = importer(dir, `${MESSY}/latin1-no-declaration.rss`);
		assert.equal(result.status, 0, result.output);
		assert.match(
			result.stderr,
			/latin1-no-declaration\.rss:6:\d+: is not UTF-8 and names no encoding; read as Windows-1252/
		);
		const meta = frontMatter(dir, 'articles/revisao-de-inverno.md');
		assert.equal(meta['title'], 'Revisão de inverno: baterias e hélices');
		// Its dates name the day and month in Portuguese: `Ter, 12 Dez 2023 09:30:00 +0000`.
		assert.equal(meta['date'], '2023-12-12T09:30:00Z');
		assert.equal(frontMatter(dir, 'articles/formacao.md')['title'], 'Ação de formação em São João');
		assert.doesNotMatch(readFileSync(join(ROOT, dir, 'articles/formacao.md'), 'utf8'), /\uFFFD/);
	});

	test('imports a post without a title under its first words or its date, and lists it', () => {
		const dir = scratchCopy(SITE, 'import-untitled');
		const result = importer(dir, `${MESSY}/untitled-posts.xml`);
		assert.equal(result.status, 0, result.output);
		assert.equal(
			frontMatter(dir, 'articles/quick-note.md')['title'],
			'Rain all morning, so we calibrated the compasses of every…'
		);
		assert.equal(frontMatter(dir, 'articles/post-of-2022-04-02.md')['title'], 'Post of 2022-04-02');
		assert.match(result.stderr, /untitled-posts\.xml:8 item 1: has no title; imported as "Rain/);
		assert.match(
			result.stderr,
			/untitled-posts\.xml:18 item 2: has no title; imported as "Post of/
		);
		assert.match(result.stdout, /Imported 3 posts/);
		const check = checkSite(dir);
		assert.equal(check.status, 0, check.output);
	});

	test('--skip-invalid imports the rest and lists what it skipped; a dry run writes nothing', () => {
		const dir = scratchCopy(SITE, 'import-skip');
		const before = fingerprint(join(ROOT, dir));
		const refused = importer(dir, `${MESSY}/partly-readable.atom`);
		assert.equal(refused.status, 1);
		assert.match(refused.stderr, /2 problem\(s\) in the input\. Nothing was imported/);
		assert.match(refused.stderr, /run again with --skip-invalid/);
		const dry = importer(dir, `${MESSY}/partly-readable.atom`, '--skip-invalid', '--dry-run');
		assert.equal(dry.status, 0, dry.output);
		assert.match(dry.stdout, /Would write .*articles\/readable\.md/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before, 'a dry run writes nothing');
		const result = importer(dir, `${MESSY}/partly-readable.atom`, '--skip-invalid');
		assert.equal(result.status, 0, result.output);
		assert.match(
			result.stdout,
			/Skipped .*partly-readable\.atom:11 entry 2 "Date in words": the date "o primeiro de maio" cannot be read/
		);
		assert.match(result.stdout, /Skipped .*partly-readable\.atom:17 entry 3 "XHTML body": XHTML/);
		assert.match(result.stdout, /Imported 1 post\./);
	});

	test('redirects only from the feed’s own site: no wildcard, other host or page of the site', () => {
		const dir = scratchCopy(SITE, 'import-hostile');
		const result = importer(dir, `${MESSY}/hostile-links.rss`);
		assert.equal(result.status, 0, result.output);
		const redirects = parse(readFileSync(join(ROOT, dir, 'redirects.yaml'), 'utf8')) as {
			from: string;
		}[];
		assert.deepEqual(
			redirects.map((r) => r.from),
			['/blogs/news/propeller-guards']
		);
		assert.match(result.stderr, /"Everything moved": its old path \/\* would be a wildcard/);
		assert.match(
			result.stderr,
			/"Somewhere else": its address https:\/\/elsewhere\.example\/x is not/
		);
		assert.match(result.stderr, /"Our search": its old path \/search\/ is a page of this site/);
		const build = buildSite(dir, 'import-hostile-build');
		assert.equal(build.status, 0, build.output);
		const written = readFileSync(join(build.outDir, '_redirects'), 'utf8');
		assert.doesNotMatch(written, /^\/(\*|x|search\/) /m);
		// Written by hand, such a wildcard is refused by the build, which knows every path it wrote.
		appendFileSync(
			join(ROOT, dir, 'redirects.yaml'),
			'- from: /*\n  to: /articles/propeller-guards/\n  status: 301\n'
		);
		const shadowing = buildSite(dir, 'import-hostile-build');
		assert.notEqual(shadowing.status, 0, shadowing.output);
		assert.match(
			shadowing.output,
			/redirects\.yaml: \[1\]\.from: "\/\*" covers paths the site serves/
		);
	});

	test('refuses an external entity by file and line, and never reads it', () => {
		const dir = scratchCopy(SITE, 'import-entity');
		const secret = input('secret.txt', 'TOP-SECRET-MARKER');
		const feed = input(
			'entity.rss',
			`<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY leak SYSTEM "file://${secret}">\n]>\n<rss version="2.0"><channel><title>T</title><link>https://t.example/</link>\n<item><title>Hi &leak;</title><link>https://t.example/hi</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item></channel></rss>\n`
		);
		const before = fingerprint(join(ROOT, dir));
		const result = importer(dir, feed);
		assert.equal(result.status, 1, result.output);
		assert.match(result.stderr, /entity\.rss:3:1: declares the external entity "leak"/);
		assert.doesNotMatch(result.output, /TOP-SECRET-MARKER/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});

	test('refuses entities that expand past the limit, by file and line', () => {
		const dir = scratchCopy(SITE, 'import-bomb');
		const feed = input(
			'bomb.rss',
			`<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "${'lol'.repeat(3000)}">\n]>\n<rss version="2.0"><channel><title>T</title><link>https://t.example/</link>\n<item><title>Boom</title><link>https://t.example/b</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><description>${'&big;'.repeat(100)}</description></item></channel></rss>\n`
		);
		const result = importer(dir, feed);
		assert.equal(result.status, 1, result.output);
		assert.match(result.stderr, /bomb\.rss:2:1: its entities expand past what the import reads/);
	});

	test('a write that fails takes back what the import wrote, and says why', () => {
		const dir = scratchCopy(SITE, 'import-write-fails');
		// A folder where the import writes redirects.yaml's new text: the last write fails.
		mkdirSync(join(ROOT, dir, '.redirects.yaml.import.tmp'));
		const before = fingerprint(join(ROOT, dir));
		const result = importer(dir, `${MESSY}/untitled-posts.xml`);
		assert.equal(result.status, 1, result.output);
		assert.match(
			result.stderr,
			/could not write .*redirects\.yaml: .*is a folder where a file was expected \(EISDIR\)/
		);
		// Three articles and the author file of their byline.
		assert.match(result.stderr, /the 4 file\(s\) written before it were removed again/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
		rmSync(join(ROOT, dir), { recursive: true, force: true });
	});
});
