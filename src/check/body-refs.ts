/**
 * The images and links an article body contains, with their line and column in the file, so the
 * content checker can point at an image without alt text or a link to a page that does not exist.
 * The check runs in every build, so this is a linear scan, not a Markdown parse (which costs
 * about 4 ms per article): code blocks, code spans, HTML comments and backslash escapes are blanked
 * out first, so their contents are never mistaken for links, then inline and reference images and
 * links, link definitions, autolinks and raw HTML `<img>` and `<a href>` (which MDX and pasted
 * HTML use) are matched. Only a body with an indented line that may hold one is parsed, since
 * telling an indented code block from an indented paragraph or list item takes Markdown's rules.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isPageNumber } from '../model/urls.ts';

/** An image or a link in a body, positioned in the whole file (1-based line and column). */
export interface BodyRef {
	kind: 'image' | 'link';
	url: string;
	/** Alternative text of an image; `undefined` when an HTML `<img>` has no `alt` attribute. */
	alt?: string | undefined;
	/** True for an HTML `<img>` tag, which Astro publishes as written (no file is copied). */
	html?: boolean;
	line: number;
	column: number;
}

/** A body with none of these has no image or link, and needs no scan. */
const MAY_HAVE_REFS = /\]|<img|<a\s|<https?:/i;
const IMG_TAG = /<img\b[^>]*>/gi;
const A_TAG = /<a\b[^>]*>/gi;
/** Bracketed text, allowing one level of nested brackets (`[![alt](src)](href)`). */
const TEXT = String.raw`\[((?:[^\[\]\n]|\n(?!\s*\n)|\[[^\[\]]*\])*)\]`;
/** A link destination: `<…>`, or anything without spaces, allowing balanced parentheses. */
const DESTINATION = String.raw`(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)`;
const TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?`;
const INLINE = new RegExp(`(!?)${TEXT}\\(\\s*${DESTINATION}?${TITLE}\\s*\\)`, 'g');
const REFERENCE = new RegExp(`(!?)${TEXT}(?:\\[([^\\[\\]]*)\\])?`, 'g');
/** A link reference definition; `[^1]:` is a footnote, not a link. */
const DEFINITION = /^ {0,3}\[([^[\]^][^[\]]*)\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)/gm;
const AUTOLINK = /<(https?:\/\/[^\s<>]+)>/gi;
const FENCE = /^([ \t>]*)(`{3,}|~{3,})/;

/** The value of an HTML attribute, `undefined` when it is absent; `{…}` (an MDX expression) as is. */
export function attributeOf(tag: string, name: string): string | undefined {
	const match = new RegExp(
		`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|(\\{[^}]*\\})|([^\\s>]+))`,
		'i'
	).exec(tag);
	if (!match) return new RegExp(`\\s${name}(?=[\\s/>])`, 'i').test(tag) ? '' : undefined;
	return match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
}

/** Replaces every character of `text` but line breaks with a space, keeping offsets. */
function blank(text: string): string {
	return text.replace(/[^\n]/g, ' ');
}

/**
 * `body` with fenced code blocks, code spans, HTML comments and backslash-escaped characters
 * blanked out, every other character (and so every offset) unchanged.
 */
export function maskCode(body: string): string {
	const lines = body.split('\n');
	let fence: { char: string; length: number } | undefined;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] ?? '';
		const match = FENCE.exec(line);
		if (fence) {
			const closes =
				match?.[2]?.[0] === fence.char &&
				match[2].length >= fence.length &&
				!line.slice(match[0].length).trim();
			lines[i] = blank(line);
			if (closes) fence = undefined;
		} else if (match?.[2]) {
			fence = { char: match[2][0] ?? '`', length: match[2].length };
			lines[i] = blank(line);
		}
	}
	return (
		lines
			.join('\n')
			.replace(/<!--[\s\S]*?-->/g, blank)
			.replace(/\\[!-/:-@[-`{-~]/g, '  ')
			// A code span: a run of backticks up to the next run of the same length, within a paragraph.
			.replace(/(`+)(?:(?!\n\s*\n)[\s\S])*?(?<!`)\1(?!`)/g, blank)
	);
}

/** A line indented as code is (four spaces or a tab) with something an image or a link starts with. */
const INDENTED_REF = /^(?: {4}|\t)[^\n]*?(?:\]|<img|<a\s|<https?:)/im;

interface MarkdownNode {
	type: string;
	position?: { start: { offset?: number }; end: { offset?: number } };
	children?: MarkdownNode[];
}

/**
 * `text`, the masked `body`, with Markdown's indented code blocks blanked too: a how-to shows
 * Markdown that way (`    ![A diagram](./diagram.png)`), and its image is text, not a file to find.
 * Whether an indented line is code or a paragraph's or a list item's takes Markdown's block rules,
 * so a body with such a line is parsed (CommonMark, by mdast's parser); the rest are not.
 */
function maskIndentedCode(text: string, body: string): string {
	if (!INDENTED_REF.test(text)) return text;
	const ranges: [number, number][] = [];
	const walk = (node: MarkdownNode) => {
		const { start, end } = node.position ?? { start: {}, end: {} };
		if (node.type === 'code' && start.offset !== undefined && end.offset !== undefined) {
			ranges.push([start.offset, end.offset]);
		}
		node.children?.forEach(walk);
	};
	walk(fromMarkdown(body));
	let masked = text;
	for (const [from, to] of ranges) {
		masked = masked.slice(0, from) + blank(masked.slice(from, to)) + masked.slice(to);
	}
	return masked;
}

function normalizeLabel(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function destination(raw: string | undefined): string {
	const value = raw ?? '';
	return value.startsWith('<') ? value.slice(1, -1) : value;
}

/**
 * Every image and link in `body`. `firstLine` is the file line the body starts on, so positions
 * point into the file, not the body. MDX has no indented code blocks: an indented line of an MDX
 * body (`mdx`) is read as any other.
 */
export function bodyRefs(body: string, firstLine: number, { mdx = false } = {}): BodyRef[] {
	if (!MAY_HAVE_REFS.test(body)) return [];
	const text = mdx ? maskCode(body) : maskIndentedCode(maskCode(body), body);
	const lineStarts = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
	const at = (offset: number) => {
		let lo = 0;
		let hi = lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: firstLine + lo, column: offset - (lineStarts[lo] ?? 0) + 1 };
	};
	const refs: BodyRef[] = [];
	// Characters already part of a definition or an inline link, which a reference cannot start in.
	const taken = new Uint8Array(text.length);
	const take = (from: number, length: number) => taken.fill(1, from, from + length);

	const definitions = new Map<string, string>();
	for (const match of text.matchAll(DEFINITION)) {
		const url = destination(match[2]);
		const label = normalizeLabel(match[1] ?? '');
		if (!definitions.has(label)) definitions.set(label, url);
		const start = match.index + match[0].indexOf('[');
		refs.push({ kind: 'link', url, ...at(start) });
		take(match.index, match[0].length);
	}
	for (const match of text.matchAll(INLINE)) {
		const image = match[1] === '!';
		const url = destination(match[3]);
		refs.push(
			image
				? { kind: 'image', url, alt: (match[2] ?? '').trim(), ...at(match.index) }
				: { kind: 'link', url, ...at(match.index) }
		);
		// The text of a link may hold an image (`[![alt](src)](href)`).
		if (!image) {
			const inner = match[2] ?? '';
			for (const nested of inner.matchAll(INLINE)) {
				if (nested[1] !== '!') continue;
				const offset = match.index + 1 + nested.index;
				refs.push({
					kind: 'image',
					url: destination(nested[3]),
					alt: (nested[2] ?? '').trim(),
					...at(offset),
				});
			}
		}
		take(match.index, match[0].length);
	}
	for (const match of text.matchAll(REFERENCE)) {
		if (taken[match.index]) continue;
		if (text[match.index + match[0].length] === '(' || text[match.index + match[0].length] === ':')
			continue;
		// A reference link's address is checked once, at its definition; an image needs its alt.
		if (match[1] !== '!') continue;
		const label = normalizeLabel(match[3] || (match[2] ?? ''));
		const url = definitions.get(label);
		// `![text]` without a definition is just text.
		if (url === undefined) continue;
		refs.push({ kind: 'image', url, alt: (match[2] ?? '').trim(), ...at(match.index) });
	}
	for (const match of text.matchAll(AUTOLINK)) {
		refs.push({ kind: 'link', url: match[1] ?? '', ...at(match.index) });
	}
	for (const match of text.matchAll(IMG_TAG)) {
		const tag = match[0];
		refs.push({
			kind: 'image',
			url: attributeOf(tag, 'src') ?? '',
			alt: attributeOf(tag, 'alt'),
			html: true,
			...at(match.index),
		});
	}
	for (const match of text.matchAll(A_TAG)) {
		const href = attributeOf(match[0], 'href');
		if (href !== undefined) refs.push({ kind: 'link', url: href, ...at(match.index) });
	}
	return refs.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A page of the site that a link points at. */
export interface SiteTarget {
	kind: 'article' | 'product' | 'audit' | 'tag';
	slug: string;
}

const TERM_PATH = /^\/(articles|products|audits|tags)\/([^/]+)(?:\/(?:\d+\/?)?)?$/;
const KINDS = {
	articles: 'article',
	products: 'product',
	audits: 'audit',
	tags: 'tag',
} as const;

/**
 * The article, product, audit or tag page that `url` points at, when it points at one: a path
 * (`/articles/x/`) or an address on the site itself (`siteUrl`). Page numbers of listings
 * (`/articles/2/`) and every other address give `undefined`.
 */
export function siteTarget(url: string, siteUrl?: string): SiteTarget | undefined {
	let path = url.trim();
	if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) {
		if (!siteUrl || !URL.canParse(path)) return undefined;
		const parsed = new URL(path, siteUrl);
		if (parsed.origin !== new URL(siteUrl).origin) return undefined;
		path = parsed.pathname;
	}
	path = path.replace(/[?#].*$/, '');
	const match = TERM_PATH.exec(path);
	if (!match) return undefined;
	const [, folder, raw] = match;
	let slug = raw ?? '';
	try {
		slug = decodeURIComponent(slug);
	} catch {
		// A malformed escape cannot name any page; compare it as written.
	}
	if (folder === 'articles' && isPageNumber(slug)) return undefined;
	return { kind: KINDS[folder as keyof typeof KINDS], slug };
}
