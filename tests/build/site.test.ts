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
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { attrOf, select, selectAll, visibleText, type HtmlElement } from '../helpers/html.ts';
import { hrefsIn, TERM_PAGE } from '../helpers/site.ts';
import { SITE } from '../../src/site.config.ts';

/** The text of a page's <h1>. */
function heading(html: string): string {
	return visibleText(select(html, 'h1'));
}

/** The text of a page's <main>, white space collapsed, as a reader sees it. */
function mainText(html: string): string {
	return visibleText(select(html, 'main'));
}

/** The <dd> after the <dt> whose text is `term`. */
function definition(html: string, term: string): HtmlElement | undefined {
	const items = selectAll(html, 'dt, dd');
	const at = items.findIndex((e) => e.tagName === 'dt' && visibleText(e) === term);
	const next = items[at + 1];
	return at >= 0 && next?.tagName === 'dd' ? next : undefined;
}

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
			'/authors/',
			'/authors/fixture-author/',
			'/authors/fixture-author/rss.xml',
			'/404.html',
		];
		assert.deepEqual(
			expected.filter((path) => !hasPage(dir, path)),
			[]
		);
	});

	test('paginates all articles newest first, ten to a page', () => {
		const first = page(dir, '/articles/');
		const order = hrefsIn(first, 'main a[href]')
			.filter((href) => TERM_PAGE.article.test(href))
			.map((href) => href.split('/')[2]);
		assert.deepEqual(order.slice(0, 4), [
			'mdx-story',
			'case-variant',
			'html-title',
			'lead-image-story',
		]);
		assert.ok(select(first, 'main a[href="/articles/2/"]'), 'a link to the second page');
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
		assert.equal(heading(html), 'Data Security');
		const links = hrefsIn(html, 'main a[href]');
		assert.ok(links.includes('/articles/html-title/') && links.includes('/articles/case-variant/'));
		assert.match(mainText(page(dir, '/tags/')), /Data Security.*?2 articles/);
		assert.equal(heading(page(dir, '/tags/audits/')), 'Audits');
		assert.match(mainText(page(dir, '/tags/audits/')), /3 articles/);
	});

	test('renders an article with dates, byline, key points, terms and call to action', () => {
		const html = page(dir, '/articles/html-title/');
		const published = definition(html, 'Published');
		assert.equal(visibleText(published), '2 July 2020');
		assert.equal(attrOf(published && select(published, 'time'), 'datetime'), '2020-07-02');
		const updated = definition(html, 'Last updated');
		assert.equal(attrOf(updated && select(updated, 'time'), 'datetime'), '2020-07-10');
		const text = mainText(html);
		assert.match(text, /By Fixture Author, Staff writer/);
		assert.equal(
			attrOf(select(html, 'main .byline a[rel="author"]'), 'href'),
			'/authors/fixture-author/'
		);
		assert.match(text, /1 min read/);
		assert.match(text, /Key points.*The title must be shown as text\..*It must never run\./);
		assert.equal(visibleText(select(html, 'main span.label')), 'News');
		const links = hrefsIn(html, 'main a[href]');
		for (const href of [
			'/products/alpha-drone/',
			'/audits/first-audit/',
			'/tags/data-security/',
			'/tags/audits/',
		]) {
			assert.ok(links.includes(href), href);
		}
		assert.match(text, /Talk to a drone specialist/);
		assert.match(
			attrOf(select(html, 'head link[rel="canonical"]'), 'href') ?? '',
			/^https:\/\/[^/]+\/articles\/html-title\/$/
		);
	});

	test('shows the latest correction at the top and all of them at the end', () => {
		const html = page(dir, '/articles/html-title/');
		const note = select(html, 'main .correction-note');
		assert.equal(
			visibleText(note),
			'Correction, 3 July 2020: An earlier version misspelt <b>the auditor</b>.'
		);
		const list = selectAll(html, 'main #corrections li').map((li) => visibleText(li));
		assert.deepEqual(list, ['3 July 2020: An earlier version misspelt <b>the auditor</b>.']);
	});

	test('shows the disclosure on an article naming a product the shop sells, and only there', () => {
		const disclosure = (path: string) => visibleText(select(page(dir, path), 'main .disclosure'));
		// html-title names alpha-drone, which has a shop `url`; case-variant too, but turns the
		// disclosure off with a reason; filler-01 names no product.
		assert.equal(disclosure('/articles/html-title/'), `Disclosure: ${SITE.disclosure}`);
		assert.equal(disclosure('/articles/case-variant/'), '');
		assert.equal(disclosure('/articles/filler-01/'), '');
	});

	test('shows a card for each product the article names, linking to its page and the shop', () => {
		const html = page(dir, '/articles/html-title/');
		const cards = selectAll(html, 'main [aria-labelledby="products-heading"] li');
		assert.equal(cards.length, 1);
		const [card] = cards;
		assert.equal(visibleText(select(card!, 'h3')), 'Alpha Drone');
		assert.match(visibleText(select(card!, '.meta')), /^Acme · Enterprise$/);
		assert.deepEqual(hrefsIn(card!), ['/products/alpha-drone/', 'https://shop.example.com/alpha']);
		assert.ok(select(card!, 'picture source[type="image/avif"]'), 'the product photo');
	});

	test('puts the newsletter form, posting to the provider without JavaScript, on articles and home', () => {
		assert.ok(SITE.newsletter, 'the shipped site config has a newsletter form');
		for (const path of ['/articles/html-title/', '/']) {
			const form = select(page(dir, path), 'main .newsletter form');
			assert.equal(attrOf(form, 'action'), SITE.newsletter.action, path);
			assert.equal(attrOf(form, 'method'), 'post');
			const email = select(form!, 'input[type="email"]');
			assert.equal(attrOf(email, 'name'), SITE.newsletter.emailField);
			assert.ok(select(form!, `label[for="${attrOf(email, 'id')}"]`), 'the field has a label');
			assert.match(visibleText(form), new RegExp(SITE.newsletter.consent.slice(0, 30)));
		}
	});

	test("writes IndexNow's key file at the root, holding the key", () => {
		assert.ok(SITE.indexNow, 'the shipped site config has an IndexNow key');
		const { key } = SITE.indexNow;
		assert.equal(readFileSync(join(dir, `${key}.txt`), 'utf8'), key);
	});

	test('gives an article with five or more sections a table of contents of its h2 headings', () => {
		const html = page(dir, '/articles/filler-04/');
		const toc = select(html, 'main nav[aria-labelledby="toc-heading"]');
		assert.deepEqual(hrefsIn(toc!, 'a'), [
			'#section-one',
			'#section-two',
			'#section-three',
			'#section-four',
			'#section-five',
		]);
		for (const href of hrefsIn(toc!, 'a')) assert.ok(select(html, `main h2${href}`), href);
		// Fewer sections than `tableOfContents`: no table.
		assert.equal(select(page(dir, '/articles/html-title/'), 'main nav.toc'), undefined);
	});

	test('gives an author page the bio, credentials, profiles and articles', () => {
		const html = page(dir, '/authors/fixture-author/');
		assert.equal(heading(html), 'Fixture Author');
		const text = mainText(html);
		assert.match(text, /Staff writer.*Part 107 certified pilot.*Writes the fixture articles\./);
		assert.deepEqual(hrefsIn(html, 'main a[rel="me"]'), ['https://social.example.com/@fixture']);
		assert.ok(hrefsIn(html, 'main article a[href]').includes('/articles/html-title/'));
		assert.equal(
			attrOf(
				select(
					html,
					'head link[type="application/rss+xml"][href$="/authors/fixture-author/rss.xml"]'
				),
				'title'
			),
			'Fixture Author – Northwind Drone Supply (RSS)'
		);
		assert.match(mainText(page(dir, '/authors/')), /Fixture Author.*Staff writer/);
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
		const description = attrOf(select(html, 'meta[name="description"]'), 'content') ?? '';
		assert.match(description, /^First paragraph that becomes the description/);
		assert.ok(description.length <= 160, description);
		assert.ok(description.endsWith('…'), description);
	});

	/** The `<picture>` of a body image: its AVIF source and its WebP `<img>`, with their attributes. */
	function bodyPicture(html: string, alt: string) {
		const picture = selectAll(html, '.prose picture').find((p) => select(p, `img[alt="${alt}"]`));
		assert.ok(picture, `a <picture> around the body image "${alt}"`);
		const [source, img] = [select(picture, 'source'), select(picture, 'img')];
		assert.ok(source && img);
		return { source, img };
	}

	test('serves the lead image as AVIF and WebP at several widths with fixed dimensions, and body images at its widths', () => {
		const html = page(dir, '/articles/lead-image-story/');
		const figure = select(html, 'figure.lead-image');
		assert.ok(figure, 'the lead image');
		const avif = attrOf(select(figure, 'source[type="image/avif"]'), 'srcset') ?? '';
		assert.match(avif, /\.avif 480w.*\.avif 800w/);
		const img = select(figure, 'img');
		assert.ok(img);
		assert.match(attrOf(img, 'src') ?? '', /^\/_astro\/[^"]+\.webp$/);
		assert.deepEqual([attrOf(img, 'width'), attrOf(img, 'height')], ['1600', '900']);
		assert.equal(attrOf(img, 'alt'), 'A blue fixture rectangle');
		assert.equal(visibleText(select(figure, 'figcaption')), 'The lead image caption.');
		// A body image, in Markdown or MDX, gets the lead image's formats and sizes, its widths up to
		// its own (800 px here), each once, and a <source> with only the attributes a <picture>'s
		// source may have.
		const widths = (srcset: string | undefined, ext: string) =>
			(srcset ?? '').split(', ').map((candidate) => {
				const [url, width] = candidate.split(' ');
				assert.match(url ?? '', new RegExp(`^/_astro/body[^" ]*\\.${ext}$`), candidate);
				return width;
			});
		const bodies = [
			bodyPicture(html, 'A green fixture square'),
			bodyPicture(page(dir, '/articles/mdx-story/'), 'An MDX body image'),
		];
		for (const { source, img: body } of bodies) {
			assert.match(attrOf(body, 'src') ?? '', /^\/_astro\/body[^"]*\.webp$/);
			assert.equal(attrOf(body, 'sizes'), attrOf(img, 'sizes'));
			assert.deepEqual(widths(attrOf(body, 'srcset'), 'webp'), ['480w', '800w']);
			assert.equal(attrOf(source, 'type'), 'image/avif');
			assert.equal(attrOf(source, 'sizes'), attrOf(img, 'sizes'));
			assert.deepEqual(widths(attrOf(source, 'srcset'), 'avif'), ['480w', '800w']);
			for (const name of ['src', 'loading', 'decoding', 'alt']) {
				assert.equal(attrOf(source, name), undefined, `no ${name} on the <source>`);
			}
		}
	});

	test('serves an SVG body image as it is, and a GIF or an animated WebP as an animated WebP without an AVIF source', async () => {
		for (const [path, prefix] of [
			['/articles/lead-image-story/', 'A fixture'],
			['/articles/mdx-story/', 'An MDX'],
		] as const) {
			const body = page(dir, path);
			for (const [kind, ext] of [
				['logo', 'svg'],
				['GIF', 'webp'],
				['animation', 'webp'],
			] as const) {
				const alt = `${prefix} ${kind}`;
				const image = select(body, `.prose img[alt="${alt}"]`);
				const src = attrOf(image, 'src') ?? '';
				assert.match(src, new RegExp(`^/_astro/[^"]+\\.${ext}$`), alt);
				assert.equal(select(body, `.prose picture img[alt="${alt}"]`), undefined, alt);
				if (ext === 'webp') {
					const frames = (await sharp(join(dir, src), { pages: -1 }).metadata()).pages;
					assert.equal(frames, 2, `${alt}: both frames`);
				}
			}
		}
	});

	test('gives feed readers the body images as the page has them, at absolute URLs', () => {
		const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8')) as {
			items: { url: string; content_html: string }[];
		};
		for (const [slug, alt] of [
			['lead-image-story', 'A green fixture square'],
			['mdx-story', 'An MDX body image'],
		] as const) {
			const item = feed.items.find((i) => i.url.endsWith(`/articles/${slug}/`));
			assert.ok(item, slug);
			const { source, img } = bodyPicture(`<div class="prose">${item.content_html}</div>`, alt);
			assert.match(
				attrOf(source, 'srcset') ?? '',
				new RegExp(`^${SITE.url}/?_astro/body[^" ]*\\.avif 480w, `)
			);
			assert.match(attrOf(img, 'src') ?? '', new RegExp(`^${SITE.url}/?_astro/body[^"]*\\.webp$`));
			assert.equal(attrOf(source, 'src'), undefined);
		}
	});

	test('shows a date-time in the site time zone', () => {
		assert.match(
			page(dir, '/articles/lead-image-story/'),
			/datetime="2020-06-01T08:30:00.000Z"[^>]*>1 June 2020</
		);
	});

	test('links related articles and the previous and next ones, each article once', () => {
		const relatedOf = (html: string) =>
			selectAll(html, 'section').find((s) =>
				/^Related articles/.test(visibleText(select(s, 'h2, h3')))
			);
		const html = page(dir, '/articles/lead-image-story/');
		const related = relatedOf(html);
		assert.ok(related, 'a related articles section');
		assert.deepEqual(hrefsIn(related), ['/articles/case-variant/']);
		assert.deepEqual(hrefsIn(html, 'a[rel="prev"]'), ['/articles/filler-10/']);
		assert.deepEqual(hrefsIn(html, 'a[rel="next"]'), ['/articles/html-title/']);
		// Its only related article is also its next one, so it shows once, as Next.
		const other = page(dir, '/articles/html-title/');
		assert.deepEqual(hrefsIn(other, 'a[rel="prev"]'), ['/articles/lead-image-story/']);
		assert.deepEqual(hrefsIn(other, 'a[rel="next"]'), ['/articles/case-variant/']);
		assert.equal(relatedOf(other), undefined);
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
		assert.equal(heading(html), 'Page not found');
		assert.equal(attrOf(select(html, 'meta[name="robots"]'), 'content'), 'noindex');
	});

	test('ships client JavaScript only where search needs it', () => {
		// The search page and the not-found page (which suggests articles) load search code; no
		// other page of the public site has a script file, only the small inline theme scripts. (The
		// editor's page, /admin/, is the editor's script.)
		assert.deepEqual(
			listFiles(dir).filter(
				(f) => f.endsWith('.html') && select(readFileSync(join(dir, f), 'utf8'), 'script[src]')
			),
			['404.html', 'admin/index.html', 'search/index.html']
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
