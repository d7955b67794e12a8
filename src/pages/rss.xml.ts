/** The site's RSS feed: the newest articles in full. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildTime } from '~/environment.ts';
import { getFeedEntries, getSiteData } from '~/content.ts';
import { rssOptions, siteFeedInfo } from '~/publish/feeds.ts';
import { rssUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';

export const GET: APIRoute = async () => {
	const entries = await getFeedEntries((await getSiteData()).articles);
	return rss(rssOptions(siteFeedInfo(SITE, rssUrl()), entries, buildTime()));
};
