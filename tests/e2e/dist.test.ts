/**
 * The built HTML, without a browser: every page is valid by html-validate's recommended rules and
 * by the W3C Nu HTML Checker (the sample site's and the fixture site's pages), every internal link,
 * image and fragment resolves, and every page names itself as canonical.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { checkLinks, formatBroken } from '../helpers/links.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { attrOf, parsePage, select, selectAll } from '../helpers/html.ts';
import { SITE_DIR, assertSiteBuilt, filesUnder, urlPathOf } from '../helpers/site.ts';
import { formatVnu, vnuErrors } from '../helpers/vnu.ts';

/** html-validate's recommended rules, minus those that fight what the toolchain writes on purpose. */
const HTML_VALIDATE_CONFIG: ConfigData = {
	extends: ['html-validate:recommended'],
	rules: {
		// Lists styled with `list-style: none` carry role="list" on purpose: WebKit (Safari and
		// VoiceOver) drops their list semantics otherwise. The role is not redundant there.
		'no-redundant-role': 'off',
		// Markdown tables (remark-gfm) write column alignment as style="text-align: …"; allow only
		// that on top of the rule's default (display).
		'no-inline-style': ['error', { allowedProperties: ['display', 'text-align'] }],
		// Astro renders MDX through JSX, which self-closes void elements (<input/>), while .astro
		// templates and Markdown omit the slash; both are valid HTML, so no single style can be forced.
		'void-style': 'off',
		// Page titles are "<headline> – <site name>": the headline is the editor's, and the content
		// contract sets no length limit on it. Length is SEO advice for editors, not page validity.
		'long-title': 'off',
		// The search filters are checkbox groups: several checkboxes named "product" submit a list of
		// values (?product=a&product=b), which is how HTML forms express a multiple choice.
		'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
	},
};

describe('built HTML', () => {
	let files: string[] = [];

	before(() => {
		assertSiteBuilt(SITE_DIR);
		files = filesUnder(SITE_DIR, '.html');
	});

	test('the site has its pages', () => {
		const paths = files.map((f) => urlPathOf(SITE_DIR, f));
		for (const p of ['/', '/404.html', '/articles/', '/products/', '/audits/', '/tags/']) {
			assert.ok(paths.includes(p), `no page at ${p} in ${SITE_DIR}`);
		}
	});

	test('html-validate (recommended) reports nothing on any page', async () => {
		const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
		// The same problem in a shared component shows on every page: group by rule, message and
		// element, and name the pages (and the first line and column) where it occurs.
		const problems = new Map<string, string[]>();
		let count = 0;
		for (const file of files) {
			const report = await validator.validateFile(file);
			for (const result of report.results) {
				for (const m of result.messages) {
					count++;
					const key = `${m.ruleId}: ${m.message}\n    at ${m.selector ?? '?'}`;
					const where = `${urlPathOf(SITE_DIR, file)}:${m.line}:${m.column}`;
					const pages = problems.get(key) ?? [];
					if (!pages.some((p) => p.startsWith(`${urlPathOf(SITE_DIR, file)}:`))) pages.push(where);
					problems.set(key, pages);
				}
			}
		}
		const text = [...problems]
			.map(([key, pages]) => {
				const shown = pages.slice(0, 6).join(', ');
				const more = pages.length > 6 ? ` and ${pages.length - 6} more pages` : '';
				return `  ${key}\n    on ${shown}${more}`;
			})
			.join('\n');
		assert.equal(
			count,
			0,
			`html-validate found ${count} problem(s) (${problems.size} distinct) in ${files.length} pages:\n${text}`
		);
	});

	test('the Nu HTML Checker reports no error on any page of this site or the fixture site', () => {
		const fixture = sharedBuild();
		assert.equal(fixture.status, 0, fixture.output);
		const errors = vnuErrors({ site: SITE_DIR, fixture: fixture.outDir });
		assert.equal(errors.length, 0, `vnu found ${errors.length} error(s):\n${formatVnu(errors)}`);
	});

	test('every internal link, image and fragment resolves to a file in the site', () => {
		const broken = checkLinks(SITE_DIR, siteOrigin());
		assert.equal(
			broken.length,
			0,
			`${broken.length} broken internal reference(s):\n${formatBroken(broken)}`
		);
	});

	test('every indexable page names its own address as canonical', () => {
		const origin = siteOrigin();
		assert.ok(origin, 'the home page has no <link rel="canonical">');
		const wrong: string[] = [];
		for (const file of files) {
			const path = urlPathOf(SITE_DIR, file);
			const doc = parsePage(readFileSync(file, 'utf8'));
			const noindex = selectAll(doc, 'meta[name="robots"]').some((m) =>
				/noindex/.test(attrOf(m, 'content') ?? '')
			);
			const canonicals = selectAll(doc, 'link[rel~="canonical"]');
			if (noindex) {
				if (canonicals.length > 0) wrong.push(`  ${path}: noindex page has a canonical URL`);
				continue;
			}
			const hrefs = canonicals.map((link) => attrOf(link, 'href'));
			if (hrefs.length !== 1 || hrefs[0] !== origin + path) {
				wrong.push(`  ${path}: canonical ${JSON.stringify(hrefs)}, expected ${origin + path}`);
			}
		}
		assert.deepEqual(wrong, [], `pages with a wrong canonical URL:\n${wrong.join('\n')}`);
	});
});

/** The origin of the site's canonical URLs, read from the home page. */
function siteOrigin(): string | undefined {
	const home = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
	const link = select(home, 'link[rel~="canonical"]');
	const href = link && attrOf(link, 'href');
	return href ? new URL(href).origin : undefined;
}
