/**
 * The site works from the keyboard alone: the skip link comes first and moves focus to <main>,
 * Tab reaches the main navigation, the theme toggle and an article's product, audit and tag links,
 * and whatever has focus shows it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { open, useSiteInBrowser } from '../helpers/page.ts';
import { SITE_DIR, termLinksOf } from '../helpers/site.ts';

/** What has focus, and whether a sighted keyboard user can see it. */
interface Focused {
	tag: string;
	text: string;
	href: string | null;
	id: string;
	inMain: boolean;
	inMainNav: boolean;
	isToggle: boolean;
	/** Has a non-zero size and is not hidden. */
	visible: boolean;
	/** Lies inside the viewport (after the browser scrolled it into view). */
	inViewport: boolean;
	outlineStyle: string;
	outlineWidth: number;
}

async function focused(page: Page): Promise<Focused | null> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		return {
			tag: el.tagName.toLowerCase(),
			text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
			href: el.getAttribute('href'),
			id: el.id,
			inMain: !!el.closest('main'),
			inMainNav: !!el.closest('nav[aria-label="Main"]'),
			isToggle: el.matches('[data-theme-toggle]'),
			visible:
				box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.opacity !== '0',
			inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
			outlineStyle: style.outlineStyle,
			outlineWidth: parseFloat(style.outlineWidth) || 0,
		};
	});
}

function describeFocus(f: Focused | null): string {
	return f ? `<${f.tag}${f.href ? ` href="${f.href}"` : ''}>${f.text.slice(0, 40)}` : '(nothing)';
}

/** Focus is drawn: an outline of some width and style. */
function assertFocusVisible(f: Focused | null, where: string): void {
	assert.ok(f, `${where}: nothing has focus`);
	assert.ok(f.visible, `${where}: focus is on an invisible element ${describeFocus(f)}`);
	assert.ok(f.inViewport, `${where}: the focused element ${describeFocus(f)} is off screen`);
	assert.ok(
		f.outlineStyle !== 'none' && f.outlineWidth > 0,
		`${where}: ${describeFocus(f)} shows no focus outline (outline ${f.outlineStyle} ${f.outlineWidth}px)`
	);
}

/** Presses Tab up to `max` times from the current focus, recording each stop. */
async function tabThrough(
	page: Page,
	max: number,
	until: (f: Focused) => boolean = () => false
): Promise<Focused[]> {
	const stops: Focused[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		if (!f) break; // focus left the document: the end of the page
		stops.push(f);
		if (until(f)) break;
	}
	return stops;
}

describe('keyboard navigation', () => {
	const ctx = useSiteInBrowser();

	test('the first Tab focuses the skip link, and Enter moves focus to <main>', async () => {
		for (const path of [ctx.site.pages.home, ctx.site.pages.article]) {
			await open(ctx.page, ctx.site.url(path));
			await ctx.page.keyboard.press('Tab');
			const skip = await focused(ctx.page);
			assert.equal(skip?.tag, 'a', `${path}: the first Tab focuses ${describeFocus(skip)}`);
			assert.equal(skip.href, '#main', `${path}: the first link is not the skip link`);
			assert.match(skip.text, /skip/i, `${path}: the skip link says "${skip.text}"`);
			assertFocusVisible(skip, `${path}, skip link`);
			await ctx.page.keyboard.press('Enter');
			const main = await focused(ctx.page);
			assert.equal(main?.tag, 'main', `${path}: after Enter, focus is on ${describeFocus(main)}`);
			assert.equal(main.id, 'main');
			// The next Tab continues inside the content, past the header.
			await ctx.page.keyboard.press('Tab');
			const next = await focused(ctx.page);
			assert.ok(
				next?.inMain,
				`${path}: the Tab after the skip link went to ${describeFocus(next)}`
			);
			assertFocusVisible(next, `${path}, first link in <main>`);
		}
	});

	test('Tab reaches the main navigation links and the theme toggle, each visibly focused', async () => {
		await open(ctx.page, ctx.site.url(ctx.site.pages.home));
		const stops = await tabThrough(ctx.page, 40, (f) => f.isToggle);
		const nav = stops.filter((f) => f.inMainNav);
		assert.deepEqual(
			nav.map((f) => f.text),
			['Articles', 'Products', 'Audits', 'Tags'],
			`the main navigation, in Tab order: ${stops.map(describeFocus).join(' → ')}`
		);
		assert.deepEqual(
			nav.map((f) => f.href),
			['/articles/', '/products/', '/audits/', '/tags/']
		);
		for (const f of nav) assertFocusVisible(f, `nav link ${f.text}`);
		const toggle = stops.at(-1);
		assert.ok(toggle?.isToggle, 'Tab never reached the theme toggle');
		assertFocusVisible(toggle, 'theme toggle');
		// The header comes before the content.
		assert.ok(
			stops.every((f) => !f.inMain),
			'Tab reached <main> before the theme toggle'
		);
		// The toggle works from the keyboard too.
		await ctx.page.keyboard.press('Space');
		assert.equal(
			await ctx.page.locator('[data-theme-toggle]').getAttribute('aria-pressed'),
			'true',
			'Space on the theme toggle did not switch to dark'
		);
		await ctx.page.keyboard.press('Enter');
		assert.equal(
			await ctx.page.locator('[data-theme-toggle]').getAttribute('aria-pressed'),
			'false',
			'Enter on the theme toggle did not switch back'
		);
		await ctx.page.evaluate(() => localStorage.clear());
	});

	test('on an article, Tab reaches every product, audit and tag link, each visibly focused', async () => {
		const article = ctx.site.pages.articleWithTerms;
		const expected = termLinksOf(SITE_DIR, article);
		assert.ok(expected.length > 0, `no article in the site is filed under any term (${article})`);
		await open(ctx.page, ctx.site.url(article));
		const remaining = new Set(expected);
		const stops = await tabThrough(ctx.page, 400, (f) => {
			if (f.href) remaining.delete(f.href);
			return remaining.size === 0;
		});
		assert.deepEqual([...remaining], [], `Tab never reached these links on ${article}`);
		for (const f of stops) assertFocusVisible(f, `${article}, ${describeFocus(f)}`);
	});
});
