import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	addHashes,
	contentSecurityPolicy,
	cspHash,
	emptyHashes,
	headerRules,
	type HeaderRule,
	headersFile,
	IMMUTABLE_CACHE,
	inlineCode,
} from '../../../src/publish/headers.ts';
import { parseHtml } from '../../../src/publish/html.ts';

describe('inline code of a page', () => {
	test('counts inline scripts that run, style elements and style attributes', () => {
		const code = inlineCode(
			parseHtml(
				[
					'<script>one()</script>',
					'<script type="module">two()</script>',
					'<script src="/_astro/x.js"></script>',
					'<script type="application/ld+json">{"a":1}</script>',
					'<style>p{color:red}</style>',
					'<td style="text-align: left">x</td>',
					'<p style="content: &quot;a&amp;b&quot;">y</p>',
				].join('')
			)
		);
		assert.deepEqual(code, {
			scripts: ['one()', 'two()'],
			styles: ['p{color:red}'],
			styleAttributes: ['text-align: left', 'content: "a&b"'],
		});
	});

	test('keeps the exact text of a script, whitespace included, as the browser hashes it', () => {
		const source = '\n\ttry { x < 1 && y(); } catch {}\n';
		assert.deepEqual(inlineCode(parseHtml(`<script>${source}</script>`)).scripts, [source]);
	});
});

test('hashes inline code the way CSP Level 3 does', () => {
	// The example from the CSP specification.
	assert.equal(
		cspHash("alert('Hello, world.');"),
		"'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
	);
});

describe('the Content-Security-Policy', () => {
	const hashes = emptyHashes();
	addHashes(hashes, { scripts: ['a()', 'a()'], styles: ['p{}'], styleAttributes: ['color:red'] });

	test('allows the site’s own files, the hashed inline code and Pagefind’s WebAssembly only', () => {
		const csp = contentSecurityPolicy(hashes);
		const directive = (name: string) =>
			csp
				.split('; ')
				.find((d) => d.startsWith(`${name} `))
				?.split(' ')
				.slice(1);
		assert.deepEqual(directive('script-src'), ["'self'", "'wasm-unsafe-eval'", cspHash('a()')]);
		assert.deepEqual(directive('style-src'), [
			"'self'",
			"'unsafe-hashes'",
			...[cspHash('color:red'), cspHash('p{}')].sort(),
		]);
		assert.deepEqual(directive('object-src'), ["'none'"]);
		assert.deepEqual(directive('frame-ancestors'), ["'none'"]);
		assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
	});

	test('takes the dealer’s extra sources, replacing a directive’s none', () => {
		const csp = contentSecurityPolicy(hashes, {
			'frame-src': ['https://www.youtube-nocookie.com'],
			'img-src': ['https://cdn.example.com'],
		});
		assert.match(csp, /frame-src https:\/\/www\.youtube-nocookie\.com(;|$)/);
		assert.match(csp, /img-src 'self' https:\/\/cdn\.example\.com(;|$)/);
	});

	test('asks for unsafe-hashes only when a page has a style attribute', () => {
		const elementsOnly = emptyHashes();
		addHashes(elementsOnly, { scripts: [], styles: ['p{}'], styleAttributes: [] });
		assert.doesNotMatch(contentSecurityPolicy(elementsOnly), /unsafe-hashes/);
		assert.match(contentSecurityPolicy(elementsOnly), /style-src 'self' 'sha256-/);
	});
});

describe('_headers', () => {
	const rules = headerRules('default-src self', {
		folders: ['_astro', 'articles', 'pagefind'],
		files: ['index.html', 'rss.xml', '_headers', '_redirects'],
	});

	/** Netlify's and Cloudflare's matching: `*` matches anything, including slashes. */
	function matchingIn(list: readonly HeaderRule[], path: string) {
		return list.filter((r) =>
			new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(
				path
			)
		);
	}
	const matching = (path: string) => matchingIn(rules, path);

	test('gives every path exactly one Cache-Control: immutable for hashed assets, short otherwise', () => {
		for (const path of ['/', '/articles/x/', '/rss.xml', '/pagefind/pagefind.js', '/_astro/a.js']) {
			const values = matching(path).flatMap((r) => r.headers['Cache-Control'] ?? []);
			assert.equal(values.length, 1, `${path}: ${values.join(' + ')}`);
		}
		assert.deepEqual(
			matching('/_astro/a.B1c2.js').flatMap((r) => r.headers['Cache-Control'] ?? []),
			[IMMUTABLE_CACHE]
		);
	});

	test('sends the CSP and security headers everywhere', () => {
		for (const path of ['/', '/articles/x/', '/_astro/a.js']) {
			assert.ok(
				matching(path).some((r) => r.headers['Content-Security-Policy']),
				path
			);
		}
	});

	test("with the browser editor, gives every page one policy: the pages' or, under /admin/, the editor's", () => {
		const withEditor = headerRules(
			'default-src self',
			{ folders: ['_astro', 'admin', 'articles'], files: ['index.html', '404.html'] },
			{ folder: 'admin', csp: 'default-src none' }
		);
		const policies = (path: string) =>
			matchingIn(withEditor, path).flatMap((r) => r.headers['Content-Security-Policy'] ?? []);
		for (const path of ['/', '/articles/x/', '/404.html', '/index.html']) {
			assert.deepEqual(policies(path), ['default-src self'], path);
		}
		assert.deepEqual(policies('/admin/'), ['default-src none']);
		assert.deepEqual(policies('/admin/config.yml'), ['default-src none']);
		const everywhere = withEditor.find((r) => r.path === '/*');
		assert.equal(everywhere?.headers['X-Frame-Options'], 'DENY');
	});

	test('is written as path lines with indented headers', () => {
		assert.equal(
			headersFile([
				{ path: '/*', headers: { A: '1', B: '2' } },
				{ path: '/x', headers: { C: '3' } },
			]),
			'/*\n  A: 1\n  B: 2\n/x\n  C: 3\n'
		);
	});
});
