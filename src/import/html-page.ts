/**
 * A single saved HTML page of a post, for `npm run import`: its title, date, address and body.
 * Pure: the caller reads the file.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { hastText } from './html.ts';
import { entryProblems, feedDate, resolveLink, type ParsedSource } from './entry.ts';

function metaContent(root: Root, attribute: string, value: string): string[] {
	const found: string[] = [];
	const walk = (n: Root | Element) => {
		for (const c of n.children) {
			if (c.type !== 'element') continue;
			if (c.tagName === 'meta' && c.properties[attribute] === value) {
				const content = c.properties['content'];
				if (typeof content === 'string' && content.trim()) found.push(content.trim());
			}
			walk(c);
		}
	};
	walk(root);
	return found;
}

function firstElement(root: Root | Element, test: (e: Element) => boolean): Element | undefined {
	for (const c of root.children) {
		if (c.type !== 'element') continue;
		if (test(c)) return c;
		const found = firstElement(c, test);
		if (found) return found;
	}
	return undefined;
}

/**
 * A saved HTML page of a post: title (`og:title`, `<h1>` or `<title>`), date
 * (`article:published_time` or the first `<time datetime>`), address (canonical link) and body
 * (`<article>`, `<main>` or `<body>`, without its headline).
 */
export function htmlPage(source: string, file: string): ParsedSource {
	const out: ParsedSource = { format: 'html', entries: [], skipped: [], warnings: [], errors: [] };
	const root = fromHtml(source);
	const h1 = firstElement(root, (e) => e.tagName === 'h1');
	const titleElement = firstElement(root, (e) => e.tagName === 'title');
	const title =
		metaContent(root, 'property', 'og:title')[0] ??
		(h1 ? hastText(h1) : undefined) ??
		(titleElement ? hastText(titleElement) : '');
	const time = firstElement(root, (e) => e.tagName === 'time' && 'dateTime' in e.properties);
	const dateRaw =
		metaContent(root, 'property', 'article:published_time')[0] ??
		String(time?.properties['dateTime'] ?? '');
	const date = feedDate(dateRaw);
	const label = `${file}${title ? ` "${title}"` : ''}`;
	if (!title) out.errors.push(`${label}: has no title (og:title, <h1> or <title>)`);
	if (!entryProblems(label, dateRaw, date, out.errors) || !date || !title) return out;
	const canonical = firstElement(
		root,
		(e) =>
			e.tagName === 'link' &&
			Array.isArray(e.properties['rel']) &&
			e.properties['rel'].includes('canonical')
	);
	const link =
		(typeof canonical?.properties['href'] === 'string' ? canonical.properties['href'] : '') ||
		metaContent(root, 'property', 'og:url')[0];
	const body =
		firstElement(root, (e) => e.tagName === 'article') ??
		firstElement(root, (e) => e.tagName === 'main') ??
		firstElement(root, (e) => e.tagName === 'body');
	// The headline is the article's title, shown by the site: not again in the body.
	const children = (body?.children ?? []).filter((c) => c !== h1);
	const updated = feedDate(metaContent(root, 'property', 'article:modified_time')[0] ?? '');
	const description = metaContent(root, 'name', 'description')[0];
	out.entries.push({
		label,
		title,
		date,
		updated: updated && updated > date ? updated : undefined,
		author: metaContent(root, 'name', 'author')[0],
		tags: [...new Set(metaContent(root, 'property', 'article:tag'))],
		description,
		// Back to HTML for the converter, which parses and sanitises it like a feed's.
		html: toHtml(children),
		link: link ? resolveLink(link, '') : undefined,
		base: link ? resolveLink(link, '') : undefined,
		// A saved page is its own site: its canonical address is all there is to go by.
		site: link ? resolveLink(link, '') : undefined,
		draft: false,
	});
	return out;
}
