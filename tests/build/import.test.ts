/**
 * `npm run import` on a Shopify blog's Atom feed, a WordPress RSS feed and a WordPress export
 * (tests/fixtures/import/blog: entities, CDATA, figures, iframes, relative links, a <script>, event
 * handlers), into a scratch copy of a small site that already has an article with a slug one post
 * would take. Images are served by a server on 127.0.0.1 started here: no test uses the network.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { parse } from 'yaml';
import { splitFrontMatter } from '../../src/model/text.ts';
import { buildSite, checkSite, OUT, ROOT, run, scratchCopy } from '../helpers/build.ts';
import { fingerprint, hasPage, listFiles } from '../helpers/files.ts';

const BLOG = 'tests/fixtures/import/blog';
const SITE = 'tests/fixtures/import/site';

function importer(dir: string, ...args: string[]) {
	return run(['scripts/import.ts', ...args], { HANGAR_CONTENT_DIR: dir });
}

function frontMatter(dir: string, file: string): Record<string, unknown> {
	const split = splitFrontMatter(readFileSync(join(ROOT, dir, file), 'utf8'));
	assert.ok(split, `${file} has front matter`);
	return parse(split.yaml) as Record<string, unknown>;
}

function body(dir: string, file: string): string {
	return splitFrontMatter(readFileSync(join(ROOT, dir, file), 'utf8'))?.body ?? '';
}

/** The imported articles: one per post, pages and attachments left out. */
const IMPORTED = [
	'articles/drone-security-basics.md',
	'articles/firmware-update-guide-2.md',
	'articles/five-things-to-check.md',
	'articles/local-data-mode.md',
	'articles/why-we-test.md',
	'articles/winter-storage-unfinished.md',
];

describe('npm run import', () => {
	let dir = '';
	let first: ReturnType<typeof run>;
	let ownArticle = '';

	before(() => {
		dir = scratchCopy(SITE, 'import');
		ownArticle = readFileSync(join(ROOT, dir, 'articles/firmware-update-guide.md'), 'utf8');
		first = importer(dir, BLOG);
	});

	test('writes one article per post, and never overwrites an existing one', () => {
		assert.equal(first.status, 0, first.output);
		const articles = listFiles(join(ROOT, dir, 'articles'));
		assert.deepEqual(
			articles.filter((f) => !['welcome.md', 'firmware-update-guide.md'].includes(f)),
			IMPORTED.map((f) => f.replace('articles/', ''))
		);
		// The site's own "firmware-update-guide" stays; the post of that name gets "-2".
		assert.equal(
			readFileSync(join(ROOT, dir, 'articles/firmware-update-guide.md'), 'utf8'),
			ownArticle
		);
		assert.match(first.stdout, /Skipped .*"About us": a WordPress page/);
		assert.match(first.stdout, /Skipped .*"test-bench": a WordPress attachment/);
	});

	test('maps title, dates, author, tags, description and drafts into front matter', () => {
		assert.deepEqual(frontMatter(dir, 'articles/drone-security-basics.md'), {
			title: 'Drone security basics & why they matter',
			date: '2021-03-04T15:00:00Z',
			updated: '2021-03-09T16:15:00Z',
			description: 'Security starts before take-off.',
			tags: ['Data Security', 'Guides'],
			author: 'jane-pilot',
			imported: 'https://shop.example.com/blogs/news/drone-security-basics',
		});
		// The byline is an author slug, and the author a file holding the name the blog gave.
		assert.equal(
			readFileSync(join(ROOT, dir, 'authors/jane-pilot.yaml'), 'utf8'),
			'name: Jane Pilot\n'
		);
		assert.deepEqual(frontMatter(dir, 'articles/why-we-test.md'), {
			title: 'Why we test every aircraft & controller',
			date: '2020-11-02T09:00:00Z',
			updated: '2020-11-05T10:30:00Z',
			description: 'What we check on every aircraft before it ships, and why.',
			tags: ['Workshop', 'Testing'],
			author: 'sam-dealer',
			imported: 'https://blog.example.org/2020/11/why-we-test/',
		});
		const rss = frontMatter(dir, 'articles/local-data-mode.md');
		assert.equal(rss['title'], 'Local Data Mode – what it does, and doesn’t');
		assert.equal(rss['date'], '2021-04-20T14:30:00Z');
		assert.equal(frontMatter(dir, 'articles/winter-storage-unfinished.md')['draft'], true);
		// A teaser that is only the start of the body is left to the site to make.
		assert.equal(frontMatter(dir, 'articles/five-things-to-check.md')['description'], undefined);
	});

	test('keeps tables, figures as image and caption, and videos as links', () => {
		const shopify = body(dir, 'articles/drone-security-basics.md');
		assert.match(
			shopify,
			/!\[Our hangar in Northwind\]\(https:\/\/cdn\.shopify\.com\/s\/files\/1\/0001\/files\/hangar\.jpg\?v=1614870000\)\n\n_Our hangar in Northwind_/
		);
		assert.match(
			shopify,
			/\| Model {14}\| Encryption \|\n\| -+ \| -+ \|\n\| Mavic 2 Enterprise \| AES-256 {4}\|/
		);
		assert.match(
			shopify,
			/\[Watch the video on YouTube: Pre-flight security check\]\(https:\/\/www\.youtube\.com\/watch\?v=abc123XYZ\)/
		);
		assert.match(shopify, /take-off & ends after landing — here’s how/);
		const wordpress = body(dir, 'articles/five-things-to-check.md');
		assert.match(
			wordpress,
			/!\[A drone on a workbench\]\([^)]+workbench\.jpg\)\n\n_Pre-flight inspection_/
		);
		assert.match(wordpress, /1\. Where the data goes\n2\. Link encryption/);
		const wxr = body(dir, 'articles/why-we-test.md');
		assert.match(
			wxr,
			/!\[Our test bench, with a Matrice 300 RTK\]\([^)]+test-bench\.jpg\)\n\n_Our test bench/
		);
		assert.match(wxr, /\[Watch the video on Vimeo\]\(https:\/\/vimeo\.com\/123456\)/);
		assert.match(wxr, /\| Compass \| 5 min \|/);
	});

	test('never carries scripts, styles, event handlers or javascript: URLs into an article', () => {
		for (const file of IMPORTED) {
			const text = readFileSync(join(ROOT, dir, file), 'utf8');
			assert.doesNotMatch(
				text,
				/<script|<style|onerror|onclick|javascript:|alert\(|document\.|evil\.example|display: none/i,
				file
			);
		}
		assert.match(body(dir, 'articles/drone-security-basics.md'), /\nClick here for nothing\.\n/);
	});

	test('points links to other imported posts at their new articles, and makes the rest absolute', () => {
		assert.match(
			body(dir, 'articles/drone-security-basics.md'),
			/\[firmware update guide\]\(\/articles\/firmware-update-guide-2\/\)/
		);
		const wxr = body(dir, 'articles/why-we-test.md');
		assert.match(
			wxr,
			/\[five things to check before you buy\]\(\/articles\/five-things-to-check\/\)/
		);
		assert.match(wxr, /\[about us\]\(https:\/\/blog\.example\.org\/about\/\)/);
		assert.match(
			body(dir, 'articles/five-things-to-check.md'),
			/\[drone security basics\]\(\/articles\/drone-security-basics\/\)/
		);
		assert.match(
			body(dir, 'articles/local-data-mode.md'),
			/!\[The Local Data Mode switch\]\(https:\/\/blog\.example\.org\/wp-content\/uploads\/2021\/04\/ldm\.png\)/
		);
	});

	test('redirects every old address to its new article', () => {
		const redirects = parse(readFileSync(join(ROOT, dir, 'redirects.yaml'), 'utf8')) as unknown;
		assert.deepEqual(redirects, [
			{
				from: '/blogs/news/drone-security-basics',
				to: '/articles/drone-security-basics/',
				status: 301,
			},
			{
				from: '/blogs/news/firmware-update-guide',
				to: '/articles/firmware-update-guide-2/',
				status: 301,
			},
			{ from: '/2020/11/why-we-test/', to: '/articles/why-we-test/', status: 301 },
			{
				from: '/2021/05/five-things-to-check/',
				to: '/articles/five-things-to-check/',
				status: 301,
			},
			{ from: '/2021/04/local-data-mode/', to: '/articles/local-data-mode/', status: 301 },
		]);
		assert.match(
			first.stderr,
			/images stay on https:\/\/cdn\.shopify\.com, https:\/\/blog\.example\.org/
		);
	});

	test('gives articles that pass npm run check and build, redirects included', () => {
		const check = checkSite(dir);
		assert.equal(check.status, 0, check.output);
		const build = buildSite(dir, 'import-build');
		assert.equal(build.status, 0, build.output);
		for (const file of IMPORTED.filter((f) => !f.includes('winter'))) {
			const slug = file.replace(/^articles\/|\.md$/g, '');
			assert.ok(hasPage(build.outDir, `/articles/${slug}/`), slug);
		}
		assert.equal(hasPage(build.outDir, '/articles/winter-storage-unfinished/'), false, 'a draft');
		const redirects = readFileSync(join(build.outDir, '_redirects'), 'utf8');
		assert.match(
			redirects,
			/^\/blogs\/news\/drone-security-basics \/articles\/drone-security-basics\/ 301$/m
		);
		// Imported redirects come before the config's wildcard, which would otherwise catch them.
		assert.ok(redirects.indexOf('/blogs/news/') < redirects.indexOf('/news/*'));
	});

	test('changes nothing when run again with the same input', () => {
		const before = fingerprint(join(ROOT, dir));
		const again = importer(dir, BLOG);
		assert.equal(again.status, 0, again.output);
		assert.match(again.stdout, /Nothing to import: every post is already here\./);
		assert.match(
			again.stdout,
			/already imported \(\/blogs\/news\/drone-security-basics redirects to/
		);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});
});

describe('npm run import, carefully', () => {
	test('--dry-run shows what it would write and writes nothing', () => {
		const dir = scratchCopy(SITE, 'import-dry');
		const before = fingerprint(join(ROOT, dir));
		const result = importer(dir, `${BLOG}/shopify-news.atom`, '--dry-run');
		assert.equal(result.status, 0, result.output);
		assert.match(
			result.stdout,
			new RegExp(`Would write ${dir}/articles/drone-security-basics\\.md`)
		);
		assert.match(result.stdout, /Would add 2 redirect\(s\)/);
		assert.match(result.stdout, /nothing was written/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});

	test('names every malformed entry and imports nothing', () => {
		const dir = scratchCopy(SITE, 'import-bad');
		const input = join(OUT, 'import-bad-input');
		rmSync(input, { recursive: true, force: true });
		mkdirSync(input, { recursive: true });
		writeFileSync(
			join(input, 'a-feed.atom'),
			'<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>No date here</title><content type="html">x</content></entry>\n<entry><title>Bad date</title><published>yesterday</published></entry>\n</feed>\n'
		);
		writeFileSync(
			join(input, 'b-broken.xml'),
			'<rss><channel>\n<item><title>Oops</titel></item>\n</channel></rss>'
		);
		writeFileSync(
			join(input, 'c-feed.rss'),
			'<rss version="2.0"><channel><item><pubDate>Mon, 10 May 2021 08:00:00 +0000</pubDate></item></channel></rss>'
		);
		const before = fingerprint(join(ROOT, dir));
		const result = importer(dir, input);
		assert.equal(result.status, 1, result.output);
		const errors = result.stderr;
		assert.match(errors, /a-feed\.atom:2 entry 1 "No date here": has no date/);
		assert.match(errors, /a-feed\.atom:3 entry 2 "Bad date": the date "yesterday" cannot be read/);
		assert.match(errors, /b-broken\.xml:2:\d+: the XML is malformed: Expected closing tag 'title'/);
		// A post without a title is imported with one made from its text (see import-messy.test.ts).
		assert.doesNotMatch(errors, /c-feed\.rss/);
		assert.match(errors, /3 problem\(s\) in the input\. Nothing was imported/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});
});

describe('npm run import --download-images', () => {
	let server: Server;
	let origin = '';
	let jpeg: Buffer;

	before(async () => {
		jpeg = await sharp({
			create: { width: 1600, height: 900, channels: 3, background: '#224466' },
		})
			.jpeg()
			.toBuffer();
		server = createServer((req, res) => {
			if (req.url?.startsWith('/files/1/0001/files/hangar.jpg')) {
				res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
			} else res.writeHead(404).end('not here');
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	after(() => server.close());

	test('saves images beside the article and keeps unfetchable ones remote, with a warning', async () => {
		const dir = scratchCopy(SITE, 'import-images');
		const input = join(OUT, 'import-images-input.atom');
		const feed = readFileSync(join(ROOT, BLOG, 'shopify-news.atom'), 'utf8').replaceAll(
			'https://cdn.shopify.com/s',
			origin
		);
		writeFileSync(input, feed);
		// The server answers in this process, so the import runs without blocking it.
		const { stdout, stderr } = await promisify(execFile)(
			process.execPath,
			['scripts/import.ts', input, '--download-images'],
			{ cwd: ROOT, env: { ...process.env, HANGAR_CONTENT_DIR: dir } }
		);
		const article = 'articles/drone-security-basics/index.md';
		assert.match(stdout, new RegExp(`Wrote ${dir}/${article}`));
		assert.deepEqual(
			readFileSync(join(ROOT, dir, 'articles/drone-security-basics/hangar.jpg')),
			jpeg
		);
		const text = body(dir, article);
		assert.match(text, /!\[Our hangar in Northwind\]\(\.\/hangar\.jpg\)/);
		assert.match(
			text,
			new RegExp(`!\\[A controller on a table\\]\\(${origin}/files/1/0001/files/missing\\.jpg\\)`)
		);
		assert.match(stderr, /could not download .*missing\.jpg \(HTTP 404\); it stays a remote image/);
		assert.equal(existsSync(join(ROOT, dir, 'articles/drone-security-basics.md')), false);
		const check = checkSite(dir);
		assert.equal(check.status, 0, check.output);
	});
});
