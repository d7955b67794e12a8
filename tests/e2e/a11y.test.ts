/**
 * axe-core (WCAG 2.1 A and AA, and best practice) finds nothing on any page type, in each way a
 * reader can see the site: system light, system dark, and each scheme pinned with the toggle.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { axeViolations, formatViolations } from '../helpers/axe.ts';
import { open, shownScheme, useSiteInBrowser } from '../helpers/page.ts';
import { pageTypes } from '../helpers/site.ts';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 800 };

/**
 * How the page is shown: the emulated system scheme, whether the toggle is clicked once, and the
 * window size (content that only overflows on a phone, such as a wide table, is checked there).
 */
const MODES = [
	{ name: 'light', colorScheme: 'light', toggle: false, expect: 'light', viewport: DESKTOP },
	{ name: 'dark', colorScheme: 'dark', toggle: false, expect: 'dark', viewport: DESKTOP },
	{
		name: 'toggled to dark (system light)',
		colorScheme: 'light',
		toggle: true,
		expect: 'dark',
		viewport: DESKTOP,
	},
	{
		name: 'toggled to light (system dark)',
		colorScheme: 'dark',
		toggle: true,
		expect: 'light',
		viewport: DESKTOP,
	},
	{
		name: 'light, 375 px wide',
		colorScheme: 'light',
		toggle: false,
		expect: 'light',
		viewport: PHONE,
	},
] as const;

describe('accessibility (axe)', () => {
	const ctx = useSiteInBrowser();

	for (const mode of MODES) {
		test(`no violations, ${mode.name}`, async (t) => {
			await ctx.page.emulateMedia({ colorScheme: mode.colorScheme });
			await ctx.page.setViewportSize(mode.viewport);
			for (const { type, path } of pageTypes(ctx.site.pages)) {
				await t.test(`${type} (${path})`, async () => {
					await open(ctx.page, ctx.site.url(path));
					if (mode.toggle) {
						await ctx.page.locator('[data-theme-toggle]').click();
						// Forget the choice, so the next page starts from the system scheme again.
						await ctx.page.evaluate(() => localStorage.clear());
					}
					assert.equal(
						await shownScheme(ctx.page),
						mode.expect,
						`the page is not shown ${mode.expect}`
					);
					const violations = await axeViolations(ctx.page);
					assert.equal(
						violations.length,
						0,
						`axe found ${violations.length} violation(s) on ${path} (${mode.name}):\n${formatViolations(violations)}`
					);
				});
			}
		});
	}
});
