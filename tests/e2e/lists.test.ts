/**
 * Lists show pictures and products lead to the shop (issue 17, points 3 and 4): every article card
 * whose article has a lead image shows it as a small lazy AVIF/WebP thumbnail in a fixed frame, on
 * the home page below the top story, the article listing, product, audit and tag pages and an
 * article's related articles; every product card shows the product's photo or a tile in the brand
 * colour, never an empty frame; a product page offers its shop page as a button, and the dealer's
 * call-to-action.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { open, useSiteInBrowser } from '../helpers/page.ts';

/** What a list page's article cards show, read in the browser. */
interface CardReport {
	href: string;
	/** Whether the article's own page has a lead image. */
	hasLead: boolean;
	thumb?: { lazy: boolean; avif: boolean; sized: boolean; width: number; ratio: number };
}

describe('pictures in lists', () => {
	const ctx = useSiteInBrowser();

	test('article cards show their lead image as a lazy thumbnail in a fixed 16:10 frame', async (t) => {
		const { pages } = ctx.site;
		const lists = [
			pages.home,
			pages.articles,
			pages.product,
			pages.audit,
			pages.tag,
			pages.article,
		];
		for (const path of lists) {
			await t.test(path, async () => {
				await open(ctx.page, ctx.site.url(path));
				const cards: CardReport[] = await ctx.page.evaluate(async () => {
					const cards = [...document.querySelectorAll('main .article-card:not(.featured)')];
					return Promise.all(
						cards.map(async (card) => {
							const href = card.querySelector('h2 a, h3 a')?.getAttribute('href') ?? '';
							const html = await (await fetch(href)).text();
							const doc = new DOMParser().parseFromString(html, 'text/html');
							const img = card.querySelector<HTMLImageElement>('picture img');
							const box = img?.getBoundingClientRect();
							const avif = card.querySelector('picture source[type="image/avif"]');
							return {
								href,
								hasLead: doc.querySelector('.lead-image img') !== null,
								...(img && box
									? {
											thumb: {
												lazy: img.loading === 'lazy',
												avif: /\s160w,.*\s320w$/.test(avif?.getAttribute('srcset') ?? ''),
												sized: img.hasAttribute('width') && img.hasAttribute('height'),
												width: box.width,
												ratio: box.width / box.height,
											},
										}
									: {}),
							};
						})
					);
				});
				assert.ok(cards.length > 0, `${path} lists no article`);
				assert.ok(
					cards.some((c) => c.hasLead),
					`no article listed on ${path} has a lead image`
				);
				for (const card of cards) {
					if (!card.hasLead) {
						assert.equal(card.thumb, undefined, `${card.href} has no lead image but a picture`);
						continue;
					}
					assert.ok(card.thumb, `${path}: the card of ${card.href} has no thumbnail`);
					assert.ok(card.thumb.lazy, `${card.href}: the thumbnail is not lazy`);
					assert.ok(card.thumb.avif, `${card.href}: no AVIF srcset of 160 and 320 px`);
					assert.ok(card.thumb.sized, `${card.href}: no width and height, so it would shift`);
					assert.ok(card.thumb.width <= 160, `${card.href}: ${card.thumb.width} px wide`);
					assert.ok(
						Math.abs(card.thumb.ratio - 1.6) < 0.02,
						`${card.href}: ratio ${card.thumb.ratio}`
					);
				}
			});
		}
	});
});

describe('the path to the shop', () => {
	const ctx = useSiteInBrowser();

	test('every product card on the home page and /products/ shows a photo or a named brand tile', async () => {
		for (const path of [ctx.site.pages.home, ctx.site.pages.products]) {
			await open(ctx.page, ctx.site.url(path));
			const cards = await ctx.page
				.locator('main .term-card:has(a[href^="/products/"])')
				.evaluateAll((cards) =>
					cards.map((card) => ({
						name: card.querySelector('h2 a')?.textContent?.trim() ?? '',
						photo: card.querySelector('picture img') !== null,
						tile: card.querySelector('.tile')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
						tileBackground: getComputedStyle(card.querySelector('.tile') ?? card).backgroundImage,
					}))
				);
			assert.ok(cards.length > 0, `${path} lists no product`);
			assert.ok(
				cards.some((c) => c.photo),
				`no product card on ${path} has a photo`
			);
			for (const card of cards) {
				if (card.photo) continue;
				assert.ok(
					card.tile.startsWith(card.name),
					`${path}: ${card.name} has neither photo nor tile`
				);
				assert.match(card.tileBackground, /gradient/, `${path}: ${card.name}'s tile is not drawn`);
			}
		}
	});

	test('a product page offers its shop page as a button and shows the call-to-action', async () => {
		await open(ctx.page, ctx.site.url(ctx.site.pages.product));
		const shop = ctx.page.getByRole('link', { name: /in the shop/ });
		assert.equal(await shop.count(), 1, 'no single "in the shop" link');
		const look = await shop.evaluate((a) => {
			const style = getComputedStyle(a);
			const box = a.getBoundingClientRect();
			return {
				host: new URL((a as HTMLAnchorElement).href).host,
				background: style.backgroundColor,
				underline: style.textDecorationLine,
				height: box.height,
			};
		});
		assert.notEqual(
			look.host,
			new URL(ctx.site.server.url).host,
			'the shop link stays on the site'
		);
		assert.notEqual(look.background, 'rgba(0, 0, 0, 0)', 'the shop link has no button background');
		assert.equal(look.underline, 'none', 'the shop link is underlined text');
		assert.ok(look.height >= 44, `the shop button is ${look.height} px tall`);
		const cta = ctx.page.locator('main aside[aria-labelledby="cta-heading"]');
		assert.equal(await cta.count(), 1, 'no call-to-action on the product page');
		assert.ok(await cta.locator('a').first().isVisible());
	});
});
