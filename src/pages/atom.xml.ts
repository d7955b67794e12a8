/** The site feed as Atom 1.0. */
import type { APIRoute } from 'astro';
import { buildTime } from '~/environment.ts';
import { getFeedEntries, getSiteData } from '~/content.ts';
import { atomXml, siteFeedInfo } from '~/publish/feeds.ts';
import { SITE } from '~/site.config.ts';

export const GET: APIRoute = async () => {
	const entries = await getFeedEntries((await getSiteData()).articles);
	return new Response(atomXml(siteFeedInfo(SITE, '/atom.xml'), entries, buildTime()), {
		headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
	});
};
