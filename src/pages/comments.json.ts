/**
 * `/comments.json`: the articles the intake service accepts comments for (and the ids a reply may
 * answer), so the service checks posts against the site as built. See docs/comments.md.
 */
import type { APIRoute } from 'astro';
import { COMMENTS } from '~/comments/site-settings.ts';
import { getSiteData } from '~/content.ts';
import { commentsManifest } from '~/comments/model.ts';

export const GET: APIRoute = async () => {
	const site = await getSiteData();
	const manifest = commentsManifest(site.articles, site.comments, COMMENTS);
	return new Response(JSON.stringify(manifest), {
		headers: { 'Content-Type': 'application/json' },
	});
};
