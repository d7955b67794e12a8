/**
 * The search page as a reader on a phone and with the keyboard uses it (issue 17, point 1): the
 * results come first under a closed "Filters (n)" control, a "Skip to results" link passes the
 * panel, the panel's button leads back to the results, and a filter value that would leave no
 * result is shown as unavailable. Runs over the built sample site.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useSiteInBrowser } from '../helpers/page.ts';

/** A word many sample articles contain, but not all. */
const QUERY = 'encryption';
const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

/** Opens the search page at `search` and waits for its first results. */
async function openSearch(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForFunction(() =>
		/\d+ results?/.test(document.querySelector('[data-search-status]')?.textContent ?? '')
	);
}

/** The first result's link. */
const firstResult = (page: Page) => page.locator('[data-search-results] h3 a').first();

/** Presses Tab until the first result's link has focus; returns how many presses it took. */
async function tabsToFirstResult(page: Page, limit: number): Promise<number> {
	for (let tabs = 1; tabs <= limit; tabs++) {
		await page.keyboard.press('Tab');
		const there = await page.evaluate(
			() => document.activeElement === document.querySelector('[data-search-results] h3 a')
		);
		if (there) return tabs;
	}
	return Infinity;
}

describe('search on a phone', () => {
	const ctx = useSiteInBrowser();

	test('at 375 px the first result is on the first screen, under a closed "Filters" control', async () => {
		await ctx.page.setViewportSize(PHONE);
		await openSearch(ctx.page, ctx.site.url(`/search/?q=${QUERY}`));
		const top = await firstResult(ctx.page).evaluate((a) => a.getBoundingClientRect().top);
		assert.ok(top < PHONE.height, `the first result starts ${Math.round(top)} px down`);
		const panel = ctx.page.locator('[data-search-filters]');
		assert.equal(await panel.evaluate((d) => (d as HTMLDetailsElement).open), false);
		assert.match((await panel.locator('> summary').textContent()) ?? '', /^\s*Filters\s*$/);
	});

	test('the keyboard reaches the first result in a few Tabs on a phone', async () => {
		await ctx.page.setViewportSize(PHONE);
		await openSearch(ctx.page, ctx.site.url(`/search/?q=${QUERY}`));
		const tabs = await tabsToFirstResult(ctx.page, 60);
		assert.ok(tabs <= 15, `it took ${tabs} Tabs to reach the first result`);
	});

	test('"Skip to results" passes the open filter panel of a wide screen', async () => {
		await ctx.page.setViewportSize(DESKTOP);
		await openSearch(ctx.page, ctx.site.url(`/search/?q=${QUERY}`));
		const panel = ctx.page.locator('[data-search-filters]');
		assert.equal(await panel.evaluate((d) => (d as HTMLDetailsElement).open), true);
		await ctx.page.locator('[data-search-primary]').focus();
		const skip = ctx.page.getByRole('link', { name: 'Skip to results' });
		for (let i = 0; i < 5 && !(await skip.evaluate((a) => a === document.activeElement)); i++) {
			await ctx.page.keyboard.press('Tab');
		}
		assert.ok(await skip.isVisible(), 'the focused skip link is not shown');
		await ctx.page.keyboard.press('Enter');
		await ctx.page.keyboard.press('Tab');
		assert.equal(
			await firstResult(ctx.page).evaluate((a) => a === document.activeElement),
			true,
			'the Tab after "Skip to results" did not reach the first result'
		);
	});

	test('"Filters (n)" counts the chosen values; the panel\'s button closes it and shows the results', async () => {
		await ctx.page.setViewportSize(PHONE);
		await openSearch(ctx.page, ctx.site.url(`/search/?q=${QUERY}&type=News`));
		const summary = ctx.page.locator('[data-search-filters] > summary');
		assert.match((await summary.textContent()) ?? '', /Filters\s*\(1\)/);
		await summary.click();
		const guide = ctx.page.locator('[data-search-filters] input[name="type"]:not([value="News"])');
		await guide.first().check();
		await ctx.page.waitForFunction(() =>
			/Filters\s*\(2\)/.test(
				document.querySelector('[data-search-filters] > summary')?.textContent ?? ''
			)
		);
		const button = ctx.page.locator('[data-show-results]');
		await ctx.page.waitForFunction(() =>
			/^Show \d+ results?$/.test(document.querySelector('[data-show-results]')?.textContent ?? '')
		);
		await button.click();
		const panel = ctx.page.locator('[data-search-filters]');
		assert.equal(await panel.evaluate((d) => (d as HTMLDetailsElement).open), false);
		const top = await ctx.page
			.locator('[data-search-status]')
			.evaluate((el) => el.getBoundingClientRect().top);
		assert.ok(top >= 0 && top < PHONE.height, `the result count is ${Math.round(top)} px down`);
	});

	test('a filter value that would leave no result is shown but unavailable', async () => {
		await ctx.page.setViewportSize(DESKTOP);
		await openSearch(ctx.page, ctx.site.url(`/search/?q=${QUERY}`));
		// Using the panel makes its counts follow the query.
		await ctx.page.locator('[data-search-filters] details > summary').first().click();
		await ctx.page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLElement>('[data-count-key]')].every((el) => !el.hidden)
		);
		const options = await ctx.page.locator('[data-search-filters] li').evaluateAll((items) =>
			items.map((li) => ({
				value: li.querySelector('input')?.value,
				count: Number(li.querySelector('[data-count-key]')?.textContent),
				disabled: li.querySelector('input')?.disabled,
			}))
		);
		const empty = options.filter((o) => o.count === 0);
		assert.ok(
			empty.length > 0,
			`every value has results for "${QUERY}"; the test needs one without`
		);
		assert.deepEqual(
			options.filter((o) => o.disabled !== (o.count === 0)),
			[],
			'values whose availability does not follow their count'
		);
	});
});
