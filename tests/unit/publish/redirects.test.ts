import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redirectRuleFaults } from '../../../src/model/redirect-rules.ts';
import { redirectProblems, redirectsFile } from '../../../src/publish/redirects.ts';

test('writes one "from to status" line per redirect, 301 by default', () => {
	assert.equal(
		redirectsFile([
			{ from: '/news/*', to: '/articles/:splat' },
			{ from: '/old/', to: 'https://shop.example.com/', status: 302 },
		]),
		'/news/* /articles/:splat 301\n/old/ https://shop.example.com/ 302\n'
	);
});

test('accepts well-formed redirects', () => {
	assert.deepEqual(
		redirectProblems([
			{ from: '/news/*', to: '/articles/:splat', status: 308 },
			{ from: '/feed/', to: '/rss.xml' },
		]),
		[]
	);
});

test('names the config file and the field of every bad redirect', () => {
	const problems = redirectProblems(
		[
			{ from: 'news', to: '/articles/' },
			{ from: '/a b/', to: 'articles' },
			{ from: '/x/*/y', to: '/y/' },
			{ from: '/same/', to: '/same/' },
			{ from: '/old/', to: '/new/:splat', status: 200 },
			{ from: '/old/', to: '/newer/' },
		],
		new Set()
	);
	assert.deepEqual(problems, [
		'src/site.config.ts: redirects[0].from: must be a path starting with "/", not "news"',
		'src/site.config.ts: redirects[1].from: must not contain spaces: "/a b/"',
		'src/site.config.ts: redirects[1].to: must be a path starting with "/" or a full http(s) URL, not "articles"',
		'src/site.config.ts: redirects[2].from: may only end with "/*" to match everything below a folder: "/x/*/y"',
		'src/site.config.ts: redirects[3].to: redirects "/same/" to itself',
		'src/site.config.ts: redirects[4].to: uses ":splat" but "from" does not end with "*"',
		'src/site.config.ts: redirects[4].status: must be 301, 302, 307 or 308, not 200',
		'src/site.config.ts: redirects[5].from: "/old/" is already redirected by redirects[4]',
	]);
});

test('refuses a redirect from a page the site has, which the host would never apply', () => {
	assert.deepEqual(
		redirectProblems([{ from: '/articles', to: '/news/' }], new Set(['/articles/'])),
		[
			'src/site.config.ts: redirects[0].from: "/articles" is a page of the site: the host would serve the page, never the redirect',
		]
	);
});

test('refuses a wildcard that would cover a page, feed or asset the site serves', () => {
	const pages = new Set(['/', '/search/', '/rss.xml', '/_astro/site.css', '/articles/x/']);
	assert.deepEqual(
		redirectProblems(
			[
				{ from: '/*', to: '/articles/x/' },
				{ from: '/search/*', to: '/' },
				{ from: '/blogs/news/*', to: '/articles/' },
			],
			pages
		),
		[
			'src/site.config.ts: redirects[0].from: "/*" covers paths the site serves (/ and 4 more): it would send them away, or hide the redirects after it; narrow it to the old addresses only',
			'src/site.config.ts: redirects[1].from: "/search/*" covers paths the site serves (/search/): it would send them away, or hide the redirects after it; narrow it to the old addresses only',
		]
	);
});

test('names each redirect in its own file when they come from several', () => {
	const where = (index: number) =>
		index === 0
			? { file: 'content/redirects.yaml', entry: '[0]' }
			: { file: 'src/site.config.ts', entry: `redirects[${index - 1}]` };
	assert.deepEqual(
		redirectProblems(
			[
				{ from: '/old/', to: '/articles/new/' },
				{ from: '/old/', to: '/rss.xml' },
			],
			new Set(),
			where
		),
		[
			'src/site.config.ts: redirects[0].from: "/old/" is already redirected by content/redirects.yaml: [0]',
		]
	);
});

test('finds the faults of one redirect on its own, by field', () => {
	assert.deepEqual(redirectRuleFaults({ from: '/a/', to: '/a/', status: 200 }), [
		{ field: 'to', message: 'redirects "/a/" to itself' },
		{ field: 'status', message: 'must be 301, 302, 307 or 308, not 200' },
	]);
});
