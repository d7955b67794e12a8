/**
 * The browser editor in the shared fixture build: `/admin/` serves Sveltia CMS and its fonts from
 * the site's own files, with a configuration generated from the content model (every field of
 * every kind of file the editor writes, and nothing else), its own Content-Security-Policy, and no
 * trace on the public site: not in the sitemap, the search index or any public page.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { describeModel } from '../../src/model/describe.ts';
import { parseHeadersFile, headersFor } from '../helpers/headers-server.ts';
import type { Element } from 'hast';
import { attrOf, rawTextOf, select } from '../helpers/html.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { editor } from '../../src/integrations/editor.ts';

interface Collection {
	name: string;
	folder: string;
	fields: { name: string; label: string; hint?: string; widget: string; required: boolean }[];
	[key: string]: unknown;
}

let dist = '';
let config: { collections: Collection[]; output?: Record<string, unknown> };

before(() => {
	const build = sharedBuild();
	assert.equal(build.status, 0, build.output);
	dist = build.outDir;
	config = parse(readFileSync(join(dist, 'admin/config.yml'), 'utf8')) as typeof config;
});

/** The text of a script element, `{}` when there is none. */
const rawText = (element: Element | undefined) => (element ? rawTextOf(element) : '{}');

describe('the editor at /admin/', () => {
	test('is a page of its own that search engines skip, loading the editor from this site', () => {
		const html = readFileSync(join(dist, 'admin/index.html'), 'utf8');
		assert.equal(attrOf(select(html, 'meta[name="robots"]'), 'content'), 'noindex, nofollow');
		const data = JSON.parse(rawText(select(html, 'script#hangar-editor'))) as { script?: string };
		assert.equal(data.script, '/admin/sveltia-cms.js');
		// Sveltia's own imports (Immutable.js for the preview) go to this site, not to unpkg.com.
		const importMap = rawText(select(html, 'script[type="importmap"]'));
		const imports = Object.values(
			(JSON.parse(importMap) as { imports: Record<string, string> }).imports
		);
		assert.deepEqual(imports, ['/admin/vendor/immutable.es.js']);
		for (const file of [...imports, '/admin/chunks/react-dom.js']) {
			assert.ok(existsSync(join(dist, file)), `${file} is in the build`);
		}
		assert.equal(select(html, 'link[rel="stylesheet"]'), undefined, 'no public stylesheet');
		const script = readFileSync(join(dist, 'admin/sveltia-cms.js'), 'utf8');
		assert.doesNotMatch(script, /cdn\.jsdelivr\.net\/fontsource/, 'fonts come from this site');
		for (const font of script.match(/\/admin\/fonts\/[\w-]+\.woff2/g) ?? []) {
			assert.ok(existsSync(join(dist, font)), `${font} is in the build`);
		}
		assert.equal(new Set(script.match(/\/admin\/fonts\/[\w-]+\.woff2/g)).size, 3);
	});

	test('offers every field of the model for articles, products, audits and authors, and only those', () => {
		const model = describeModel();
		const byName = new Map(config.collections.map((c) => [c.name, c]));
		for (const [collection, extra] of [
			['articles', ['body']],
			['articles_single', ['body']],
			['products', []],
			['audits', []],
			['authors', []],
		] as const) {
			const fields = byName.get(collection)?.fields ?? [];
			const described = model[collection.startsWith('articles') ? 'articles' : collection] ?? [];
			assert.deepEqual(
				fields.map((f) => f.name),
				[...described.map((f) => f.name), ...extra],
				collection
			);
			for (const field of described) {
				const widget = fields.find((f) => f.name === field.name);
				assert.equal(widget?.label, field.title, `${collection}.${field.name}`);
				assert.equal(widget?.required, field.required, `${collection}.${field.name}`);
				assert.ok(widget?.hint?.startsWith(field.description.replace(/`/g, '')));
			}
		}
		assert.deepEqual(
			[...byName.keys()].filter((name) => !name.startsWith('articles_in_')).sort(),
			['articles', 'articles_single', 'audits', 'authors', 'products'],
			'comments are written by the comment service, not the editor'
		);
	});

	test("picks an article's author by name and stores one slug; corrections are dated notes", () => {
		const article = config.collections.find((c) => c.name === 'articles');
		const author = article?.fields.find((f) => f.name === 'author') as
			Record<string, unknown> | undefined;
		assert.equal(author?.['widget'], 'relation');
		assert.equal(author?.['collection'], 'authors');
		assert.equal(author?.['multiple'], false);
		assert.deepEqual(author?.['display_fields'], ['name']);
		const corrections = article?.fields.find((f) => f.name === 'corrections') as
			Record<string, unknown> | undefined;
		const parts = (corrections?.['fields'] ?? []) as { name: string; widget: string }[];
		assert.deepEqual(
			parts.map((p) => [p.name, p.widget]),
			[
				['date', 'datetime'],
				['text', 'text'],
			]
		);
	});

	test('stores slugs from lists of names, dates as YYYY-MM-DD, and leaves empty fields out', () => {
		const article = config.collections.find((c) => c.name === 'articles');
		const products = article?.fields.find((f) => f.name === 'products');
		assert.deepEqual(
			{ ...products, hint: undefined },
			{
				name: 'products',
				label: 'Products',
				hint: undefined,
				required: false,
				widget: 'relation',
				collection: 'products',
				value_field: '{{slug}}',
				search_fields: ['name'],
				display_fields: ['name'],
				multiple: true,
			}
		);
		const audits = article?.fields.find((f) => f.name === 'audits') as Record<string, unknown>;
		assert.deepEqual(audits['display_fields'], ['title']);
		const date = article?.fields.find((f) => f.name === 'date') as Record<string, unknown>;
		assert.equal(date['format'], 'YYYY-MM-DD');
		const type = article?.fields.find((f) => f.name === 'type') as Record<string, unknown>;
		assert.equal(type['widget'], 'select');
		assert.equal(type['default'], 'news');
		assert.deepEqual(config.output, { omit_empty_optional_fields: true });
		// New articles in the folder form, so that `image: ./lead.jpg` is the file beside them.
		assert.equal(article?.['path'], '{{slug}}/index');
		assert.equal(article?.['media_folder'], '');
		assert.match(article?.folder ?? '', /\/articles$/);
		const tags = article?.fields.find((f) => f.name === 'tags');
		assert.match(tags?.hint ?? '', /In use: .*Audits/);
	});

	test('has its own policy, and the public pages keep theirs', () => {
		const rules = parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8'));
		const pages = headersFor(rules, '/articles/x/')['content-security-policy'] ?? '';
		const admin = headersFor(rules, '/admin/')['content-security-policy'] ?? '';
		assert.match(pages, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
		assert.doesNotMatch(pages, /unsafe-inline/);
		assert.doesNotMatch(admin, /,/, "one policy, not the pages' joined to it");
		assert.match(admin, /style-src 'self' 'unsafe-inline'/);
		assert.doesNotMatch(admin, /unsafe-eval|https:/, 'no eval and no other origin in local mode');
		for (const path of ['/', '/404.html', '/search/', '/rss.xml']) {
			assert.equal(headersFor(rules, path)['content-security-policy'], pages, path);
		}
	});

	test('is absent from the sitemap, the search index and every public page', () => {
		const sitemaps = readdirSync(dist).filter((f) => f.startsWith('sitemap'));
		for (const file of sitemaps) {
			assert.doesNotMatch(readFileSync(join(dist, file), 'utf8'), /\/admin\//, file);
		}
		assert.doesNotMatch(readFileSync(join(dist, 'index.html'), 'utf8'), /\/admin\//);
		// Pagefind's fragments (one per indexed page, gzipped) name each page's URL.
		const fragments = readdirSync(join(dist, 'pagefind/fragment')).map((f) =>
			gunzipSync(readFileSync(join(dist, 'pagefind/fragment', f))).toString('utf8')
		);
		assert.ok(fragments.some((f) => f.includes('"url":"/articles/')));
		assert.ok(!fragments.some((f) => f.includes('/admin/')));
	});
});

test('editor: false injects no route and writes no file', () => {
	type Hook = (options: unknown) => void;
	const routes = (enabled: boolean) => {
		const injected: { pattern: string }[] = [];
		const setup = editor({ enabled }).hooks['astro:config:setup'] as Hook;
		setup({ injectRoute: (route: { pattern: string }) => injected.push(route) });
		return injected.map((r) => r.pattern);
	};
	assert.equal(routes(false).length, 0);
	assert.deepEqual(routes(true), ['/admin/', '/admin/config.yml']);
	const out = mkdtempSync(join(tmpdir(), 'hangar-no-editor-'));
	(editor({ enabled: false }).hooks['astro:build:done'] as Hook)({ dir: pathToFileURL(`${out}/`) });
	assert.deepEqual(readdirSync(out), []);
	rmSync(out, { recursive: true });
});
