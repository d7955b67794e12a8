/** A tag's RSS feed: the newest articles carrying it, in full. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { buildTime } from '~/environment.ts';
import { getFeedEntries, getSiteData, termFeedPaths } from '~/content.ts';
import { articleCount } from '~/model/articles.ts';
import { rssOptions, termFeedInfo } from '~/publish/feeds.ts';
import { tagUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';

export const getStaticPaths = (async () => {
	const site = await getSiteData();
	return termFeedPaths(site, site.tags, site.byTag, 'tag');
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { term: tag, articles } }) => {
	const info = termFeedInfo(SITE, {
		name: `Tagged “${tag.name}”`,
		description: `${articleCount(tag.count)} tagged ${tag.name}.`,
		path: tagUrl(tag.slug),
	});
	return rss(rssOptions(info, await getFeedEntries(articles), buildTime()));
};
