/**
 * Reads the fixture site's shared build and builds it once more, and checks what feed readers,
 * crawlers, social networks and the static host get: feeds (parsed with feedsmith), sitemaps, the head of every page type, social images and their cache, `_headers` and
 * `_redirects`.
 *
 * The shared build runs at a fixed time two days after the newest fixture article (so the Google
 * News window holds exactly one article) with an empty social image cache; the second build here
 * runs later with a copy of the cache the first one filled.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { SITE } from '../../src/site.config.ts';
import { buildSite, OUT } from '../helpers/build.ts';
import { headersFor, parseHeadersFile } from '../helpers/headers-server.ts';
import { SHARED_FIXTURE as FIXTURE, sharedBuild } from '../helpers/shared-build.ts';
import { attrOf, select, selectAll, tagOf, tagsOf, textOf } from '../helpers/html.ts';
import { fileFor, filesUnder, hrefsIn, urlPathOf } from '../helpers/site.ts';

const CACHE = join(OUT, 'publishing-cache');
const LATER = '2024-06-01T12:00:00Z';
const ORIGIN = new URL(SITE.url).origin;
const abs = (path: string) => new URL(path, `${ORIGIN}/`).href;

/** The published fixture articles, newest first (drafts and the 2099 article excluded). */
const PUBLISHED = [
	'mdx-story',
	'case-variant',
	'html-title',
	'lead-image-story',
	...Array.from({ length: 10 }, (_, i) => `filler-${String(10 - i).padStart(2, '0')}`),
];
const SECRETS = [/secret-draft/, /draftsecretword/, /future-story/, /scheduledsecretword/];

let dir = '';
let warmDir = '';
let coldOutput = '';
let warmOutput = '';
let cacheBefore = new Map<string, number>();

function cacheFiles(): Map<string, number> {
	const files = readdirSync(join(CACHE, 'social'));
	return new Map(files.map((f) => [f, statSync(join(CACHE, 'social', f)).mtimeMs]));
}

function read(path: string, root = dir): string {
	const file = fileFor(root, path);
	assert.ok(file, `nothing at ${path}`);
	return readFileSync(file, 'utf8');
}

/** The `<link>` and `<meta>` elements of a page's head. */
/** The public site's pages, as paths: every HTML file but the editor's, under `/admin/`. */
function publicPages(): string[] {
	return filesUnder(dir, '.html')
		.map((f) => urlPathOf(dir, f))
		.filter((p) => !p.startsWith('/admin/'));
}

function head(path: string) {
	const headEl = select(read(path), 'head');
	assert.ok(headEl, `${path} has no <head>`);
	const meta = (key: string) =>
		selectAll(headEl, `meta[property="${key}"], meta[name="${key}"]`).map(
			(m) => attrOf(m, 'content') ?? ''
		);
	const links = (rel: string) =>
		selectAll(headEl, `link[rel="${rel}"]`).map((link) => tagOf(link).attrs);
	const title = select(headEl, 'title');
	return { meta, links, title: title ? textOf(title) : '' };
}

/** Article paths linked from the <main> of a listing page and its later pages, in order. */
function listed(path: string): string[] {
	const pages = [path];
	for (let n = 2; fileFor(dir, `${path}${n}/`); n++) pages.push(`${path}${n}/`);
	return pages.flatMap((p) =>
		hrefsIn(read(p), 'main h2 > a[href^="/articles/"], main h3 > a[href^="/articles/"]').filter(
			(href) => /^\/articles\/[^/]+\/$/.test(href)
		)
	);
}

const xml = new XMLParser({
	ignoreAttributes: false,
	isArray: (name) => ['url', 'sitemap'].includes(name),
});

before(() => {
	const cold = sharedBuild();
	assert.equal(cold.status, 0, cold.output);
	dir = cold.outDir;
	coldOutput = cold.output;
	// A copy, so the shared build's cache stays as that build left it for the next run.
	rmSync(CACHE, { recursive: true, force: true });
	cpSync(cold.cacheDir, CACHE, { recursive: true, preserveTimestamps: true });
	cacheBefore = cacheFiles();
	const warm = buildSite(FIXTURE, 'publishing-warm', {
		HANGAR_CACHE_DIR: CACHE,
		HANGAR_BUILD_TIME: LATER,
	});
	assert.equal(warm.status, 0, warm.output);
	warmDir = warm.outDir;
	warmOutput = warm.output;
});

describe('feeds', () => {
	test('/rss.xml has every published article, newest first, full text with absolute URLs', () => {
		const text = read('/rss.xml');
		const feed = parseRssFeed(text);
		const items = feed.items ?? [];
		assert.deepEqual(
			items.map((i) => i.link),
			PUBLISHED.map((slug) => abs(`/articles/${slug}/`))
		);
		const times = items.map((i) => new Date(i.pubDate ?? '').getTime());
		assert.deepEqual(
			[...times].sort((a, b) => b - a),
			times,
			'newest first'
		);
		const html = items.find((i) => i.link === abs('/articles/html-title/'));
		assert.equal(html?.title, "<script>alert('x')</script> & <b>bold</b> claims");
		assert.equal(new Date(html?.pubDate ?? '').toISOString(), '2020-07-02T00:00:00.000Z');
		assert.equal(html?.atom?.updated, '2020-07-10T00:00:00.000Z');
		assert.deepEqual(html?.dc?.creators, ['Fixture Author']);
		assert.match(
			html?.content?.encoded ?? '',
			/<h2>Corrections<\/h2><ul><li><strong>3 July 2020:<\/strong> An earlier version misspelt &lt;b&gt;the auditor&lt;\/b&gt;\.<\/li>/
		);
		assert.deepEqual(
			html?.categories?.map((c) => c.name),
			['Alpha Drone', 'First audit of the Alpha Drone', 'Data Security', 'Audits']
		);
		assert.match(html?.content?.encoded ?? '', /<table>[\s\S]*Column A/);
		for (const secret of SECRETS) assert.doesNotMatch(text, secret);
	});

	test('feed HTML links and images are absolute and the images exist', () => {
		const items = parseRssFeed(read('/rss.xml')).items ?? [];
		for (const item of items) {
			for (const tag of tagsOf(item.content?.encoded ?? '')) {
				for (const attr of ['href', 'src']) {
					const url = tag.attrs.get(attr);
					if (url === undefined || url.startsWith('mailto:')) continue;
					assert.match(url, /^https:\/\//, `${item.link}: <${tag.name} ${attr}="${url}">`);
					if (url.startsWith(ORIGIN)) {
						const path = decodeURIComponent(new URL(url).pathname);
						assert.ok(fileFor(dir, path), `${item.link} links to ${path}, not built`);
					}
				}
			}
		}
		const lead = items.find((i) => i.link === abs('/articles/lead-image-story/'));
		const srcs = selectAll(lead?.content?.encoded ?? '', '[src]').map(
			(e) => attrOf(e, 'src') ?? ''
		);
		assert.equal(srcs.length, 5, 'the lead image and the four body images');
		assert.ok(
			srcs.every((s) => s.startsWith(`${ORIGIN}/_astro/`) && /\.(?:webp|svg)$/.test(s)),
			srcs.join()
		);
		const footnote = items.find((i) => i.link === abs('/articles/html-title/'));
		assert.match(
			footnote?.content?.encoded ?? '',
			/href="https:\/\/[^"]+\/articles\/html-title\/#/
		);
	});

	test('/atom.xml and /feed.json carry the same articles in the same order', () => {
		const atom = parseAtomFeed(read('/atom.xml'));
		const json = parseJsonFeed(read('/feed.json'));
		const expected = PUBLISHED.map((slug) => abs(`/articles/${slug}/`));
		assert.deepEqual(
			atom.entries?.map((e) => e.id),
			expected
		);
		assert.deepEqual(
			json.items?.map((i) => i.url),
			expected
		);
		assert.equal(atom.updated, '2020-07-10T00:00:00.000Z', 'the newest change, not the build time');
		const first = atom.entries?.[0];
		assert.equal(first?.published, '2020-07-04T00:00:00.000Z');
		assert.equal(first?.content?.type, 'html');
	});

	test('/feed.json has JSON Feed 1.1’s required fields on the feed and every item', () => {
		const feed = JSON.parse(read('/feed.json')) as Record<string, unknown> & {
			items: Record<string, unknown>[];
		};
		assert.equal(feed['version'], 'https://jsonfeed.org/version/1.1');
		assert.equal(typeof feed['title'], 'string');
		assert.equal(feed['feed_url'], abs('/feed.json'));
		assert.equal(feed['home_page_url'], abs('/'));
		for (const item of feed.items) {
			assert.equal(typeof item['id'], 'string');
			assert.ok(
				typeof item['content_html'] === 'string' || typeof item['content_text'] === 'string'
			);
			for (const key of ['date_published', 'date_modified']) {
				assert.match(String(item[key]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/, key);
			}
		}
		const lead = feed.items.find((i) => i['url'] === abs('/articles/lead-image-story/'));
		assert.match(String(lead?.['image']), /^https:\/\/[^/]+\/_astro\/lead\.[^/]+\.webp$/);
	});

	test('each product, audit, tag and author has a feed of exactly its articles, announced on its page', () => {
		const terms = filesUnder(dir, 'rss.xml')
			.map((f) => urlPathOf(dir, f).replace(/rss\.xml$/, ''))
			.filter((p) => p !== '/');
		assert.deepEqual(terms.sort(), [
			'/audits/first-audit/',
			'/audits/second-audit/',
			'/authors/fixture-author/',
			'/products/alpha-drone/',
			'/products/beta-drone/',
			'/products/gamma-drone/',
			'/tags/audits/',
			'/tags/data-security/',
			'/tags/filler/',
			'/tags/guides/',
		]);
		for (const term of terms) {
			const feed = parseRssFeed(read(`${term}rss.xml`));
			assert.deepEqual(
				feed.items?.map((i) => i.link),
				listed(term).map(abs),
				`${term}rss.xml`
			);
			assert.equal(feed.link, abs(term));
			const alternates = head(term).links('alternate');
			assert.ok(
				alternates.some((l) => l.get('href') === abs(`${term}rss.xml`)),
				`${term} does not announce its feed`
			);
		}
		assert.equal(parseRssFeed(read('/products/beta-drone/rss.xml')).items?.length, 11);
	});

	test('every page announces the site feeds in RSS, Atom and JSON Feed', () => {
		for (const path of publicPages()) {
			const types = head(path)
				.links('alternate')
				.map((l) => `${l.get('type')} ${l.get('href')}`);
			for (const expected of [
				`application/rss+xml ${abs('/rss.xml')}`,
				`application/atom+xml ${abs('/atom.xml')}`,
				`application/feed+json ${abs('/feed.json')}`,
			]) {
				assert.ok(types.includes(expected), `${path} lacks ${expected}`);
			}
		}
	});
});

describe('head of every page', () => {
	test('an article: title pattern, canonical, robots, OpenGraph article and Twitter card', () => {
		const h = head('/articles/html-title/');
		assert.equal(
			h.title,
			SITE.titlePattern
				.replace('{title}', "<script>alert('x')</script> & <b>bold</b> claims")
				.replace('{site}', SITE.name)
		);
		assert.deepEqual(h.meta('description'), ['An article whose title looks like HTML.']);
		assert.deepEqual(
			h.links('canonical').map((l) => l.get('href')),
			[abs('/articles/html-title/')]
		);
		assert.deepEqual(h.meta('robots'), ['index, follow, max-image-preview:large']);
		assert.deepEqual(h.meta('og:type'), ['article']);
		assert.deepEqual(h.meta('og:url'), [abs('/articles/html-title/')]);
		assert.deepEqual(h.meta('article:published_time'), ['2020-07-02T00:00:00.000Z']);
		assert.deepEqual(h.meta('article:modified_time'), ['2020-07-10T00:00:00.000Z']);
		assert.deepEqual(h.meta('article:tag'), ['Data Security', 'Audits']);
		assert.deepEqual(h.meta('og:image'), [abs('/og/articles/html-title.jpg')]);
		assert.deepEqual(h.meta('og:image:width'), ['1200']);
		assert.deepEqual(h.meta('twitter:card'), ['summary_large_image']);
	});

	test('other pages: the site image, type website, canonical; the 404 page stays out', () => {
		for (const path of ['/', '/articles/2/', '/products/alpha-drone/', '/tags/']) {
			const h = head(path);
			assert.deepEqual(h.meta('og:type'), ['website'], path);
			assert.deepEqual(h.meta('og:image'), [abs('/og/site.jpg')], path);
			assert.deepEqual(
				h.links('canonical').map((l) => l.get('href')),
				[abs(path)],
				path
			);
		}
		assert.equal(head('/').title, SITE.name);
		const notFound = head('/404.html');
		assert.deepEqual(notFound.meta('robots'), ['noindex']);
		assert.deepEqual(notFound.links('canonical'), []);
		assert.deepEqual(notFound.meta('og:image'), []);
	});
});

describe('sitemaps', () => {
	test('the index names the page sitemap and the news sitemap', () => {
		const text = read('/sitemap-index.xml');
		assert.equal(XMLValidator.validate(text), true);
		const index = xml.parse(text) as { sitemapindex: { sitemap: { loc: string }[] } };
		assert.deepEqual(index.sitemapindex.sitemap.map((s) => s.loc).sort(), [
			abs('/news-sitemap.xml'),
			abs('/sitemap-0.xml'),
		]);
	});

	test('lists every published page once, with lastmod from updated or date, and no draft', () => {
		const text = read('/sitemap-0.xml');
		assert.equal(XMLValidator.validate(text), true);
		const urls = (xml.parse(text) as { urlset: { url: { loc: string; lastmod?: string }[] } })
			.urlset.url;
		const pages = publicPages()
			.filter((p) => p !== '/404.html')
			.map(abs)
			.sort();
		assert.deepEqual(urls.map((u) => u.loc).sort(), pages);
		const lastmod = new Map(urls.map((u) => [u.loc, u.lastmod]));
		assert.equal(lastmod.get(abs('/articles/html-title/')), '2020-07-10T00:00:00.000Z');
		assert.equal(lastmod.get(abs('/articles/case-variant/')), '2020-07-03T00:00:00.000Z');
		assert.equal(lastmod.get(abs('/products/alpha-drone/')), '2020-07-10T00:00:00.000Z');
		assert.equal(lastmod.get(abs('/')), '2020-07-10T00:00:00.000Z');
		for (const secret of SECRETS) assert.doesNotMatch(text, secret);
	});

	test('the news sitemap holds the articles of the two days before the build', () => {
		const news = (build: string) => {
			const text = read('/news-sitemap.xml', build);
			assert.equal(XMLValidator.validate(text), true);
			return (xml.parse(text) as { urlset: { url?: Record<string, unknown>[] } }).urlset.url ?? [];
		};
		const urls = news(dir);
		assert.deepEqual(
			urls.map((u) => u['loc']),
			[abs('/articles/mdx-story/')]
		);
		assert.deepEqual(urls[0]?.['news:news'], {
			'news:publication': {
				'news:name': SITE.news.publicationName,
				'news:language': SITE.news.language,
			},
			'news:publication_date': '2020-07-04T00:00:00.000Z',
			'news:title': 'An MDX story',
		});
		assert.deepEqual(news(warmDir), [], 'nothing is recent four years later');
	});

	test('robots.txt names both sitemaps', () => {
		const robots = read('/robots.txt');
		assert.match(robots, /^User-agent: \*$/m);
		assert.ok(robots.includes(`Sitemap: ${abs('/sitemap-index.xml')}\n`), robots);
		assert.ok(robots.includes(`Sitemap: ${abs('/news-sitemap.xml')}\n`), robots);
	});
});

describe('social images', () => {
	test('every article has a 1200×630 image, and the site one for other pages', async () => {
		for (const path of [...PUBLISHED.map((s) => `/og/articles/${s}.jpg`), '/og/site.jpg']) {
			const file = fileFor(dir, path);
			assert.ok(file, `no ${path}`);
			const { width, height, format } = await sharp(file).metadata();
			assert.deepEqual(
				{ width, height, format },
				{ width: 1200, height: 630, format: 'jpeg' },
				path
			);
		}
		assert.equal(fileFor(dir, '/og/articles/secret-draft.jpg'), undefined);
	});

	test('a second build draws nothing: every image comes from the cache, byte for byte', (t) => {
		assert.equal(
			cacheBefore.size,
			PUBLISHED.length + 1,
			'one cached image per article and the site'
		);
		assert.deepEqual(cacheFiles(), cacheBefore, 'no image was drawn or rewritten');
		for (const slug of PUBLISHED) {
			const path = `/og/articles/${slug}.jpg`;
			assert.ok(
				readFileSync(fileFor(dir, path) ?? '').equals(readFileSync(fileFor(warmDir, path) ?? '')),
				path
			);
		}
		// The cost of the social image routes as Astro reports it (+N ms per route).
		const cost = (output: string) =>
			[...output.matchAll(/\/og\/\S+\.jpg \(\+(\d+(?:\.\d+)?)(m?s)\)/g)].reduce(
				(sum, m) => sum + Number(m[1]) * (m[2] === 's' ? 1000 : 1),
				0
			);
		t.diagnostic(
			`social images: cold ${Math.round(cost(coldOutput))} ms, warm ${Math.round(cost(warmOutput))} ms for ${PUBLISHED.length + 1} images`
		);
	});
});

describe('deploy files', () => {
	test('_headers sends a CSP everywhere and caches hashed assets for a year', () => {
		const headers = read('/_headers');
		const rules = parseHeadersFile(headers);
		for (const path of [...publicPages(), '/rss.xml']) {
			const policy = headersFor(rules, path)['content-security-policy'] ?? '';
			assert.match(
				policy,
				/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/,
				path
			);
		}
		assert.match(
			headers,
			/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m
		);
		// Only the editor's own policy, under /admin/, allows inline styles; none allows eval.
		assert.doesNotMatch(headers, /'unsafe-eval'/);
		const inline = rules.filter((r) => /'unsafe-inline'/.test(r.headers.map(([, v]) => v).join()));
		assert.deepEqual(
			inline.map((r) => r.path),
			['/admin/*']
		);
	});

	test('_redirects holds the configured redirects', () => {
		assert.equal(
			read('/_redirects'),
			SITE.redirects.map((r) => `${r.from} ${r.to} ${r.status ?? 301}\n`).join('')
		);
	});
});
