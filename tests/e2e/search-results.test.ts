/**
 * What a search result says (issue 17, point 5): it leads with the article's description, and the
 * excerpt of where the words were found is whole sentences (or says "…" where it is cut) and does
 * not repeat the headline. Runs over the built sample site.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useSiteInBrowser } from '../helpers/page.ts';

describe('search results', () => {
	const ctx = useSiteInBrowser();

	test('lead with the description; excerpts are whole sentences that do not repeat the headline', async () => {
		await ctx.page.goto(ctx.site.url('/search/?q=encryption'));
		await ctx.page.waitForSelector('[data-search-results] li');
		const results = await ctx.page.locator('[data-search-results] > li').evaluateAll((items) =>
			Promise.all(
				items.map(async (li) => {
					const link = li.querySelector<HTMLAnchorElement>('h3 a');
					const html = await (await fetch(link?.href ?? '')).text();
					const doc = new DOMParser().parseFromString(html, 'text/html');
					return {
						url: link?.getAttribute('href'),
						title: link?.textContent?.trim() ?? '',
						description: li.querySelector('.description')?.textContent ?? null,
						expected: doc.querySelector('meta[name="description"]')?.getAttribute('content'),
						excerpt: li.querySelector('.excerpt')?.textContent?.trim(),
					};
				})
			)
		);
		assert.ok(results.length > 0, 'no results');
		for (const r of results) {
			assert.equal(r.description, r.expected, `${r.url}: the result's description`);
			if (!r.excerpt) continue;
			assert.match(
				r.excerpt,
				/^(…|[\p{Lu}\p{N}“‘"'(])/u,
				`${r.url}: "${r.excerpt}" starts mid-sentence`
			);
			assert.match(r.excerpt, /([.!?…][’”)\]]?)$/, `${r.url}: "${r.excerpt}" stops mid-sentence`);
			const head = r.title.split(/\s+/).slice(-4).join(' ');
			assert.ok(!r.excerpt.includes(head), `${r.url}: "${r.excerpt}" repeats the headline`);
		}
	});
});
