/**
 * Dark mode: the system scheme is followed until the reader clicks the toggle; the choice is
 * remembered across reloads and pages (localStorage) and can be undone.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { bodyBackground, open, shownScheme, useSiteInBrowser, watch } from '../helpers/page.ts';

/** The observable theme state of the page. */
async function state(page: Page) {
	return {
		dataTheme: await page.evaluate(() => document.documentElement.dataset['theme'] ?? null),
		pressed: await page.locator('[data-theme-toggle]').getAttribute('aria-pressed'),
		stored: await page.evaluate(() => localStorage.getItem('theme')),
		background: await bodyBackground(page),
		shown: await shownScheme(page),
	};
}

describe('dark mode', () => {
	const ctx = useSiteInBrowser();

	test('the toggle is a visible, named button', async () => {
		await ctx.page.emulateMedia({ colorScheme: 'light' });
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		const toggle = ctx.page.getByRole('button', { name: /dark/i });
		assert.equal(await toggle.count(), 1, 'one button named for dark mode');
		assert.ok(await toggle.isVisible(), 'the theme toggle is visible (its script ran)');
		assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
	});

	test('the header is laid out the same before the toggle is parsed, while hidden and shown', async () => {
		// A browser may paint the header before its last item, the toggle, is parsed or shown; then
		// nothing else in the header may move when it appears (Lighthouse counts a layout shift).
		await ctx.page.setViewportSize({ width: 1350, height: 940 });
		await open(ctx.page, ctx.site.url('/search/?q=encryption'));
		const boxes = () =>
			ctx.page.evaluate(() =>
				['.brand', '.site-header nav', '.header-search'].map((selector) => {
					const box = document.querySelector(selector)?.getBoundingClientRect();
					return box ? [Math.round(box.x), Math.round(box.y)] : null;
				})
			);
		const shown = await boxes();
		await ctx.page.evaluate(() => {
			(document.querySelector('[data-theme-toggle]') as HTMLElement).hidden = true;
		});
		const hidden = await boxes();
		assert.equal(
			await ctx.page.getByRole('button', { name: /dark/i }).count(),
			0,
			'hidden is unseen'
		);
		await ctx.page.evaluate(() => document.querySelector('[data-theme-toggle]')?.remove());
		const absent = await boxes();
		assert.ok(shown.every(Boolean), JSON.stringify(shown));
		assert.deepEqual(hidden, shown, 'hiding the toggle moves the header');
		assert.deepEqual(absent, shown, 'the header without its toggle is laid out otherwise');
	});

	test('system light: a click turns the page dark, and the choice is remembered', async () => {
		await ctx.page.emulateMedia({ colorScheme: 'light' });
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		await ctx.page.evaluate(() => localStorage.clear());
		const problems = watch(ctx.page);
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		const before = await state(ctx.page);
		assert.equal(before.shown, 'light', `system light shows ${before.background}`);
		assert.equal(before.pressed, 'false');
		assert.equal(before.dataTheme, null, 'no theme is pinned before a click');

		await ctx.page.locator('[data-theme-toggle]').click();
		const dark = await state(ctx.page);
		assert.equal(dark.dataTheme, 'dark', 'html[data-theme=dark] after the click');
		assert.equal(dark.pressed, 'true', 'aria-pressed=true after the click');
		assert.equal(dark.stored, 'dark', 'the choice is stored in localStorage');
		assert.notEqual(dark.background, before.background, 'the body background changed');
		assert.equal(dark.shown, 'dark', `the page looks dark (${dark.background})`);
		const text = await ctx.page.evaluate(() => getComputedStyle(document.body).color);
		assert.notEqual(text, 'rgb(0, 0, 0)', 'text is not left black on the dark background');

		await ctx.page.reload({ waitUntil: 'load' });
		const reloaded = await state(ctx.page);
		assert.deepEqual(
			[reloaded.dataTheme, reloaded.pressed, reloaded.shown],
			['dark', 'true', 'dark'],
			'dark survives a reload'
		);

		// Follow a link to another page, as a reader would.
		await Promise.all([
			ctx.page.waitForURL(ctx.site.url(ctx.site.pages.articles)),
			ctx.page.locator('nav[aria-label="Main"] a[href="/articles/"]').click(),
		]);
		const elsewhere = await state(ctx.page);
		assert.deepEqual(
			[elsewhere.dataTheme, elsewhere.pressed, elsewhere.shown],
			['dark', 'true', 'dark'],
			'dark survives navigation'
		);

		// And back to light.
		await ctx.page.locator('[data-theme-toggle]').click();
		const light = await state(ctx.page);
		assert.equal(light.dataTheme, 'light');
		assert.equal(light.pressed, 'false');
		assert.equal(light.stored, 'light');
		assert.equal(light.shown, 'light');
		assert.equal(light.background, before.background, 'the light background is back');
		await ctx.page.reload({ waitUntil: 'load' });
		assert.equal((await state(ctx.page)).shown, 'light', 'light survives a reload');
		problems.stop();
		assert.deepEqual([...problems.consoleErrors, ...problems.pageErrors], []);
		await ctx.page.evaluate(() => localStorage.clear());
	});

	test('system dark: the page is dark without a click, and the toggle turns it light', async () => {
		await ctx.page.emulateMedia({ colorScheme: 'dark' });
		await open(ctx.page, ctx.site.url(ctx.site.pages.article));
		await ctx.page.evaluate(() => localStorage.clear());
		await open(ctx.page, ctx.site.url(ctx.site.pages.article));
		const before = await state(ctx.page);
		assert.equal(before.dataTheme, null, 'nothing pinned');
		assert.equal(before.shown, 'dark', `system dark shows ${before.background}`);
		assert.equal(before.pressed, 'true', 'the toggle reports dark as pressed');

		await ctx.page.locator('[data-theme-toggle]').click();
		const light = await state(ctx.page);
		assert.equal(light.dataTheme, 'light');
		assert.equal(light.pressed, 'false');
		assert.equal(light.stored, 'light');
		assert.equal(light.shown, 'light', `the page looks light (${light.background})`);
		await ctx.page.reload({ waitUntil: 'load' });
		assert.equal(
			(await state(ctx.page)).shown,
			'light',
			'light survives a reload under system dark'
		);

		await ctx.page.locator('[data-theme-toggle]').click();
		const dark = await state(ctx.page);
		assert.deepEqual([dark.dataTheme, dark.pressed, dark.shown], ['dark', 'true', 'dark']);
		assert.equal(dark.background, before.background);
		await ctx.page.evaluate(() => localStorage.clear());
	});

	test('with no choice stored, the page follows a change of system scheme', async () => {
		await ctx.page.emulateMedia({ colorScheme: 'light' });
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		await ctx.page.evaluate(() => localStorage.clear());
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		assert.equal(await shownScheme(ctx.page), 'light');
		await ctx.page.emulateMedia({ colorScheme: 'dark' });
		assert.equal(await shownScheme(ctx.page), 'dark');
		assert.equal(
			await ctx.page.locator('[data-theme-toggle]').getAttribute('aria-pressed'),
			'true',
			'the toggle follows the system change'
		);
	});

	test('a remembered choice is applied before first paint (no flash of the other scheme)', async () => {
		await ctx.page.emulateMedia({ colorScheme: 'light' });
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		await ctx.page.evaluate(() => localStorage.setItem('theme', 'dark'));
		// A page of its own, recording the theme the moment <body> appears.
		const probe = await ctx.browser.context.newPage();
		try {
			await probe.addInitScript(() => {
				new MutationObserver((_, observer) => {
					if (!document.body) return;
					(window as unknown as { themeAtBody?: string }).themeAtBody =
						document.documentElement.dataset['theme'] ?? 'none';
					observer.disconnect();
				}).observe(document, { childList: true, subtree: true });
			});
			await open(probe, ctx.site.url(ctx.site.pages.tags));
			const atBody = await probe.evaluate(
				() => (window as unknown as { themeAtBody?: string }).themeAtBody
			);
			assert.equal(atBody, 'dark', 'data-theme is set in <head>, before <body> renders');
		} finally {
			await probe.close();
			await ctx.page.evaluate(() => localStorage.clear());
		}
	});
});
