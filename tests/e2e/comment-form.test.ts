/**
 * The comment form and what surrounds it, as a reader on a phone meets them (issue 17, point 7):
 * required fields say so in their labels, a field is checked when the reader leaves it (the
 * problem shown at the field and announced), the dealer's own replies carry a "Staff" badge, and
 * links and buttons are at least 24×24 px to tap (WCAG 2.5.8). Runs over the built sample site;
 * nothing is sent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SITE } from '../../src/site.config.ts';
import { open, useSiteInBrowser } from '../helpers/page.ts';
import { SITE_DIR, allArticles } from '../helpers/site.ts';

const PHONE = { width: 375, height: 800 };

describe('the comment form and tap targets', () => {
	const ctx = useSiteInBrowser();

	let found: string | undefined;
	/** The first article with a comment form and a published comment by one of the staff. */
	async function articleWithStaffReply(): Promise<string> {
		found ??= await findStaffReply();
		return found;
	}

	async function findStaffReply(): Promise<string> {
		const staff = SITE.comments.staff ?? [];
		assert.ok(staff.length > 0, 'the sample site names no staff');
		for (const path of allArticles(SITE_DIR)) {
			await open(ctx.page, ctx.site.url(path));
			const names = await ctx.page.locator('.comment .by').allTextContents();
			const hasForm = (await ctx.page.locator('[data-comment-form]').count()) > 0;
			if (hasForm && names.some((n) => staff.includes(n.trim()))) return path;
		}
		throw new Error('no sample article has a form and a comment by a staff name');
	}

	test('required fields say so in their labels', async () => {
		await open(ctx.page, ctx.site.url(await articleWithStaffReply()));
		for (const id of ['comment-name', 'comment-email', 'comment-body']) {
			const label = await ctx.page.locator(`label[for="${id}"]`).textContent();
			assert.match(label ?? '', /required/, `the label of #${id} reads "${label?.trim()}"`);
		}
	});

	test('an e-mail address is checked when the reader leaves the field, and the problem announced', async () => {
		await ctx.page.setViewportSize(PHONE);
		await open(ctx.page, ctx.site.url(await articleWithStaffReply()));
		const email = ctx.page.locator('#comment-email');
		await email.fill('not-an-address');
		await ctx.page.keyboard.press('Tab');
		const note = ctx.page.locator('#comment-email-error');
		await note.waitFor({ timeout: 2000 });
		assert.match((await note.textContent()) ?? '', /whole e-mail address/);
		assert.equal(await email.getAttribute('aria-invalid'), 'true');
		assert.match((await email.getAttribute('aria-describedby')) ?? '', /comment-email-error/);
		const status = ctx.page.locator('[data-comment-status]');
		assert.equal(await status.getAttribute('role'), 'status');
		assert.match((await status.textContent()) ?? '', /whole e-mail address/);
		// Correcting it clears the problem as the reader types.
		await email.fill('reader@example.com');
		assert.equal(await note.count(), 0);
		assert.equal(await email.getAttribute('aria-invalid'), null);
		// Tabbing past a field without typing is not an error.
		await ctx.page.locator('#comment-name').focus();
		await ctx.page.keyboard.press('Tab');
		assert.equal(await ctx.page.locator('#comment-name-error').count(), 0);
	});

	test('comments by the staff names carry a "Staff" badge; readers\' do not', async () => {
		await open(ctx.page, ctx.site.url(await articleWithStaffReply()));
		const comments = await ctx.page.locator('.comment').evaluateAll((items) =>
			items.map((c) => ({
				name: c.querySelector('.by')?.textContent?.trim() ?? '',
				badge: c.querySelector('.meta .label')?.textContent?.trim(),
			}))
		);
		for (const c of comments) {
			const staff = SITE.comments.staff?.includes(c.name) ?? false;
			assert.equal(c.badge, staff ? 'Staff' : undefined, `${c.name}'s comment`);
		}
	});

	test('links, buttons and fields outside running text are at least 24×24 px on a phone', async () => {
		await ctx.page.setViewportSize(PHONE);
		const paths = [
			await articleWithStaffReply(),
			ctx.site.pages.home,
			ctx.site.pages.product,
			ctx.site.pages.audit,
			'/search/?q=drone',
		];
		const small: string[] = [];
		for (const path of paths) {
			await open(ctx.page, ctx.site.url(path));
			if (path.startsWith('/search/')) {
				await ctx.page.locator('[data-search-filters] > summary').click();
			}
			const found = await ctx.page.evaluate(() =>
				[
					...document.querySelectorAll(
						'a[href], button, select, input:not([type="hidden"]), textarea, summary'
					),
				]
					// Links inside sentences are exempt (WCAG 2.5.8 "inline"), and so is a card's
					// heading link, whose ::after covers the whole card.
					.filter((el) => !el.closest('.prose, .comment .text, .trap, .term-card h2, p.hint'))
					.filter((el) => el.getClientRects().length > 0 && el.checkVisibility())
					.map((el) => ({ el, box: el.getBoundingClientRect() }))
					// A skip link is 1 px until it is focused.
					.filter(({ box }) => box.width > 1 && (box.width < 24 || box.height < 24))
					.map(
						({ el, box }) =>
							`<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`
					)
			);
			small.push(...found.map((f) => `${path}: ${f}`));
		}
		assert.deepEqual(small, [], `targets under 24×24 px:\n${small.join('\n')}`);
	});
});
