/**
 * `astro dev` only (injected by `search-index.ts` at `DOCUMENTS_PATH`): hands the dev search index
 * every article as the document it indexes, made from the content (`getSearchDocuments`). One
 * request replaces rendering every article page (1.5–2.6 s each in dev at 1,000 articles).
 */
import type { APIRoute } from 'astro';
import { getSearchDocuments } from '../content.ts';
import { contentVersion } from '../content-events.ts';

export const GET: APIRoute = async () => {
	// The version first: a change arriving while the documents are made is seen as a change.
	const version = contentVersion();
	const documents = await getSearchDocuments();
	return new Response(JSON.stringify({ version, documents }), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
	});
};
