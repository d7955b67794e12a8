/**
 * What scripts add to an article, and what works without them: the table of contents marks the
 * section being read and stands beside the text on a wide screen; the share button appears only
 * where the browser has a share sheet, while the share links are there regardless.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { open, useSiteInBrowser } from '../helpers/page.ts';
import { SITE_DIR, allArticles, readPage } from '../helpers/site.ts';
import { select } from '../helpers/html.ts';

/** The first article of the built site with a table of contents. */
function articleWithToc(): string {
	const found = allArticles(SITE_DIR).find((path) =>
		select(readPage(SITE_DIR, path), 'nav[aria-labelledby="toc-heading"]')
	);
	assert.ok(found, 'no article has a table of contents');
	return found;
}

describe('article tools in the browser', () => {
	const ctx = useSiteInBrowser();

	test('the table of contents marks the current section, sticky beside the text at 1280 px', async () => {
		const path = articleWithToc();
		await ctx.page.setViewportSize({ width: 1280, height: 900 });
		await open(ctx.page, ctx.site.url(path));
		const links = ctx.page.locator('.toc a');
		const third = (await links.nth(2).getAttribute('href')) ?? '';
		await ctx.page
			.locator(`h2${third}`)
			.evaluate((h) => scrollTo(0, h.getBoundingClientRect().top + scrollY - 10));
		await ctx.page.waitForFunction(
			(href) => document.querySelector(`.toc a[href="${href}"]`)?.getAttribute('aria-current'),
			third
		);
		assert.equal(await ctx.page.locator('.toc a[aria-current]').count(), 1);
		const box = await ctx.page.locator('.toc').boundingBox();
		const text = await ctx.page.locator('.prose').boundingBox();
		assert.ok(box && text && box.x + box.width <= text.x, 'the list stands left of the text');
		assert.ok(box.y >= 0 && box.y < 100, `the list stays in view (top at ${box.y} px)`);
	});

	test('the share button shows only with a share sheet; the links are there either way', async () => {
		const path = articleWithToc();
		await open(ctx.page, ctx.site.url(path));
		assert.equal(await ctx.page.locator('[data-share-sheet]').isVisible(), false);
		assert.equal(await ctx.page.locator('.share a').count(), 5);
		const page = await ctx.page.context().newPage();
		try {
			await page.addInitScript(() => {
				Object.defineProperty(navigator, 'share', {
					value: (data: ShareData) => {
						(window as unknown as { shared: ShareData }).shared = data;
						return Promise.resolve();
					},
				});
			});
			await open(page, ctx.site.url(path));
			await page.locator('[data-share-sheet] button').click();
			const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
			assert.match(shared.url ?? '', new RegExp(`${path}$`));
			assert.equal(shared.title, await page.locator('h1').textContent());
		} finally {
			await page.close();
		}
	});
});
