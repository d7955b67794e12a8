/** The Google News sitemap: articles published in the two days before the build, newest first. */
import type { APIRoute } from 'astro';
import { buildTime } from '~/environment.ts';
import { getSiteData } from '~/content.ts';
import { newsArticles, newsSitemapXml } from '~/publish/sitemaps.ts';
import { SITE } from '~/site.config.ts';

export const GET: APIRoute = async () => {
	const articles = newsArticles((await getSiteData()).articles, buildTime());
	const xml = newsSitemapXml(articles, SITE.url, {
		name: SITE.news.publicationName,
		language: SITE.news.language,
	});
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
