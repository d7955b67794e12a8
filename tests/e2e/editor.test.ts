/**
 * The browser editor as a dealer's writer uses it: `/admin/` of the built sample site, served with
 * the site's `_headers`, in local mode. Chromium offers no way to answer its folder picker from a
 * test, so the picker hands the editor the browser's private file system, filled with a copy of
 * `content/`; what the editor writes there is read back and checked with `npm run check`'s checker.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/check/read.ts';
import { buildSite, ROOT } from '../helpers/build.ts';
import {
	contentFiles,
	EXPECTED_REFUSALS,
	fillFolder,
	PICKER,
	readFolder,
} from '../helpers/editor.ts';
import { launch } from '../helpers/browser.ts';
import { serveWithHeaders } from '../helpers/headers-server.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { hrefsIn, readPage, SITE_DIR } from '../helpers/site.ts';

describe('the editor at /admin/', () => {
	let server: StaticServer;
	let close: () => Promise<void>;
	let page: Page;
	const log: string[] = [];

	before(async () => {
		server = await serveWithHeaders(SITE_DIR);
		const browser = await launch({ viewport: { width: 1400, height: 1000 } });
		close = browser.close;
		await browser.context.addInitScript(PICKER);
		await browser.context.addInitScript(
			"document.addEventListener('securitypolicyviolation', (e) => console.log(`CSP refused ${e.effectiveDirective} ${e.blockedURI}`));"
		);
		page = await browser.context.newPage();
		page.on('console', (m) => log.push(m.text()));
		page.on('pageerror', (e) => log.push(`page error: ${e.message}`));
	});
	after(async () => {
		await close?.();
		await server?.close();
	});

	test('starts under its policy with its own fonts, and offers the local folder', async () => {
		const fonts: number[] = [];
		page.on('response', (r) => {
			if (r.url().includes('/admin/fonts/')) fonts.push(r.status());
		});
		await page.goto(new URL('/admin/', server.url).href);
		await page.getByRole('button', { name: 'Work with Local Repository' }).waitFor();
		const refused = log.filter((l) => l.startsWith('CSP refused') && !EXPECTED_REFUSALS.test(l));
		assert.deepEqual(refused, [], log.join('\n'));
		assert.ok(
			fonts.length > 0 && fonts.every((s) => s === 200),
			`font responses: ${fonts.join(', ')}`
		);
	});

	const slug = 'matrice-300-rtk-or-mavic-2-enterprise-dual-which-suits-a-council';
	const title = 'Matrice 300 RTK or Mavic 2 Enterprise Dual: which suits a council?';
	/** The content folder as the editor left it, copied out for the checker and a build. */
	const copy = 'tests/.out/editor-content';

	/** The folder's files once `path` is among them (or the deadline passes). */
	async function waitForFile(path: string): Promise<Record<string, string>> {
		let files = await readFolder(page);
		for (const deadline = Date.now() + 15_000; !files[path] && Date.now() < deadline;) {
			await page.waitForTimeout(250);
			files = await readFolder(page);
		}
		return files;
	}

	/** Opens the Markdown editor of the body, drawn once it scrolls into view, and types. */
	async function typeBody(text: string): Promise<void> {
		const body = page.getByRole('textbox', { name: 'Text', exact: true });
		for (let i = 0; i < 30 && (await body.count()) === 0; i++) {
			await page.mouse.move(300, 600);
			await page.mouse.wheel(0, 600);
			await page.waitForTimeout(200);
		}
		await body.click();
		await page.keyboard.type(text);
	}

	test('writes the article a writer fills in, its lead image beside it, and refuses it without alt text', async () => {
		await fillFolder(page, contentFiles());
		await page.reload();
		await page.getByRole('button', { name: 'Work with Local Repository' }).click();
		await page.getByText('Collections').first().waitFor();
		await page.evaluate(() => (location.hash = '/collections/articles/new'));
		const field = (label: string) => page.getByLabel(label, { exact: true }).first();
		await field('Title').waitFor();
		await field('Title').fill(title);
		await field('Date').fill('2026-11-30');
		await field('Description').fill('Two enterprise drones compared for a council survey team.');
		for (const [i, point] of [
			'Both carry a thermal camera.',
			'Only one has RTK.',
			'Both log flights locally.',
		].entries()) {
			await page.getByRole('button', { name: /Add.*Key points/ }).click();
			await page.getByLabel('Key point', { exact: true }).nth(i).fill(point);
		}
		await page.getByRole('checkbox', { name: 'Matrice 300 RTK' }).click();
		await page.getByRole('checkbox', { name: 'Mavic 2 Enterprise Dual' }).click();
		await page
			.getByRole('checkbox', {
				name: 'Kivu Consulting review of DJI data transmission and storage practices',
			})
			.click();
		// A tag in use and a new one; each box is filled once it is there (nth waits for it).
		for (const [i, tag] of ['Data Security', 'Councils'].entries()) {
			await page.getByRole('button', { name: /Add.*Tags/ }).click();
			await page.getByLabel('Tag', { exact: true }).nth(i).fill(tag);
		}
		const upload = page.locator('section[data-key-path="image"] input[type=file]').first();
		// The file picker offers the bitmap formats a lead image may be, and no SVG.
		const accept = ((await upload.getAttribute('accept')) ?? '').split(',');
		assert.ok(accept.includes('.jpg') && !accept.includes('.svg'), accept.join(','));
		await upload.setInputFiles({
			name: 'council-survey.jpg',
			mimeType: 'image/jpeg',
			buffer: readFileSync(
				join(ROOT, 'content/articles/booz-allen-audit-dji-government-edition/lead.jpg')
			),
		});
		await typeBody('A council survey team asked us which aircraft to buy.');

		// Without alt text the save is refused, with the reason, and nothing is written.
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const refusal = page.locator('#hangar-refusal');
		await refusal.waitFor();
		assert.match((await refusal.textContent()) ?? '', /Not saved\. Fill in “Lead image alt text”/);
		await page.getByRole('button', { name: 'OK' }).click();
		const path = `content/articles/${slug}/index.md`;
		assert.equal((await readFolder(page))[path], undefined, 'nothing is written without alt text');

		await field('Lead image alt text').fill(
			'A white drone with a thermal camera over a council depot.'
		);
		await page.getByRole('button', { name: 'Save', exact: true }).click();
		const written = await waitForFile(path);
		if (!written[path])
			await page.screenshot({ path: join(ROOT, 'tests/.out/editor-unsaved.png') });
		assert.ok(written[path], `${path} is not among the files (see tests/.out/editor-unsaved.png)`);
		assert.equal(await refusal.count(), 0, 'the refusal note goes once the article is saved');
		const text = Buffer.from(written[path] ?? '', 'base64').toString('utf8');
		assert.match(
			text,
			/^products:\n {2}- dji-matrice-300-rtk\n {2}- dji-mavic-2-enterprise-dual$/m
		);
		assert.match(text, /^audits:\n {2}- kivu-consulting-2018$/m);
		assert.match(text, /^summary:\n( {2}- .+\n){3}products:/m);
		assert.match(text, /^date: 2026-11-30$/m);
		assert.match(text, /^tags:\n {2}- Data Security\n {2}- Councils$/m);
		assert.match(text, /^image: \.\/council-survey\.jpg$/m);
		assert.doesNotMatch(
			text,
			/^(updated|draft|comments|type):/m,
			'empty and default fields are left out'
		);
		assert.ok(
			written[`content/articles/${slug}/council-survey.jpg`],
			'the image is stored beside the article'
		);

		rmSync(join(ROOT, copy), { recursive: true, force: true });
		for (const [file, base64] of Object.entries(written)) {
			const target = join(ROOT, copy, relative('content', file));
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, Buffer.from(base64, 'base64'));
		}
		const errors = checkContent(ROOT, copy).filter((p) => p.severity === 'error');
		assert.deepEqual(errors, [], text);
	});

	test('a build shows the new article on its product pages, its audit page and in search', async () => {
		const built = buildSite(copy, 'editor-site', { HANGAR_BUILD_TIME: '2026-12-01T12:00:00Z' });
		assert.equal(built.status, 0, built.output);
		const href = `/articles/${slug}/`;
		for (const page of [
			'/products/dji-matrice-300-rtk/',
			'/products/dji-mavic-2-enterprise-dual/',
			'/audits/kivu-consulting-2018/',
		]) {
			assert.ok(hrefsIn(readPage(built.outDir, page)).includes(href), `${page} links to ${href}`);
		}
		const site = await serveWithHeaders(built.outDir);
		try {
			await page.goto(new URL('/search/?q=council', site.url).href);
			await page
				.locator(`[data-search-results] a[href="${href}"]`)
				.first()
				.waitFor({ timeout: 15_000 });
		} finally {
			await site.close();
		}
	});

	test('saving an existing article after changing its title changes one line; opening it writes nothing', async () => {
		const path = 'content/articles/booz-allen-audit-dji-government-edition/index.md';
		await page.goto(new URL('/admin/', server.url).href);
		await fillFolder(page, contentFiles());
		await page.reload();
		// The editor remembers the folder it worked on, and may open it again by itself.
		const local = page.getByRole('button', { name: 'Work with Local Repository' });
		const collections = page.getByText('Collections').first();
		await local.or(collections).first().waitFor();
		if (await local.isVisible()) await local.click();
		await collections.waitFor();
		await page.evaluate(() => (location.hash = '/collections/articles'));
		await page.getByText('Booz Allen Hamilton audit finds no sign').first().click();
		const titleBox = page.getByLabel('Title', { exact: true }).first();
		await titleBox.waitFor();
		const save = page.getByRole('button', { name: 'Save', exact: true });
		assert.equal(await save.isEnabled(), false, 'nothing to save before a change');
		// The preview: the article's top in the site's markup and stylesheets.
		const preview = page.frameLocator('iframe').first();
		await preview.locator('.article-header h1').waitFor();
		await preview.locator('.byline dd', { hasText: '9 June 2020' }).waitFor();
		assert.equal(await preview.locator('.key-points li').count(), 4);
		assert.equal(
			await preview.locator('.key-points').evaluate((e) => getComputedStyle(e).borderLeftWidth),
			'4px',
			"the site's stylesheet applies"
		);
		assert.equal(await preview.locator('.lead-image img[alt^="Flat illustration"]').count(), 1);
		// A body image (`./diagram.jpg`, beside the article's file) shows in the preview too.
		const diagram = preview.locator('.prose img[alt^="Diagram"]');
		let shown = false;
		for (const deadline = Date.now() + 10_000; !shown && Date.now() < deadline;) {
			shown = await diagram.evaluate((img: HTMLImageElement) => img.naturalWidth > 0);
			if (!shown) await page.waitForTimeout(250);
		}
		assert.ok(shown, 'the body image loads in the preview');
		assert.match(
			(await preview.locator('.prose').textContent()) ?? '',
			/Government drone programmes/
		);
		const before = await readFolder(page);
		await titleBox.fill(
			'Booz Allen Hamilton audit finds no sign of DJI drones sending data anywhere'
		);
		await save.click();
		let after = before;
		for (
			const deadline = Date.now() + 15_000;
			after[path] === before[path] && Date.now() < deadline;
		) {
			await page.waitForTimeout(250);
			after = await readFolder(page);
		}
		const lines = (files: Record<string, string>) =>
			Buffer.from(files[path] ?? '', 'base64')
				.toString('utf8')
				.split('\n');
		const [old, now] = [lines(before), lines(after)];
		assert.equal(now.length, old.length);
		const changed = now.flatMap((line, i) => (line === old[i] ? [] : [`-${old[i]}`, `+${line}`]));
		assert.deepEqual(changed, [
			'-title: Booz Allen Hamilton audit finds no sign of DJI drones sending data to China',
			'+title: Booz Allen Hamilton audit finds no sign of DJI drones sending data anywhere',
		]);
		const others = Object.keys(after).filter((f) => f !== path && after[f] !== before[f]);
		assert.deepEqual(others, [], 'no other file changed');
	});
});
