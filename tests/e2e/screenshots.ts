/**
 * Full-page screenshots of each page type (and the search page with results), for a person to look
 * at: 320×700 (400 % zoom of a 1280 px window), 375×800 and 1280×900, light and dark, written to
 * tests/.out/screenshots/<type>-<width>-<scheme>.png. Not a test.
 *
 *   ./node_modules/.bin/node tests/e2e/screenshots.ts [siteDir] [type,type…]
 *
 * siteDir defaults to HANGAR_SITE_DIR, then dist/; the types (e.g. `search,product`) to all of
 * them. Pages wider than the viewport are reported.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../helpers/browser.ts';
import { OUT } from '../helpers/build.ts';
import { open, startSite } from '../helpers/page.ts';
import { SITE_DIR, pageTypes } from '../helpers/site.ts';

const VIEWPORTS = [
	{ width: 320, height: 700 },
	{ width: 375, height: 800 },
	{ width: 1280, height: 900 },
];
const SCHEMES = ['light', 'dark'] as const;

const siteDir = resolve(process.argv[2] ?? SITE_DIR);
const only = process.argv[3]?.split(',');
/** A search with results and filters, as a reader finds it from a shared link. */
const SEARCH = { type: 'search', path: '/search/?q=encryption' };
const outDir = join(OUT, 'screenshots');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const site = await startSite(siteDir);
const browser = await launch();
const page = await browser.context.newPage();
const overflows: string[] = [];
let count = 0;
try {
	for (const viewport of VIEWPORTS) {
		await page.setViewportSize(viewport);
		for (const colorScheme of SCHEMES) {
			await page.emulateMedia({ colorScheme });
			for (const { type, path } of [...pageTypes(site.pages), SEARCH]) {
				if (only && !only.includes(type.replace(/\s+/g, '-'))) continue;
				await open(page, site.url(path));
				if (path === SEARCH.path) await page.waitForSelector('[data-search-results] li');
				// Load lazy images too, so the full-page picture shows them.
				await page.$$eval('img[loading="lazy"]', (imgs) =>
					imgs.forEach((img) => img.setAttribute('loading', 'eager'))
				);
				await page.waitForFunction(() => [...document.images].every((img) => img.complete));
				// Scroll through the page so Chromium decodes and paints every image (below the fold,
				// decoding="async" images are otherwise blank in a full-page capture), then back up.
				await page.evaluate(async () => {
					await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
					for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
						scrollTo(0, y);
						await new Promise((done) => requestAnimationFrame(() => done(null)));
					}
					scrollTo(0, 0);
				});
				const wide = await page.evaluate(() => {
					const limit = document.documentElement.clientWidth;
					if (document.documentElement.scrollWidth <= limit) return [];
					return [...document.querySelectorAll('body *')]
						.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
						.slice(0, 5)
						.map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
				});
				if (wide.length > 0) {
					overflows.push(
						`${type} at ${viewport.width}px: wider than the screen: ${wide.join(', ')}`
					);
				}
				const file = join(
					outDir,
					`${type.replace(/\s+/g, '-')}-${viewport.width}-${colorScheme}.png`
				);
				await page.screenshot({ path: file, fullPage: true });
				count++;
			}
		}
	}
} finally {
	await browser.close();
	await site.server.close();
}
console.log(`${count} screenshots of ${siteDir} in ${outDir}`);
if (overflows.length > 0) console.log(`Horizontal overflow:\n  ${overflows.join('\n  ')}`);
