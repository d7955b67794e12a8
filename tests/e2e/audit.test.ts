/**
 * The audit page's facts read as a fact sheet (issue 17, point 8): on a wide screen every label
 * starts in one column and every value in the next, on the label's line; and a link that leaves
 * the site names the site it leads to.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { open, useSiteInBrowser } from '../helpers/page.ts';
import { SITE_DIR, TERM_PAGE, linksMatching } from '../helpers/site.ts';

/** Every audit page of the built site. */
const audits = () => linksMatching(SITE_DIR, '/audits/', TERM_PAGE.audit);

describe('the audit page', () => {
	const ctx = useSiteInBrowser();

	test('its facts are aligned: labels in one column, values in the next, on the same line', async () => {
		await ctx.page.setViewportSize({ width: 1280, height: 900 });
		let most = 0;
		for (const path of audits()) {
			await open(ctx.page, ctx.site.url(path));
			const rows = await ctx.page.locator('main dl.facts > div').evaluateAll((rows) =>
				rows.map((row) => {
					const dt = row.querySelector('dt')?.getBoundingClientRect();
					const dd = row.querySelector('dd')?.getBoundingClientRect();
					return {
						label: row.querySelector('dt')?.textContent?.trim(),
						dtLeft: Math.round(dt?.left ?? -1),
						dtRight: Math.round(dt?.right ?? -1),
						ddLeft: Math.round(dd?.left ?? -1),
						topGap: Math.abs((dt?.top ?? 0) - (dd?.top ?? 0)),
					};
				})
			);
			most = Math.max(most, rows.length);
			assert.equal(new Set(rows.map((r) => r.dtLeft)).size, 1, `${path}: ${JSON.stringify(rows)}`);
			assert.equal(new Set(rows.map((r) => r.ddLeft)).size, 1, `${path}: ${JSON.stringify(rows)}`);
			for (const row of rows) {
				assert.ok(
					row.ddLeft > row.dtRight,
					`${path}, "${row.label}": the value is under its label`
				);
				assert.ok(row.topGap < 6, `${path}, "${row.label}": the value is not on the label's line`);
			}
		}
		assert.ok(most >= 3, `no audit has more than ${most} facts`);
	});

	test('a link that leaves the site names where it leads', async () => {
		let outside = 0;
		for (const path of audits()) {
			await open(ctx.page, ctx.site.url(path));
			// In the audit's own details: the shop and contact links below are the dealer's.
			const links = await ctx.page.locator('main header a[href]').evaluateAll((links) =>
				links
					.map((a) => ({ url: new URL((a as HTMLAnchorElement).href), text: a.textContent ?? '' }))
					.filter(({ url }) => url.host !== location.host)
					.map(({ url, text }) => ({ host: url.hostname.replace(/^www\./, ''), text: text.trim() }))
			);
			outside += links.length;
			for (const link of links) {
				assert.ok(
					link.text.includes(link.host),
					`${path}: "${link.text}" does not say it leads to ${link.host}`
				);
			}
		}
		assert.ok(outside > 0, 'no audit page links outside the site');
	});
});
