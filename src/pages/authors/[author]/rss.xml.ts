/** An author's RSS feed: their newest articles, in full. */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { buildTime } from '~/environment.ts';
import { getFeedEntries, getSiteData, termFeedPaths } from '~/content.ts';
import { rssOptions, termFeedInfo } from '~/publish/feeds.ts';
import { authorUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';

export const getStaticPaths = (async () => {
	const site = await getSiteData();
	return termFeedPaths(site, site.authors, site.byAuthor, 'author');
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props: { term: author, articles } }) => {
	const info = termFeedInfo(SITE, {
		name: author.name,
		description: `Articles by ${author.name}.`,
		path: authorUrl(author.slug),
	});
	return rss(rssOptions(info, await getFeedEntries(articles), buildTime()));
};
