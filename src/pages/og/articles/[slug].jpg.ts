/** Each article's social image (1200×630 JPEG), at /og/articles/<slug>.jpg. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSiteData } from '~/content.ts';
import { articleCard } from '~/lib/social-image.ts';
import { SITE } from '~/site.config.ts';
import { socialImage, sourceFileOf } from '~/social-images.ts';

export const getStaticPaths = (async () =>
	(await getSiteData()).articles.map((article) => ({
		params: { slug: article.slug },
		props: { article },
	}))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { article } }) => {
	const lead = article.image ? sourceFileOf(article.image) : undefined;
	const jpeg = await socialImage(articleCard(article, SITE), lead);
	return new Response(new Uint8Array(jpeg), { headers: { 'Content-Type': 'image/jpeg' } });
};
