/** A tag's RSS feed: the newest articles carrying it, in full. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { buildTime } from '~/environment.ts';
import { feedKey, getFeedEntries, getSiteData } from '~/content.ts';
import { articleCount } from '~/model/articles.ts';
import { rssOptions, termFeedInfo } from '~/publish/feeds.ts';
import { tagUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';

export const getStaticPaths = (async () => {
	const site = await getSiteData();
	return site.tags.map((tag) => {
		const articles = site.byTag.get(tag.slug) ?? [];
		return {
			params: { tag: tag.slug },
			props: { tag, articles },
			cacheKey: feedKey(site, tag, articles),
		};
	});
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { tag, articles } }) => {
	const info = termFeedInfo(SITE, {
		name: `Tagged “${tag.name}”`,
		description: `${articleCount(tag.count)} tagged ${tag.name}.`,
		path: tagUrl(tag.slug),
	});
	return rss(rssOptions(info, await getFeedEntries(articles), buildTime()));
};
