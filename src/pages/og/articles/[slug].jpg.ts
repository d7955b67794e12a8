/**
 * The social image (1200×630 JPEG) of each of the newest `SITE.socialCards` articles, at
 * /og/articles/<slug>.jpg.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSiteData } from '~/content.ts';
import { articleCard } from '~/publish/social-card.ts';
import { SITE } from '~/site.config.ts';
import {
	prepareSocialImages,
	socialImage,
	socialImageKey,
	sourceFileOf,
} from '~/publish/social-card-images.ts';

export const getStaticPaths = (async () => {
	const site = await getSiteData();
	const cards = site.articles
		.filter((article) => site.cardSlugs.has(article.slug))
		.map((article) => ({
			article,
			card: articleCard(article, SITE),
			...(article.image ? { leadFile: sourceFileOf(article.image) } : {}),
		}));
	// A build asks for every route's paths before it renders the first page: the cards are drawn
	// in worker threads from now on, beside the pages, and are ready when this route's turn comes.
	if (!import.meta.env.DEV) prepareSocialImages(cards);
	return Promise.all(
		cards.map(async ({ article, card, leadFile }) => ({
			params: { slug: article.slug },
			props: { article },
			cacheKey: await socialImageKey(card, leadFile),
		}))
	);
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
	const lead = article.image ? sourceFileOf(article.image) : undefined;
	const jpeg = await socialImage(articleCard(article, SITE), lead);
	return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg' } });
};
