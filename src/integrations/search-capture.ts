/**
 * Build-time middleware of the search index: hands every article page to Pagefind as soon as it is
 * rendered. Pagefind indexes in its own process, so the index grows on the second core while Astro
 * renders the remaining pages, instead of after the build has written them all. Added by
 * `search-index.ts` for `astro build` only; the two meet through a global, since the middleware
 * runs in the bundle Astro builds and the integration does not.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the integration leaves the function that takes a rendered page. */
export const PAGE_SINK = Symbol.for('hangar.search-index.add-page');

/** Takes every rendered HTML page: its URL path and HTML. */
export type PageSink = (url: string, html: string) => void;

/** Passes each rendered HTML page to the search index, and on unchanged. */
export const onRequest: MiddlewareHandler = async (context, next) => {
	const response = await next();
	const sink = (globalThis as { [PAGE_SINK]?: PageSink })[PAGE_SINK];
	if (!sink || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	// The bytes go back out as they came, so the page is not encoded a second time.
	const bytes = await response.arrayBuffer();
	sink(context.url.pathname, new TextDecoder().decode(bytes));
	return new Response(bytes, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers,
	});
};
