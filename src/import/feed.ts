/**
 * Reading another blog's posts for `npm run import`: RSS 2.0 (WordPress `/feed/`), Atom (Shopify
 * `/blogs/<blog>.atom`), WordPress WXR export files and single saved HTML pages, into one shape.
 * XML is read with fast-xml-parser. Pure: the caller reads the files. Every malformed post is
 * reported by file, line and title, all at once, so the author can fix the input and run again.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { hastText } from './html.ts';

/** One post of the old blog, whatever format it came in. */
export interface ImportEntry {
	/** Where it came from, for messages: `blog.atom:12 entry 2 "Title"`. */
	label: string;
	title: string;
	date: Date;
	updated?: Date | undefined;
	author?: string | undefined;
	tags: string[];
	/** Plain-text teaser, when the source has one apart from the body. */
	description?: string | undefined;
	/** The body as HTML. */
	html: string;
	/** The post's old address, absolute when the source gives one. */
	link?: string | undefined;
	/** What relative links and images in the body are relative to: the post's or the blog's address. */
	base?: string | undefined;
	/** The slug the old blog used, when it says (WordPress `post_name`). */
	slug?: string | undefined;
	/** Not published on the old blog (a WordPress draft or pending post). */
	draft: boolean;
}

/** The posts of one file, what was skipped and why, and what was wrong. */
export interface ParsedSource {
	format: 'rss' | 'atom' | 'wxr' | 'html';
	entries: ImportEntry[];
	/** Posts deliberately left out (pages, attachments, trash), one line each. */
	skipped: string[];
	errors: string[];
}

const LISTS = new Set([
	'item',
	'entry',
	'category',
	'link',
	'wp:author',
	'wp:postmeta',
	'wp:category',
	'wp:tag',
]);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	// Feeds use HTML entities (&nbsp;, &rsquo;) without declaring them.
	htmlEntities: true,
	isArray: (name) => LISTS.has(name),
});

type XmlNode = Record<string, unknown>;

function node(value: unknown): XmlNode {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as XmlNode) : {};
}

function list(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The text of an element, whether it has attributes or not. */
function text(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number') return String(value);
	const inner = node(value)['#text'];
	return typeof inner === 'string' ? inner.trim() : '';
}

function attr(value: unknown, name: string): string {
	const v = node(value)[`@_${name}`];
	return typeof v === 'string' ? v.trim() : '';
}

/** Plain text of an HTML fragment (a title or teaser with markup in it). */
export function plainText(html: string): string {
	return hastText(fromHtml(html, { fragment: true }));
}

/** A date as feeds write it: RFC 822 (RSS), ISO 8601 (Atom), `YYYY-MM-DD hh:mm:ss` (WordPress, UTC). */
export function feedDate(raw: string): Date | undefined {
	const value = raw.trim();
	if (!value || value.startsWith('0000-00-00')) return undefined;
	const wordpress = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value);
	const date = new Date(wordpress ? `${wordpress[1]}T${wordpress[2]}Z` : value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The line each `<tag` opening starts on, in order, to name entries by line. */
function lineStarts(xml: string, tag: string): number[] {
	const lines: number[] = [];
	const pattern = new RegExp(`<${tag}[\\s>]`, 'g');
	let line = 1;
	let last = 0;
	for (const match of xml.matchAll(pattern)) {
		for (let i = last; i < match.index; i++) if (xml.charCodeAt(i) === 10) line++;
		last = match.index;
		lines.push(line);
	}
	return lines;
}

/** Everything from a WordPress post's `content:encoded` that its theme would have rendered. */
export function wordpressHtml(content: string): string {
	let html = content
		// [caption]<img …> The caption[/caption], as classic posts write figures.
		.replace(
			/\[caption[^\]]*\]\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)\s*([\s\S]*?)\[\/caption\]/gi,
			'<figure>$1<figcaption>$2</figcaption></figure>'
		)
		.replace(/\[embed\]([\s\S]*?)\[\/embed\]/gi, '<p><a href="$1">$1</a></p>');
	// Classic posts separate paragraphs by blank lines and let the theme add <p> (wpautop).
	if (!/<p[\s>]/i.test(html)) {
		html = html
			.split(/\n\s*\n/)
			.map((block) => block.trim())
			.filter(Boolean)
			.map((block) =>
				/^<(?:figure|table|ul|ol|h[1-6]|blockquote|pre|div|iframe)\b/i.test(block)
					? block
					: `<p>${block.replace(/\n/g, '<br>')}</p>`
			)
			.join('\n');
	}
	return html;
}

/** Strips the "Continue reading" and "[…]" that blogs put at the end of a teaser. */
/**
 * A teaser worth keeping as the description: without the "Continue reading" and "The post …
 * appeared first on …" blogs append, and none at all when it is only the start of the body cut
 * short (the site makes that description itself, from the first paragraph).
 */
function teaser(html: string, body: string): string | undefined {
	const plain = plainText(html)
		.replace(/\s*The post .* appeared first on .*$/i, '')
		.replace(/\s*(Continue reading|Read more)\b.*$/i, '')
		.replace(/\s*(\[(…|\.\.\.)\]|…|\.\.\.)$/u, '')
		.trim();
	if (!plain || plainText(body).startsWith(plain)) return undefined;
	return plain;
}

function entryProblems(
	label: string,
	title: string,
	dateRaw: string,
	date: Date | undefined,
	errors: string[]
): boolean {
	const before = errors.length;
	if (!title) errors.push(`${label}: has no title`);
	if (!date)
		errors.push(
			dateRaw
				? `${label}: the date "${dateRaw}" cannot be read`
				: `${label}: has no date (pubDate, published or wp:post_date_gmt)`
		);
	return errors.length === before;
}

function rss(xml: string, file: string, channel: XmlNode, wxr: boolean): ParsedSource {
	const out: ParsedSource = { format: wxr ? 'wxr' : 'rss', entries: [], skipped: [], errors: [] };
	const base =
		text(channel['wp:base_blog_url']) ||
		text(channel['wp:base_site_url']) ||
		text(list(channel['link'])[0]);
	const authors = new Map<string, string>();
	for (const author of list(channel['wp:author'])) {
		const login = text(node(author)['wp:author_login']);
		const name = text(node(author)['wp:author_display_name']);
		if (login && name) authors.set(login, name);
	}
	const lines = lineStarts(xml, 'item');
	list(channel['item']).forEach((raw, index) => {
		const item = node(raw);
		const title = plainText(text(item['title']));
		const label = `${file}:${lines[index] ?? 1} item ${index + 1}${title ? ` "${title}"` : ''}`;
		if (wxr) {
			const type = text(item['wp:post_type']) || 'post';
			const status = text(item['wp:status']) || 'publish';
			if (type !== 'post' || ['trash', 'auto-draft', 'inherit'].includes(status)) {
				out.skipped.push(`${label}: a WordPress ${type} (${status}), not a post`);
				return;
			}
		}
		const dateRaw = wxr
			? ([text(item['wp:post_date_gmt']), text(item['pubDate']), text(item['wp:post_date'])].find(
					(d) => feedDate(d)
				) ?? text(item['pubDate']))
			: text(item['pubDate']) || text(item['dc:date']);
		const date = feedDate(dateRaw);
		if (!entryProblems(label, title, dateRaw, date, out.errors) || !date) return;
		const content = text(item['content:encoded']);
		const description = text(item['description']);
		const excerpt = text(item['excerpt:encoded']);
		const creator = text(item['dc:creator']) || text(item['author']);
		const categories = list(item['category'])
			.map((c) => plainText(text(c)))
			.filter((c) => c && c !== 'Uncategorized');
		const status = text(item['wp:status']);
		const updated = feedDate(text(item['wp:post_modified_gmt']));
		out.entries.push({
			label,
			title,
			date,
			updated: updated && updated > date ? updated : undefined,
			author: authors.get(creator) ?? (creator || undefined),
			tags: [...new Set(categories)],
			description: wxr
				? excerpt
					? teaser(excerpt, content)
					: undefined
				: content
					? teaser(description, content)
					: undefined,
			html: wxr ? wordpressHtml(content) : content || description,
			link: resolveLink(text(list(item['link'])[0]) || guidLink(item['guid']), base),
			base:
				resolveLink(text(list(item['link'])[0]) || guidLink(item['guid']), base) ??
				(base || undefined),
			slug: wxr ? safeDecode(text(item['wp:post_name'])) || undefined : undefined,
			draft: wxr && !['publish', 'future', ''].includes(status),
		});
	});
	return out;
}

function guidLink(guid: unknown): string {
	return attr(guid, 'isPermaLink') === 'false' ? '' : text(guid);
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

function resolveLink(link: string, base: string): string | undefined {
	if (!link) return undefined;
	try {
		return new URL(link, base || undefined).href;
	} catch {
		return undefined;
	}
}

function atom(xml: string, file: string, feed: XmlNode): ParsedSource {
	const out: ParsedSource = { format: 'atom', entries: [], skipped: [], errors: [] };
	const alternate = (links: unknown) =>
		list(links).find((l) => ['', 'alternate'].includes(attr(l, 'rel')) && attr(l, 'href'));
	const base = attr(alternate(feed['link']), 'href');
	const lines = lineStarts(xml, 'entry');
	list(feed['entry']).forEach((raw, index) => {
		const entry = node(raw);
		const titleType = attr(entry['title'], 'type');
		const titleText = text(entry['title']);
		const title = titleType === 'html' ? plainText(titleText) : titleText.replace(/\s+/g, ' ');
		const label = `${file}:${lines[index] ?? 1} entry ${index + 1}${title ? ` "${title}"` : ''}`;
		const dateRaw = text(entry['published']) || text(entry['updated']);
		const date = feedDate(dateRaw);
		if (!entryProblems(label, title, dateRaw, date, out.errors) || !date) return;
		const content = entry['content'] ?? entry['summary'];
		const type = attr(content, 'type') || 'text';
		if (type === 'xhtml') {
			out.errors.push(`${label}: XHTML content is not supported; export the blog as HTML content`);
			return;
		}
		const body = text(content);
		const updated = feedDate(text(entry['updated']));
		const summary = entry['content'] !== undefined ? text(entry['summary']) : '';
		out.entries.push({
			label,
			title,
			date,
			updated: updated && updated > date ? updated : undefined,
			author: text(node(entry['author'])['name']) || undefined,
			tags: [
				...new Set(
					list(entry['category'])
						.map((c) => attr(c, 'label') || attr(c, 'term'))
						.filter(Boolean)
				),
			],
			description: summary ? teaser(summary, body) : undefined,
			html: type === 'html' ? body : escapeText(body),
			link: resolveLink(attr(alternate(entry['link']), 'href'), base),
			base: resolveLink(attr(alternate(entry['link']), 'href'), base) ?? (base || undefined),
			draft: false,
		});
	});
	return out;
}

function escapeText(value: string): string {
	return value
		.split(/\n\s*\n/)
		.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
		.join('');
}

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
function htmlPage(source: string, file: string): ParsedSource {
	const out: ParsedSource = { format: 'html', entries: [], skipped: [], errors: [] };
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
	if (!entryProblems(label, title, dateRaw, date, out.errors) || !date) return out;
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
		draft: false,
	});
	return out;
}

/**
 * The posts of one file: an RSS or Atom feed, a WordPress export (WXR) or an HTML page. `file` is
 * its name for messages.
 */
export function parseSource(source: string, file: string): ParsedSource {
	const start = source.replace(/^\uFEFF/, '').trimStart();
	if (/^(<!doctype html|<html)/i.test(start)) return htmlPage(source, file);
	const failed = (error: string): ParsedSource => ({
		format: 'rss',
		entries: [],
		skipped: [],
		errors: [error],
	});
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		return failed(
			`${file}:${valid.err.line}:${valid.err.col}: the XML is malformed: ${valid.err.msg}`
		);
	}
	const doc = node(parser.parse(source));
	const rssRoot = node(doc['rss']);
	if (doc['rss'] !== undefined) {
		const channel = node(rssRoot['channel']);
		const wxr = Object.keys(rssRoot).some((k) => k === '@_xmlns:wp') || 'wp:wxr_version' in channel;
		return rss(source, file, channel, wxr);
	}
	if (doc['feed'] !== undefined) return atom(source, file, node(doc['feed']));
	const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
	return failed(
		`${file}: not an RSS or Atom feed, a WordPress export or an HTML page (its root element is <${root}>)`
	);
}
