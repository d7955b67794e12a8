/**
 * Search in a real browser over a built fixture site: the index holds what it should, filters OR
 * within a group and AND across groups, the state lives in the URL, every entry point (header,
 * product page, 404) leads to results, no search code loads before it is needed, and axe is clean.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { launch } from '../helpers/browser.ts';
import { sharedBuild } from '../helpers/shared-build.ts';
import { serve, type StaticServer } from '../helpers/serve.ts';

const ALPHA = ['/articles/case-variant/', '/articles/html-title/', '/articles/lead-image-story/'];

let server: StaticServer;
let context: BrowserContext;
let closeBrowser: () => Promise<void>;

before(async () => {
	const built = sharedBuild();
	assert.equal(built.status, 0, built.output);
	server = await serve(built.outDir);
	({ context, close: closeBrowser } = await launch());
});

after(async () => {
	await closeBrowser();
	await server.close();
});

const url = (path: string) => new URL(path, server.url).href;

/** Opens a page and waits until the search status reports a finished search. */
async function searchPage(page: Page, query: string): Promise<void> {
	await page.goto(url(`/search/${query}`));
	await waitForResults(page);
}

async function waitForResults(page: Page): Promise<void> {
	await page.waitForFunction(() =>
		/result|No results/.test(document.querySelector('[data-search-status]')?.textContent ?? '')
	);
}

async function resultUrls(page: Page): Promise<string[]> {
	return (
		await page
			.locator('[data-search-results] h3 a')
			.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
	).sort();
}

async function statusText(page: Page): Promise<string> {
	return (await page.locator('[data-search-status]').textContent()) ?? '';
}

describe('the index', () => {
	test('finds a word that appears only in an MDX article body', async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=mdxonlyword');
		assert.deepEqual(await resultUrls(page), ['/articles/mdx-story/']);
		assert.match((await page.locator('.excerpt mark').first().textContent()) ?? '', /mdxonlyword/i);
		await page.close();
	});

	test("never finds a draft's or a scheduled article's unique word", async () => {
		const page = await context.newPage();
		for (const word of ['draftsecretword', 'scheduledsecretword']) {
			await searchPage(page, `?q=${word}`);
			assert.deepEqual(await resultUrls(page), []);
			assert.match(await statusText(page), /No results/);
			assert.equal(await page.locator('[data-search-empty]').isVisible(), true);
		}
		await page.close();
	});

	test("shows the lead image's thumbnail, and never finds an article by its image's file name", async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=caption');
		assert.deepEqual(await resultUrls(page), ['/articles/lead-image-story/']);
		const thumb = (await page.locator('[data-search-results] img').getAttribute('src')) ?? '';
		assert.match(thumb, /^\/_astro\/lead\.[\w-]+\.webp$/);
		// The file name's parts ("lead" alone is a word of the headline) and its content hashes.
		const [, hash = ''] = /^\/_astro\/lead\.([a-zA-Z0-9]+)/.exec(thumb) ?? [];
		assert.ok(hash.length >= 6, thumb);
		for (const word of [hash, 'webp', '_astro', 'png']) {
			await searchPage(page, `?q=${word}`);
			assert.deepEqual(await resultUrls(page), [], `"${word}" found an article`);
		}
		await page.close();
	});

	test('indexes only article pages', async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=audit');
		const urls = await resultUrls(page);
		assert.ok(urls.length > 0);
		assert.ok(
			urls.every((u) => u.startsWith('/articles/') && u !== '/articles/'),
			urls.join(' ')
		);
		await page.close();
	});
});

describe('filters', () => {
	test('a product narrows, two products widen (OR), product and audit narrow (AND)', async () => {
		const page = await context.newPage();
		await searchPage(page, '?product=Alpha+Drone');
		assert.deepEqual(await resultUrls(page), ALPHA);
		await searchPage(page, '?product=Alpha+Drone&product=Gamma+Drone');
		assert.deepEqual(await resultUrls(page), [...ALPHA, '/articles/mdx-story/'].sort());
		await searchPage(page, '?product=Alpha+Drone&audit=First+audit+of+the+Alpha+Drone');
		assert.deepEqual(await resultUrls(page), ['/articles/html-title/']);
		await page.close();
	});

	test('works with an empty query, newest first, and counts each option', async () => {
		const page = await context.newPage();
		await page.goto(url('/search/'));
		await page.locator('input[name="product"][value="Alpha Drone"]').check();
		await waitForResults(page);
		assert.match(await statusText(page), /^3 results/);
		assert.equal(new URL(page.url()).search, '?product=Alpha+Drone');
		const dates = await page
			.locator('[data-search-results] time')
			.evaluateAll((t) => t.map((x) => x.getAttribute('datetime') ?? ''));
		assert.deepEqual(dates, [...dates].sort().reverse());
		// Counts: other products as if added (OR), other groups within the current results. They
		// arrive after the results (the filter indexes load first), and until then the build's counts
		// of all articles stand, some of them equal to these: wait for all of them together.
		const wanted = {
			'product Alpha Drone': '3',
			'product Beta Drone': '11',
			'manufacturer Acme': '3',
			'type Statement': '1',
		};
		const counts = () =>
			page.evaluate(
				(keys) =>
					Object.fromEntries(
						keys.map((k) => {
							const [key, ...value] = k.split(' ');
							const el = document.querySelector(
								`[data-count-key="${key}"][data-count-value="${value.join(' ')}"]`
							);
							return [k, el?.textContent?.trim() ?? ''];
						})
					),
				Object.keys(wanted)
			);
		const deadline = Date.now() + 10_000;
		while (JSON.stringify(await counts()) !== JSON.stringify(wanted) && Date.now() < deadline) {
			await page.waitForTimeout(100);
		}
		assert.deepEqual(await counts(), wanted);
		await page.close();
	});

	test('offers to drop filters when nothing matches', async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=mdxonlyword&product=Alpha+Drone');
		assert.match(await statusText(page), /No results/);
		await page.locator('[data-search-empty] button', { hasText: 'Product: Alpha Drone' }).click();
		await waitForResults(page);
		assert.deepEqual(await resultUrls(page), ['/articles/mdx-story/']);
		assert.equal(new URL(page.url()).search, '?q=mdxonlyword');
		await page.close();
	});
});

describe('state in the URL', () => {
	test('restores a shared URL, and back/forward restore earlier searches', async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=fixtureword&product=Alpha+Drone');
		assert.equal(await page.locator('#search-query').inputValue(), 'fixtureword');
		assert.equal(
			await page.locator('input[name="product"][value="Alpha Drone"]').isChecked(),
			true
		);
		assert.deepEqual(await resultUrls(page), ['/articles/html-title/']);

		await page.locator('#search-query').fill('mdxonlyword');
		await page.locator('#search-query').press('Enter');
		await page.waitForURL(/q=mdxonlyword/);
		await waitForResults(page);
		assert.match(await statusText(page), /No results/);

		await page.goBack();
		await page.waitForURL(/q=fixtureword/);
		await page.waitForFunction(
			() => (document.querySelector('#search-query') as HTMLInputElement).value === 'fixtureword'
		);
		await waitForResults(page);
		assert.deepEqual(await resultUrls(page), ['/articles/html-title/']);
		await page.goForward();
		await page.waitForURL(/q=mdxonlyword/);
		await page.waitForFunction(
			() => (document.querySelector('#search-query') as HTMLInputElement).value === 'mdxonlyword'
		);
		await page.close();
	});

	test('sorts newest first on request', async () => {
		const page = await context.newPage();
		await searchPage(page, '?q=filler&sort=newest');
		assert.equal(await page.locator('#search-sort').inputValue(), 'newest');
		const urls = await page
			.locator('[data-search-results] h3 a')
			.evaluateAll((l) => l.map((a) => (a as HTMLAnchorElement).pathname));
		assert.deepEqual(urls.slice(0, 2), ['/articles/filler-10/', '/articles/filler-09/']);
		await page.close();
	});
});

describe('search everywhere', () => {
	test('the header field on an article page leads to results; "/" focuses it', async () => {
		const page = await context.newPage();
		await page.goto(url('/articles/html-title/'));
		await page.keyboard.press('/');
		assert.equal(await page.evaluate(() => document.activeElement?.id), 'site-search');
		await page.keyboard.type('mdxonlyword');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\/\?q=mdxonlyword/);
		await waitForResults(page);
		assert.deepEqual(await resultUrls(page), ['/articles/mdx-story/']);
		await page.close();
	});

	test("a product page's search returns only that product's articles", async () => {
		const page = await context.newPage();
		await page.goto(url('/products/alpha-drone/'));
		await page.locator('#scoped-search-product').fill('story');
		await page.locator('#scoped-search-product').press('Enter');
		await page.waitForURL(/\/search\//);
		await waitForResults(page);
		const urls = await resultUrls(page);
		assert.ok(urls.length > 0);
		assert.ok(
			urls.every((u) => ALPHA.includes(u)),
			urls.join(' ')
		);
		assert.ok(
			!urls.includes('/articles/mdx-story/'),
			'an MDX story about another product leaked in'
		);
		await page.close();
	});

	test('the 404 page suggests the right article for a mistyped slug', async () => {
		const page = await context.newPage();
		const response = await page.goto(url('/articles/lead-imag-stroy/'));
		assert.equal(response?.status(), 404);
		const first = page.locator('[data-suggestion-list] a').first();
		await first.waitFor();
		assert.equal(await first.getAttribute('href'), '/articles/lead-image-story/');
		await page.close();
	});
});

describe('weight', () => {
	test('loads no search code until a search field is used, then fetches Pagefind', async () => {
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(new URL(r.url()).pathname));
		await page.goto(url('/articles/html-title/'));
		await page.goto(url('/search/'));
		await page.waitForLoadState('networkidle');
		assert.deepEqual(
			requests.filter((p) => p.startsWith('/pagefind/') || /search-page/.test(p)),
			[]
		);
		await page.locator('#search-query').focus();
		await page.waitForResponse((r) => r.url().endsWith('/pagefind/pagefind.js'));
		await page.close();
	});

	/** Collects the requests for Pagefind's filter indexes. */
	function watchFilterIndexes(page: Page): string[] {
		const requests: string[] = [];
		page.on('request', (r) => {
			const path = new URL(r.url()).pathname;
			if (path.startsWith('/pagefind/filter/')) requests.push(path);
		});
		return requests;
	}
	/** The count shown beside a filter option, or null when none is shown. */
	const shownCount = (page: Page, key: string, value: string) =>
		page
			.locator(`[data-count-key="${key}"][data-count-value="${value}"]`)
			.evaluate((el) => ((el as HTMLElement).hidden ? null : el.textContent?.trim()));

	test('a text search fetches no filter index and shows no counts until the filters are used', async () => {
		const page = await context.newPage();
		const filterRequests = watchFilterIndexes(page);
		await page.goto(url('/search/'));
		// Before any search, the build's counts of all articles.
		assert.equal(await shownCount(page, 'product', 'Beta Drone'), '11');
		await page.locator('#search-query').fill('mdxonlyword');
		await waitForResults(page);
		await page.waitForLoadState('networkidle');
		assert.deepEqual(await resultUrls(page), ['/articles/mdx-story/']);
		assert.deepEqual(filterRequests, []);
		// Counts of all articles beside one result would mislead: none are shown.
		assert.equal(await shownCount(page, 'product', 'Beta Drone'), null);
		assert.equal(await shownCount(page, 'product', 'Gamma Drone'), null);
		// Clearing the search brings back the counts of all articles, still without the indexes.
		await page.locator('#search-query').fill('');
		await page.waitForFunction(() =>
			/Type a search/.test(document.querySelector('[data-search-status]')?.textContent ?? '')
		);
		assert.equal(await shownCount(page, 'product', 'Beta Drone'), '11');
		await page.locator('#search-query').fill('mdxonlyword');
		await waitForResults(page);

		// Reaching the panel by keyboard loads the filter indexes and shows the query's counts.
		const loaded = page.waitForResponse((r) => r.url().includes('/pagefind/filter/'));
		await page.locator('input[name="product"][value="Gamma Drone"]').focus();
		await loaded;
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLElement>('[data-count-key]')].every((el) => !el.hidden)
		);
		assert.equal(await shownCount(page, 'product', 'Gamma Drone'), '1');
		assert.equal(await shownCount(page, 'product', 'Beta Drone'), '0');
		assert.equal(await shownCount(page, 'type', 'Guide'), '1');
		assert.ok(filterRequests.length > 0);
		await page.close();
	});

	test('a search from the address fetches no filter index until the panel is clicked', async () => {
		const page = await context.newPage();
		const filterRequests = watchFilterIndexes(page);
		await searchPage(page, '?q=mdxonlyword');
		await page.waitForLoadState('networkidle');
		assert.deepEqual(filterRequests, []);
		assert.equal(await shownCount(page, 'product', 'Gamma Drone'), null);
		const loaded = page.waitForResponse((r) => r.url().includes('/pagefind/filter/'));
		// The panel's own control (a sidebar heading on a wide screen), as a pointer clicks it.
		await page.locator('[data-search-filters] > summary').hover();
		await page.mouse.down();
		await page.mouse.up();
		await loaded;
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLElement>('[data-count-key]')].every((el) => !el.hidden)
		);
		assert.equal(await shownCount(page, 'product', 'Gamma Drone'), '1');
		assert.equal(await shownCount(page, 'product', 'Alpha Drone'), '0');
		await page.close();
	});
});

describe('accessibility', () => {
	for (const colorScheme of ['light', 'dark'] as const) {
		test(`axe finds nothing on the search page with results and filters (${colorScheme})`, async () => {
			const page = await context.newPage();
			await page.emulateMedia({ colorScheme });
			await searchPage(page, '?q=story&product=Alpha+Drone&type=News');
			assert.ok((await resultUrls(page)).length > 0);
			const violations = await axeViolations(page);
			assert.equal(violations.length, 0, formatViolations(violations));
			await page.close();
		});
	}

	test('the flow works by keyboard and the result count is announced', async () => {
		const page = await context.newPage();
		await page.goto(url('/search/'));
		await page.keyboard.press('/');
		assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-query');
		await page.keyboard.type('filler');
		await page.keyboard.press('Enter');
		await waitForResults(page);
		assert.equal(await page.locator('[data-search-status]').getAttribute('role'), 'status');
		assert.match(await statusText(page), /^10 results for “filler”/);
		// Tab on to the first filter checkbox and tick it with the space bar. Reaching the panel makes
		// its counts live, and a value the search leaves empty is then disabled: wait for the counts,
		// and tab on past a box that was disabled under the focus.
		const onEnabledBox = () =>
			page.evaluate(() => {
				const el = document.activeElement as HTMLInputElement | null;
				return el?.type === 'checkbox' && !el.disabled;
			});
		const tabToBox = async () => {
			for (let i = 0; i < 40 && !(await onEnabledBox()); i++) await page.keyboard.press('Tab');
		};
		await tabToBox();
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLElement>('[data-count-key]')].every((el) => !el.hidden)
		);
		await tabToBox();
		assert.ok(await onEnabledBox(), 'Tab reaches a filter that can be ticked');
		const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
		await page.keyboard.press('Space');
		await page.waitForURL(new RegExp(`=${encodeURIComponent(name).replace(/%20/g, '\\+')}`));
		await waitForResults(page);
		await page.close();
	});
});
