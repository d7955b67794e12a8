/**
 * Every page type of the built site renders in Chromium: the right status, one <h1>, a title, no
 * console errors, no failed requests and no external JavaScript. The article page shows its
 * labelled publication date and the product page links to its audits and articles.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { open, useSiteInBrowser, watch } from '../helpers/page.ts';
import {
	SITE_DIR,
	TERM_PAGE,
	listingPages,
	pageTypes,
	productExpectations,
} from '../helpers/site.ts';

describe('pages render in Chromium', () => {
	const ctx = useSiteInBrowser();

	test('every page type: status, one <h1>, a <title>, no errors, no external scripts', async (t) => {
		for (const { type, path, status } of pageTypes(ctx.site.pages)) {
			await t.test(`${type} (${path})`, async () => {
				const url = ctx.site.url(path);
				const problems = watch(ctx.page, status === 404 ? url : undefined);
				try {
					const response = await open(ctx.page, url);
					assert.equal(response.status(), status, `${path} answered ${response.status()}`);
					const h1s = await ctx.page.locator('h1').allInnerTexts();
					assert.equal(
						h1s.length,
						1,
						`${path} has ${h1s.length} <h1> elements: ${JSON.stringify(h1s)}`
					);
					assert.ok(h1s[0]?.trim(), `${path}: the <h1> is empty`);
					const title = await ctx.page.title();
					assert.ok(title.trim(), `${path} has an empty <title>`);
					const main = ctx.page.locator('main#main');
					assert.equal(await main.count(), 1, `${path} has no <main id="main">`);
					// Every image actually decoded (a broken or unsupported image has naturalWidth 0).
					await ctx.page.$$eval('img[loading="lazy"]', (imgs) =>
						imgs.forEach((img) => img.setAttribute('loading', 'eager'))
					);
					await ctx.page.waitForFunction(() => [...document.images].every((img) => img.complete));
					const broken = await ctx.page.$$eval('img', (imgs) =>
						imgs.filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src)
					);
					assert.deepEqual(broken, [], `${path} has images that did not load`);
					assert.deepEqual(problems.pageErrors, [], `${path}: uncaught exceptions`);
					assert.deepEqual(problems.consoleErrors, [], `${path}: console errors`);
					assert.deepEqual(problems.failedRequests, [], `${path}: failed requests`);
					// Pages carry only the inline theme scripts. The one exception is the not-found
					// page, whose bundled module suggests articles matching the missed address.
					const external = await ctx.page.$$eval('script[src]', (els) =>
						els.map((e) => e.getAttribute('src') ?? '')
					);
					const allowed = (src: string) =>
						status === 404 && /^\/_astro\/404\.astro_astro_type_script[^/]*\.js$/.test(src);
					assert.deepEqual(
						external.filter((src) => !allowed(src)),
						[],
						`${path} loads external JavaScript`
					);
				} finally {
					problems.stop();
				}
			});
		}
	});

	// WCAG 1.4.10 (Reflow): no sideways scrolling at 320 CSS px, a 1280 px window zoomed to 400 %.
	test('no page is wider than a 320 px or a 375 px phone screen', async () => {
		const wide: string[] = [];
		try {
			const search = { type: 'search', path: '/search/?q=drone' };
			for (const width of [320, 375]) {
				await ctx.page.setViewportSize({ width, height: 800 });
				for (const { type, path } of [...pageTypes(ctx.site.pages), search]) {
					await open(ctx.page, ctx.site.url(path));
					const overflow = await ctx.page.evaluate(() => {
						const limit = document.documentElement.clientWidth;
						if (document.documentElement.scrollWidth <= limit) return null;
						const culprits = [...document.querySelectorAll('body *')]
							.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
							.slice(0, 3)
							.map(
								(el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`
							);
						return `${document.documentElement.scrollWidth}px wide: ${culprits.join(', ')}`;
					});
					if (overflow) wide.push(`  ${type} ${path} at ${width} px: ${overflow}`);
				}
			}
		} finally {
			await ctx.page.setViewportSize({ width: 1280, height: 900 });
		}
		assert.deepEqual(wide, [], `pages that scroll sideways on a phone:\n${wide.join('\n')}`);
	});

	test('the 404 page says the page was not found and links back into the site', async () => {
		const response = await open(ctx.page, ctx.site.url(ctx.site.pages.notFound));
		assert.equal(response.status(), 404);
		assert.match(await ctx.page.title(), /not found/i);
		assert.match(await ctx.page.locator('h1').innerText(), /not found/i);
		const robots = await ctx.page.locator('meta[name="robots"]').getAttribute('content');
		assert.match(robots ?? '', /noindex/, 'the 404 page must not be indexed');
		assert.ok(
			(await ctx.page.locator('main a[href="/articles/"]').count()) > 0,
			'the 404 page links to the list of articles'
		);
	});

	test('the article page shows a labelled "Published" date in <time datetime>', async () => {
		await open(ctx.page, ctx.site.url(ctx.site.pages.article));
		const dates = await ctx.page.$$eval('main dt', (dts) =>
			dts
				.filter((dt) => dt.textContent.trim().replace(/:$/, '') === 'Published')
				.map((dt) => {
					const dd = dt.nextElementSibling;
					const time = dd?.tagName === 'DD' ? dd.querySelector('time') : null;
					const box = dt.getBoundingClientRect();
					return {
						datetime: time?.getAttribute('datetime') ?? null,
						text: time?.textContent.trim() ?? '',
						labelVisible: box.width > 1 && box.height > 1,
					};
				})
		);
		assert.equal(dates.length, 1, 'exactly one <dt>Published</dt> in the article');
		const [date] = dates;
		assert.ok(date?.labelVisible, 'the "Published" label is visible');
		assert.match(
			date?.datetime ?? '',
			/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
			'<time datetime> is a valid date or date-time'
		);
		assert.ok(date?.text, 'the date is shown as text');
		const year = date?.datetime?.slice(0, 4) ?? '';
		assert.ok(date?.text.includes(year), `shown date "${date?.text}" names the year ${year}`);
		// The date sits between the headline and the body, where readers and Google News look.
		const order = await ctx.page.evaluate(() => {
			const h1 = document.querySelector('main h1');
			const time = [...document.querySelectorAll('main dt')]
				.find((dt) => dt.textContent.trim().replace(/:$/, '') === 'Published')
				?.nextElementSibling?.querySelector('time');
			const body = document.querySelector('main .prose');
			if (!h1 || !time) return 'missing';
			if (!(h1.compareDocumentPosition(time) & Node.DOCUMENT_POSITION_FOLLOWING))
				return 'before h1';
			if (body && !(time.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING))
				return 'after body';
			return 'ok';
		});
		assert.equal(order, 'ok', 'the Published date is between the headline and the body');
	});

	test('the product page links to the audits that covered it and to its articles', async () => {
		const product = ctx.site.pages.product;
		const expected = productExpectations(SITE_DIR, product);
		assert.ok(
			expected.audits.length > 0 && expected.articles.length > 0,
			`no product in the site has both audits and articles to check (picked ${product})`
		);
		const seen = new Set<string>();
		for (const path of listingPages(SITE_DIR, product)) {
			await open(ctx.page, ctx.site.url(path));
			const visible = await ctx.page
				.locator('main a[href]')
				.evaluateAll((links) =>
					links
						.filter(
							(a) => (a as HTMLElement).offsetWidth > 0 && (a as HTMLElement).offsetHeight > 0
						)
						.map((a) => a.getAttribute('href') ?? '')
				);
			visible.forEach((href) => seen.add(href));
		}
		for (const audit of expected.audits) {
			assert.ok(seen.has(audit), `${product} does not link to ${audit}, which has it in scope`);
		}
		for (const article of expected.articles) {
			assert.ok(seen.has(article), `${product} does not link to ${article}, filed under it`);
		}
		// And nothing else: every audit and article it links to names the product.
		const linkedArticles = [...seen].filter((h) => TERM_PAGE.article.test(h));
		const stray = linkedArticles.filter((a) => !expected.articles.includes(a));
		assert.deepEqual(stray, [], `${product} lists articles not filed under it`);
		const linkedAudits = [...seen].filter((h) => TERM_PAGE.audit.test(h));
		const strayAudits = linkedAudits.filter((a) => !expected.audits.includes(a));
		assert.deepEqual(strayAudits, [], `${product} lists audits that do not cover it`);
	});
});
