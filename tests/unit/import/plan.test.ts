import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ImportEntry } from '../../../src/import/feed.ts';
import {
	appendRedirects,
	articleText,
	entrySlug,
	linkKey,
	isSitePath,
	newAuthorFiles,
	oldPathOf,
	planImport,
	redirectSource,
} from '../../../src/import/plan.ts';

function entry(title: string, link?: string, extra: Partial<ImportEntry> = {}): ImportEntry {
	return {
		label: `feed.xml "${title}"`,
		title,
		date: new Date('2021-05-10T08:00:00Z'),
		tags: [],
		html: '<p>x</p>',
		link,
		// The feed's own site: the post's, unless a test says otherwise.
		site: link && URL.canParse(link) ? new URL(link).origin : undefined,
		draft: false,
		...extra,
	};
}

describe('slugs and old addresses', () => {
	test('takes the slug from the old blog, then its address, then the title', () => {
		assert.equal(entrySlug(entry('T', 'https://b.example/?p=1', { slug: 'my-post' })), 'my-post');
		assert.equal(entrySlug(entry('T', 'https://shop.example/blogs/news/Drone-Tips')), 'drone-tips');
		assert.equal(entrySlug(entry('T', 'https://b.example/2021/05/caf%C3%A9.html')), 'cafe');
		assert.equal(entrySlug(entry('A title', 'https://b.example/?p=12')), 'a-title');
		assert.equal(entrySlug(entry('Post', 'https://b.example/archives/123')), 'post');
	});

	test('redirects from the old path, not the home page', () => {
		assert.equal(oldPathOf('https://b.example/2021/05/x/?utm=1'), '/2021/05/x/');
		assert.equal(oldPathOf('https://b.example/?p=12'), undefined);
		assert.equal(oldPathOf(undefined), undefined);
	});

	test('compares addresses without scheme, www, query or trailing slash', () => {
		assert.equal(linkKey('https://www.b.example/a/b/?x#y'), linkKey('http://b.example/a/b'));
		assert.equal(linkKey('mailto:a@b.example'), undefined);
	});
});

describe('planImport', () => {
	test('plans an article and a redirect per post, renaming around an existing slug', () => {
		const plan = planImport(
			[entry('A', 'https://b.example/blog/a'), entry('B', 'https://b.example/b/')],
			{
				articles: new Map([['a', 'content/articles/a.md']]),
				redirects: [],
			}
		);
		assert.deepEqual(
			plan.articles.map((a) => a.slug),
			['a-2', 'b']
		);
		assert.deepEqual(plan.redirects, [
			{ from: '/blog/a', to: '/articles/a-2/', status: 301 },
			{ from: '/b/', to: '/articles/b/', status: 301 },
		]);
		assert.equal(plan.links.get('b.example/blog/a'), '/articles/a-2/');
	});

	test('skips a post already imported, or given twice, so a second run is a no-op', () => {
		const plan = planImport(
			[
				entry('A', 'https://b.example/blog/a'),
				entry('C', 'https://b.example/c/'),
				entry('C again', 'https://b.example/c/'),
				entry('No link'),
				entry('Same place', 'https://new.example/articles/same-place/'),
			],
			{
				articles: new Map([
					['a', 'content/articles/a.md'],
					['no-link', 'content/articles/no-link.md'],
					['same-place', 'content/articles/same-place.md'],
				]),
				redirects: [{ from: '/blog/a', to: '/articles/a/' }],
			}
		);
		assert.deepEqual(
			plan.articles.map((a) => a.slug),
			['c']
		);
		assert.equal(plan.skipped.length, 4);
		assert.match(
			plan.skipped[0] ?? '',
			/already imported \(\/blog\/a redirects to \/articles\/a\/\)/
		);
		assert.match(plan.skipped[1] ?? '', /the same post as feed\.xml "C"/);
		assert.match(plan.skipped[2] ?? '', /already here as content\/articles\/no-link\.md/);
		assert.equal(plan.links.get('b.example/blog/a'), '/articles/a/');
	});
});

describe('files', () => {
	test('writes front matter from the post in the canonical form, quoting what YAML would misread', () => {
		const text = articleText(
			entry('Q: "yes"', 'https://b.example/q', {
				updated: new Date('2021-05-11T08:00:00.500Z'),
				description: 'Teaser',
				tags: ['News'],
				author: 'Sam Dealer',
				draft: true,
			}),
			'Body.\n'
		);
		assert.equal(
			text,
			'---\ntitle: \'Q: "yes"\'\ndate: 2021-05-10T08:00:00Z\nupdated: 2021-05-11T08:00:00Z\ndescription: Teaser\ntags:\n  - News\nauthor: sam-dealer\nimported: https://b.example/q\ndraft: true\n---\n\nBody.\n'
		);
	});

	test('writes an author file, with the name as written, for each new byline', () => {
		const entries = [
			entry('A', 'https://b.example/a', { author: 'Sam Dealer' }),
			entry('B', 'https://b.example/b', { author: 'Sam  Dealer' }),
			entry('C', 'https://b.example/c', { author: 'Maren Holt' }),
			entry('D', 'https://b.example/d'),
		];
		assert.deepEqual(
			newAuthorFiles(entries, (slug) => slug === 'maren-holt'),
			[{ slug: 'sam-dealer', text: 'name: Sam Dealer\n' }]
		);
	});

	test('adds redirects after what the file already says, byte for byte', () => {
		const rule = { from: '/old/', to: '/articles/new/', status: 301 as const };
		assert.equal(
			appendRedirects('# mine\n- from: /x/\n  to: /y/', [rule]),
			'# mine\n- from: /x/\n  to: /y/\n- from: /old/\n  to: /articles/new/\n  status: 301\n'
		);
		assert.match(
			appendRedirects(undefined, [rule]) ?? '',
			/^# Old addresses[\s\S]*\n- from: \/old\/\n/
		);
		assert.equal(appendRedirects('# mine\n', []), undefined);
	});
});

describe('redirects from what a feed says', () => {
	const TOP = new Set(['articles', 'products', 'tags', 'search', 'rss.xml', 'favicon.svg']);
	const site = (path: string) => isSitePath(path, TOP);
	const source = (link: string, extra: Partial<ImportEntry> = {}) =>
		redirectSource(entry('T', link, { site: 'https://old.example', ...extra }), site);

	test('come only from addresses on the feed’s own site', () => {
		assert.deepEqual(source('https://www.old.example/2021/x'), { path: '/2021/x' });
		assert.match(JSON.stringify(source('https://evil.example/x')), /not on the blog's own site/);
		// `//evil.example/x` in a feed resolves to another host.
		assert.match(
			JSON.stringify(source(new URL('//evil.example/x', 'https://old.example/').href)),
			/not on the blog's own site \(old\.example\)/
		);
		assert.match(
			JSON.stringify(source('https://old.example/x', { site: undefined })),
			/does not give its own address/
		);
	});

	test('are never wildcards or placeholders of the host’s redirect syntax', () => {
		for (const link of [
			'https://old.example/*',
			'https://old.example/a/*',
			'https://old.example/:slug/x',
			'https://old.example/x!',
		]) {
			assert.match(JSON.stringify(source(link)), /wildcard or placeholder/, link);
		}
	});

	test('never come from a path the site serves', () => {
		for (const path of [
			'/search/',
			'/search',
			'/rss.xml',
			'/articles/',
			'/articles/x/',
			'/tags/t/rss.xml',
			'/_astro/a.css',
			'/og/x.jpg',
			'/favicon.svg',
			'/sitemap-index.xml',
		]) {
			assert.equal(site(path), true, path);
			assert.match(
				JSON.stringify(source(`https://old.example${path}`)),
				/is a page of this site/,
				path
			);
		}
		for (const path of ['/blogs/news/x', '/articles/story.html', '/2021/05/x/', '/searching/']) {
			assert.equal(site(path), false, path);
		}
	});

	test('a post without a trusted old address is imported, without a redirect, and listed', () => {
		const plan = planImport(
			[
				entry('Star', 'https://old.example/*'),
				entry('Off', 'https://evil.example/off', { site: 'https://old.example' }),
			],
			{ articles: new Map(), redirects: [], isSitePath: site }
		);
		assert.equal(plan.articles.length, 2);
		assert.deepEqual(plan.redirects, []);
		assert.equal(plan.unredirected.length, 2);
		assert.equal(plan.links.size, 0);
	});
});
