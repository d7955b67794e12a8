/**
 * The browser editor as a dealer's writer uses it: `/admin/` of the built sample site, served with
 * the site's `_headers`, in local mode. Chromium offers no way to answer its folder picker from a
 * test, so the picker hands the editor the browser's private file system, filled with a copy of
 * `content/`; what the editor writes there is read back and checked with `npm run check`'s checker.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkContent } from '../../src/check/read.ts';
import { ROOT } from '../helpers/build.ts';
import { launch } from '../helpers/browser.ts';
import { serveWithHeaders } from '../helpers/headers-server.ts';
import type { StaticServer } from '../helpers/serve.ts';
import { SITE_DIR } from '../helpers/site.ts';

/** Requests the editor makes that its policy refuses on purpose: an update check, a status check. */
const EXPECTED_REFUSALS = /unpkg\.com\/@sveltia\/cms\/package\.json|githubstatus\.com/;

/** Every file under `content/`, by path from the repository's root, base64. */
function contentFiles(dir = join(ROOT, 'content')): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) Object.assign(files, contentFiles(path));
		else files[relative(ROOT, path)] = readFileSync(path).toString('base64');
	}
	return files;
}

/** The folder picker answered with the origin's private file system. */
const PICKER = 'window.showDirectoryPicker = async () => navigator.storage.getDirectory();';

/** Fills the private file system with `files` and the `.git` folder the editor looks for. */
async function fillFolder(page: Page, files: Record<string, string>): Promise<void> {
	await page.evaluate(async (files) => {
		const root = await navigator.storage.getDirectory();
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) {
			await root.removeEntry(name, { recursive: true });
		}
		const git = await root.getDirectoryHandle('.git', { create: true });
		const head = await (await git.getFileHandle('HEAD', { create: true })).createWritable();
		await head.write('ref: refs/heads/main\n');
		await head.close();
		for (const [path, base64] of Object.entries(files)) {
			const parts = path.split('/');
			let dir = root;
			for (const part of parts.slice(0, -1))
				dir = await dir.getDirectoryHandle(part, { create: true });
			const file = await dir.getFileHandle(parts.at(-1) ?? '', { create: true });
			const out = await file.createWritable();
			await out.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
			await out.close();
		}
	}, files);
}

/** Every file in the private file system but `.git`, by path, base64. */
async function readFolder(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const out: Record<string, string> = {};
		type Dir = FileSystemDirectoryHandle & {
			entries(): AsyncIterable<[string, FileSystemHandle]>;
		};
		const walk = async (dir: Dir, prefix: string) => {
			for await (const [name, handle] of dir.entries()) {
				const path = prefix ? `${prefix}/${name}` : name;
				if (path === '.git') continue;
				if (handle.kind === 'directory') await walk(handle, path);
				else {
					const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
					let text = '';
					for (const byte of bytes) text += String.fromCharCode(byte);
					out[path] = btoa(text);
				}
			}
		};
		await walk(await navigator.storage.getDirectory(), '');
		return out;
	});
}

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

	test('writes a new article a writer fills in, and the checker accepts it', async () => {
		await fillFolder(page, contentFiles());
		await page.reload();
		await page.getByRole('button', { name: 'Work with Local Repository' }).click();
		await page.getByText('Collections').first().waitFor();
		await page.evaluate(() => (location.hash = '/collections/articles/new'));
		const field = (label: string) => page.getByLabel(label, { exact: true }).first();
		await field('Title').waitFor();
		await field('Title').fill('Matrice 300 RTK or Mavic 2 Enterprise Dual: which suits a council?');
		await field('Date').fill('2026-11-30');
		await page.getByRole('checkbox', { name: 'Matrice 300 RTK' }).click();
		await page.getByRole('checkbox', { name: 'Mavic 2 Enterprise Dual' }).click();
		// A tag in use and a new one; each box is filled once it is there (nth waits for it).
		for (const [i, tag] of ['Buying Guide', 'Councils'].entries()) {
			await page.getByRole('button', { name: /Add.*Tags/ }).click();
			await page.getByLabel('Tag', { exact: true }).nth(i).fill(tag);
		}
		await field('Description').fill('Two enterprise drones compared for a council survey team.');
		// The text editor is drawn once it scrolls into view, as it does for a writer scrolling down.
		const bodyText = page.getByRole('textbox', { name: 'Text', exact: true });
		for (let i = 0; i < 30 && (await bodyText.count()) === 0; i++) {
			await page.mouse.move(300, 600);
			await page.mouse.wheel(0, 600);
			await page.waitForTimeout(200);
		}
		await bodyText.click();
		await page.keyboard.type('A council survey team asked us which aircraft to buy.');
		await page.getByRole('button', { name: 'Save', exact: true }).click();

		const slug = 'matrice-300-rtk-or-mavic-2-enterprise-dual-which-suits-a-council';
		const path = `content/articles/${slug}/index.md`;
		let written: Record<string, string> = {};
		for (const deadline = Date.now() + 15_000; !written[path] && Date.now() < deadline;) {
			await page.waitForTimeout(250);
			written = await readFolder(page);
		}
		if (!written[path])
			await page.screenshot({ path: join(ROOT, 'tests/.out/editor-unsaved.png') });
		assert.ok(written[path], `${path} is not among the files (see tests/.out/editor-unsaved.png)`);
		const text = Buffer.from(written[path] ?? '', 'base64').toString('utf8');
		assert.match(
			text,
			/^products:\n {2}- dji-matrice-300-rtk\n {2}- dji-mavic-2-enterprise-dual$/m
		);
		assert.match(text, /^date: 2026-11-30$/m);
		assert.match(text, /^tags:\n {2}- Buying Guide\n {2}- Councils$/m);
		assert.doesNotMatch(text, /^updated:/m, 'empty optional fields are left out');

		// The whole folder as the editor left it, checked as `npm run check` checks a checkout.
		const copy = join(ROOT, 'tests/.out/editor-content');
		rmSync(copy, { recursive: true, force: true });
		for (const [file, base64] of Object.entries(written)) {
			const target = join(copy, relative('content', file));
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, Buffer.from(base64, 'base64'));
		}
		const errors = checkContent(ROOT, relative(ROOT, copy)).filter((p) => p.severity === 'error');
		assert.deepEqual(errors, [], text);
	});
});
