/**
 * The end of an article (issue 17, point 6): related articles come before the comments, and they
 * leave out the two articles Previous and Next already link to. Checked on every article of the
 * built site, at 375 px.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { open, useSiteInBrowser } from '../helpers/page.ts';
import { SITE_DIR, allArticles } from '../helpers/site.ts';

describe('the end of an article', () => {
	const ctx = useSiteInBrowser();

	test('related articles come before the comments and repeat neither Previous nor Next', async () => {
		await ctx.page.setViewportSize({ width: 375, height: 800 });
		let withBoth = 0;
		try {
			for (const path of allArticles(SITE_DIR)) {
				await open(ctx.page, ctx.site.url(path));
				const end = await ctx.page.evaluate(() => {
					const related = document.querySelector('section[aria-labelledby="related-heading"]');
					const comments = document.querySelector('#comments');
					const hrefs = (root: Element | null) =>
						[...(root?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href'));
					return {
						related: related ? hrefs(related.querySelector('ol')) : [],
						prevNext: hrefs(document.querySelector('nav[aria-label="Previous and next articles"]')),
						relatedTop: related?.getBoundingClientRect().top,
						commentsTop: comments?.getBoundingClientRect().top,
					};
				});
				const repeated = end.related.filter((href) => end.prevNext.includes(href));
				assert.deepEqual(repeated, [], `${path}: related articles repeat Previous/Next`);
				if (end.relatedTop === undefined || end.commentsTop === undefined) continue;
				withBoth++;
				assert.ok(
					end.relatedTop < end.commentsTop,
					`${path}: related articles start at ${end.relatedTop} px, below the comments at ${end.commentsTop} px`
				);
			}
		} finally {
			await ctx.page.setViewportSize({ width: 1280, height: 900 });
		}
		assert.ok(withBoth > 0, 'no article has both related articles and comments');
	});
});
