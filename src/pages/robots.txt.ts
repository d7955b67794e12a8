/** robots.txt: crawl everything, and here are the sitemaps. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '~/publish/sitemaps.ts';
import { absoluteUrl } from '~/model/urls.ts';
import { SITE } from '~/site.config.ts';

export const GET: APIRoute = () =>
	new Response(
		robotsTxt([
			absoluteUrl(SITE.url, '/sitemap-index.xml'),
			absoluteUrl(SITE.url, '/news-sitemap.xml'),
		]),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } }
	);
