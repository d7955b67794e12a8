/**
 * Reading another blog's posts for `npm run import`: RSS 2.0 (WordPress `/feed/`), Atom (Shopify
 * `/blogs/<blog>.atom`), WordPress WXR export files and single saved HTML pages, into one shape.
 * XML is read with fast-xml-parser. Pure: the caller reads the files. Every malformed post is
 * reported by file, line and title, all at once, so the author can fix the input and run again.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
	entryProblems,
	feedDate,
	plainText,
	resolveLink,
	untitledTitle,
	type ImportEntry,
	type ParsedSource,
} from './entry.ts';
import { htmlPage } from './html-page.ts';
import { entityDeclarationProblems, positionOf } from './source-text.ts';

export { feedDate, plainText, type ImportEntry, type ParsedSource };

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

function rss(xml: string, file: string, channel: XmlNode, wxr: boolean): ParsedSource {
	const out: ParsedSource = {
		format: wxr ? 'wxr' : 'rss',
		entries: [],
		skipped: [],
		warnings: [],
		errors: [],
	};
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
		const titled = plainText(text(item['title']));
		const label = `${file}:${lines[index] ?? 1} item ${index + 1}${titled ? ` "${titled}"` : ''}`;
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
		if (!entryProblems(label, dateRaw, date, out.errors) || !date) return;
		const content = text(item['content:encoded']);
		const description = text(item['description']);
		const title = titled || untitledTitle(content || description, date);
		if (!titled) out.warnings.push(`${label}: has no title; imported as "${title}": write one`);
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
			site: base || undefined,
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

function atom(xml: string, file: string, feed: XmlNode): ParsedSource {
	const out: ParsedSource = { format: 'atom', entries: [], skipped: [], warnings: [], errors: [] };
	const alternate = (links: unknown) =>
		list(links).find((l) => ['', 'alternate'].includes(attr(l, 'rel')) && attr(l, 'href'));
	const base = attr(alternate(feed['link']), 'href');
	const lines = lineStarts(xml, 'entry');
	list(feed['entry']).forEach((raw, index) => {
		const entry = node(raw);
		const titleType = attr(entry['title'], 'type');
		const titleText = text(entry['title']);
		const titled = titleType === 'html' ? plainText(titleText) : titleText.replace(/\s+/g, ' ');
		const label = `${file}:${lines[index] ?? 1} entry ${index + 1}${titled ? ` "${titled}"` : ''}`;
		const dateRaw = text(entry['published']) || text(entry['updated']);
		const date = feedDate(dateRaw);
		if (!entryProblems(label, dateRaw, date, out.errors) || !date) return;
		const content = entry['content'] ?? entry['summary'];
		const title = titled || untitledTitle(text(content), date);
		if (!titled) out.warnings.push(`${label}: has no title; imported as "${title}": write one`);
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
			site: base || undefined,
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
		warnings: [],
		errors: [error],
	});
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		return failed(
			`${file}:${valid.err.line}:${valid.err.col}: the XML is malformed: ${valid.err.msg}`
		);
	}
	const refused = entityDeclarationProblems(source, file);
	if (refused.length) return { ...failed(''), errors: refused };
	let parsed: unknown;
	try {
		parsed = parser.parse(source);
	} catch (error) {
		const message = (error as Error).message;
		const doctype = /<!DOCTYPE/i.exec(source);
		const at = doctype ? positionOf(source, doctype.index) : { line: 1, column: 1 };
		return failed(
			/entit/i.test(message)
				? `${file}:${at.line}:${at.column}: its entities expand past what the import reads (${message}); remove the <!ENTITY …> declarations from the DOCTYPE`
				: `${file}:${at.line}:${at.column}: the XML cannot be read: ${message}`
		);
	}
	const doc = node(parsed);
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
