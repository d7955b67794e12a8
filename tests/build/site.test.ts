/**
 * Reads the shared build of the fixture site in tests/fixtures/site and checks what a reader and a
 * crawler get: the contract's URLs and contents, drafts and scheduled articles absent, titles
 * escaped, tags folded; then builds it once more after the scheduled article's date.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildSite, ROOT } from '../helpers/build.ts';
import { filesContaining, fingerprint, hasPage, listFiles, page } from '../helpers/files.ts';
import { SHARED_FIXTURE as FIXTURE, sharedBuild } from '../helpers/shared-build.ts';
import { join } from 'node:path';

let dir = '';
let contentBefore: Map<string, string>;

before(() => {
	const result = sharedBuild();
	assert.equal(result.status, 0, result.output);
	dir = result.outDir;
	contentBefore = result.contentBefore;
});

describe('the fixture site', () => {
	test('has every contract URL', () => {
		const expected = [
			'/',
			'/articles/',
			'/articles/2/',
			'/articles/html-title/',
			'/articles/case-variant/',
			'/articles/mdx-story/',
			'/articles/lead-image-story/',
			'/articles/filler-01/',
			'/products/',
			'/products/alpha-drone/',
			'/products/beta-drone/',
			'/products/beta-drone/2/',
			'/products/gamma-drone/',
			'/audits/',
			'/audits/first-audit/',
			'/audits/second-audit/',
			'/tags/',
			'/tags/data-security/',
			'/tags/audits/',
			'/tags/filler/',
			'/404.html',
		];
		assert.deepEqual(
			expected.filter((path) => !hasPage(dir, path)),
			[]
		);
	});

	test('paginates all articles newest first, ten to a page', () => {
		const first = page(dir, '/articles/');
		const order = [...first.matchAll(/href="\/articles\/([^/"]+)\/"/g)].map((m) => m[1]);
		assert.deepEqual(order.slice(0, 4), [
			'mdx-story',
			'case-variant',
			'html-title',
			'lead-image-story',
		]);
		assert.match(first, /href="\/articles\/2\/"/);
		assert.equal(hasPage(dir, '/articles/3/'), false);
	});

	test('leaves drafts and scheduled articles out of every file', () => {
		for (const secret of [
			/draftsecretword/,
			/Secret draft article/,
			/secret-draft/,
			/draftonlytag/i,
		]) {
			assert.deepEqual(filesContaining(dir, secret), [], `draft leaked: ${secret}`);
		}
		for (const secret of [/scheduledsecretword/, /future-story/, /Scheduled future story/]) {
			assert.deepEqual(filesContaining(dir, secret), [], `scheduled article leaked: ${secret}`);
		}
		assert.equal(
			listFiles(dir).some((f) => f.includes('secret-draft') || f.includes('future-story')),
			false
		);
	});

	test('shows an HTML-looking title as text, never as markup', () => {
		const html = page(dir, '/articles/html-title/');
		assert.match(
			html,
			/<h1[^>]*>&lt;script&gt;alert\(&#39;x&#39;\)&lt;\/script&gt; &amp; &lt;b&gt;bold&lt;\/b&gt; claims<\/h1>/
		);
		assert.doesNotMatch(html, /<script>alert/);
		assert.doesNotMatch(page(dir, '/articles/'), /<b>bold<\/b>/);
	});

	test('folds case and spacing variants of a tag into one page named as first written', () => {
		const tagDirs = listFiles(join(dir, 'tags')).map((f) => f.split('/')[0]);
		assert.deepEqual([...new Set(tagDirs)].sort(), [
			'audits',
			'data-security',
			'filler',
			'guides',
			'index.html',
		]);
		const html = page(dir, '/tags/data-security/');
		assert.match(html, /<h1[^>]*>Data Security<\/h1>/);
		assert.match(html, /href="\/articles\/html-title\/"/);
		assert.match(html, /href="\/articles\/case-variant\/"/);
		assert.match(page(dir, '/tags/'), /Data Security[\s\S]*?2 articles/);
		assert.match(page(dir, '/tags/audits/'), /<h1[^>]*>Audits<\/h1>[\s\S]*3 articles/);
	});

	test('renders an article with dates, byline, key points, terms and call to action', () => {
		const html = page(dir, '/articles/html-title/');
		assert.match(
			html,
			/<dt[^>]*>Published<\/dt>\s*<dd[^>]*><time[^>]*datetime="2020-07-02"[^>]*>2 July 2020<\/time>/
		);
		assert.match(html, /<dt[^>]*>Last updated<\/dt>\s*<dd[^>]*><time[^>]*datetime="2020-07-10"/);
		assert.match(html, /By Fixture Author/);
		assert.match(html, /1 min read/);
		assert.match(
			html,
			/Key points[\s\S]*The title must be shown as text\.[\s\S]*It must never run\./
		);
		assert.match(html, /<span class="label"[^>]*>News<\/span>/);
		for (const href of [
			'/products/alpha-drone/',
			'/audits/first-audit/',
			'/tags/data-security/',
			'/tags/audits/',
		]) {
			assert.match(html, new RegExp(`href="${href}"`), href);
		}
		assert.match(html, /Talk to a drone specialist/);
		assert.match(html, /<link rel="canonical" href="https:\/\/[^"]+\/articles\/html-title\/"/);
	});

	test('renders GFM tables, footnotes and pull quotes in Markdown bodies', () => {
		const html = page(dir, '/articles/html-title/');
		// Wide tables scroll inside a focusable region, reachable by keyboard.
		assert.match(
			html,
			/<section class="table-scroll" tabindex="0" aria-label="Table 1"><table>[\s\S]*<th>Column A<\/th>/
		);
		assert.match(html, /<section data-footnotes class="footnotes">[\s\S]*The footnote text\./);
		assert.match(html, /<blockquote>\s*<p>A pull quote from the auditors\.<\/p>/);
	});

	test('renders MDX expressions and task lists', () => {
		const html = page(dir, '/articles/mdx-story/');
		assert.match(html, /mdxonlyword/);
		assert.match(html, /<li>first finding<\/li><li>second finding<\/li>/);
		// Each task checkbox is labelled by its item's text (axe requires a label on every input).
		assert.match(
			html,
			/<li class="task-list-item"><label><input[^>]*type="checkbox"[^>]*checked[^>]*\/?> a done task<\/label><\/li>/
		);
		assert.match(html, /<span class="label"[^>]*>Guide<\/span>/);
	});

	test('describes an article by its first paragraph when it has no description', () => {
		const html = page(dir, '/articles/case-variant/');
		const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
		assert.match(description, /^First paragraph that becomes the description/);
		assert.ok(description.length <= 160, description);
		assert.ok(description.endsWith('…'), description);
	});

	test('serves the lead image as AVIF and WebP at several widths with fixed dimensions', () => {
		const html = page(dir, '/articles/lead-image-story/');
		const figure = /<figure class="lead-image"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
		assert.match(
			figure,
			/<source srcset="[^"]*\.avif 480w[^"]*\.avif 800w[^"]*" type="image\/avif"/
		);
		assert.match(figure, /<img[^>]*src="\/_astro\/[^"]+\.webp"/);
		assert.match(
			figure,
			/<img[^>]*width="1600"[^>]*height="900"|<img[^>]*height="900"[^>]*width="1600"/
		);
		assert.match(figure, /alt="A blue fixture rectangle"/);
		assert.match(figure, /<figcaption[^>]*>The lead image caption\.<\/figcaption>/);
		assert.match(
			html,
			/<img[^>]*src="\/_astro\/body[^"]*\.webp"[^>]*alt="A green fixture square"|<img[^>]*alt="A green fixture square"[^>]*src="\/_astro\/body[^"]*\.webp"/
		);
	});

	test('shows a date-time in the site time zone', () => {
		assert.match(
			page(dir, '/articles/lead-image-story/'),
			/datetime="2020-06-01T08:30:00.000Z"[^>]*>1 June 2020</
		);
	});

	test('links related articles and the previous and next ones', () => {
		const html = page(dir, '/articles/html-title/');
		const related = /Related articles[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
		assert.match(related, /href="\/articles\/case-variant\/"/);
		assert.doesNotMatch(related, /href="\/articles\/html-title\/"/);
		assert.match(html, /rel="prev"[^>]*>|href="\/articles\/lead-image-story\/" rel="prev"/);
		assert.match(html, /href="\/articles\/lead-image-story\/"[^>]*rel="prev"/);
		assert.match(html, /href="\/articles\/case-variant\/"[^>]*rel="next"/);
	});

	test('gives a product page its details, audits and articles', () => {
		const html = page(dir, '/products/alpha-drone/');
		assert.match(html, /<h1[^>]*>Alpha Drone<\/h1>/);
		assert.match(html, /Manufacturer[\s\S]*Acme/);
		assert.match(html, /Category[\s\S]*Enterprise/);
		assert.match(html, /A fixture product with an image\./);
		assert.match(html, /href="https:\/\/shop\.example\.com\/alpha"/);
		assert.match(html, /Audits that covered it[\s\S]*href="\/audits\/first-audit\/"/);
		assert.match(html, /href="\/articles\/html-title\/"/);
		assert.match(html, /<source[^>]*type="image\/avif"/);
		assert.match(page(dir, '/products/beta-drone/2/'), /Page <\/span>\s*2/);
	});

	test('gives an audit page its auditor, sponsor, date, scope, summary and report', () => {
		const html = page(dir, '/audits/first-audit/');
		assert.match(html, /<h1[^>]*>First audit of the Alpha Drone<\/h1>/);
		assert.match(html, /Auditor[\s\S]*Example Auditors LLP/);
		assert.match(html, /Commissioned by[\s\S]*Example Trust/);
		assert.match(html, /datetime="2020-07-01"/);
		assert.match(html, /href="\/products\/alpha-drone\/"[^>]*>Alpha Drone/);
		assert.match(html, /href="\/products\/beta-drone\/"[^>]*>Beta Drone/);
		assert.match(html, /Found nothing alarming\./);
		assert.match(html, /href="https:\/\/reports\.example\.com\/first\.pdf"/);
		assert.match(html, /href="\/articles\/html-title\/"/);
	});

	test('lists products, audits and tags with article counts', () => {
		assert.match(page(dir, '/products/'), /Beta Drone[\s\S]*?11 articles/);
		assert.match(page(dir, '/products/'), /Gamma Drone[\s\S]*?1 article</);
		assert.match(page(dir, '/audits/'), /First audit of the Alpha Drone[\s\S]*?1 article</);
		assert.match(page(dir, '/'), /Latest articles[\s\S]*href="\/articles\/mdx-story\/"/);
	});

	test('writes a not-found page that search engines skip', () => {
		const html = page(dir, '/404.html');
		assert.match(html, /Page not found/);
		assert.match(html, /<meta name="robots" content="noindex"/);
	});

	test('ships client JavaScript only where search needs it', () => {
		// The search page and the not-found page (which suggests articles) load search code; no
		// other page has a script file, only the small inline theme scripts.
		assert.deepEqual(
			filesContaining(dir, /<script[^>]+src=/).filter((f) => f.endsWith('.html')),
			['404.html', 'search/index.html']
		);
	});

	test('never writes into the content folder', () => {
		assert.deepEqual(fingerprint(join(ROOT, FIXTURE)), contentBefore);
	});
});

describe('scheduled articles', () => {
	test('appear once the build runs after their date', () => {
		const result = buildSite(FIXTURE, 'site-later', { HANGAR_BUILD_TIME: '2099-01-02T00:00:00Z' });
		assert.equal(result.status, 0, result.output);
		assert.ok(hasPage(result.outDir, '/articles/future-story/'));
		assert.equal(hasPage(result.outDir, '/articles/secret-draft/'), false);
	});
});
