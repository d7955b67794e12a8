/** The site feed as JSON Feed 1.1. */
import type { APIRoute } from 'astro';
import { getFeedEntries, getSiteData } from '~/content.ts';
import { jsonFeed, siteFeedInfo } from '~/publish/feeds.ts';
import { SITE } from '~/site.config.ts';

export const GET: APIRoute = async () => {
	const entries = await getFeedEntries((await getSiteData()).articles);
	return new Response(
		JSON.stringify(jsonFeed(siteFeedInfo(SITE, '/feed.json'), entries), null, '\t'),
		{
			headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
		}
	);
};
