/** An audit's RSS feed: the newest articles about it, in full. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { buildTime } from '~/environment.ts';
import { getFeedEntries, getSiteData, termFeedPaths } from '~/content.ts';
import { rssOptions, termFeedInfo } from '~/publish/feeds.ts';
import { auditUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';
import { auditDescription } from '~/model/terms.ts';

export const getStaticPaths = (async () => {
	const site = await getSiteData();
	return termFeedPaths(site, site.audits, site.byAudit, 'audit');
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { term: audit, articles } }) => {
	const info = termFeedInfo(SITE, {
		name: audit.title,
		description: auditDescription(audit),
		path: auditUrl(audit.slug),
	});
	return rss(rssOptions(info, await getFeedEntries(articles), buildTime()));
};
