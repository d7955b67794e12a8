/** The social image of every page that is not an article (1200×630 JPEG), at /og/site.jpg. */
import type { APIRoute } from 'astro';
import { siteCard } from '~/publish/social-card.ts';
import { SITE } from '~/site.config.ts';
import { socialImage } from '~/publish/social-card-images.ts';

export const GET: APIRoute = async () =>
	new Response(new Uint8Array(await socialImage(siteCard(SITE))), {
		headers: { 'Content-Type': 'image/jpeg' },
	});
