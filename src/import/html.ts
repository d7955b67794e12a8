/**
 * HTML from another blog turned into the Markdown of an article, with the unified tools
 * (hast-util-from-html, hast-util-sanitize, hast-util-to-mdast, mdast-util-to-markdown with GFM):
 * tables stay tables, a figure becomes its image and its caption, an embedded video becomes a link
 * to it. A feed is third-party input, so the HTML is sanitised first: scripts, styles, event
 * handlers, `javascript:` and `data:` URLs and anything else the GitHub schema refuses never reach
 * an article. Pure: images are downloaded by the caller, who passes in where each one now lives.
 */
import type { Element, Nodes as HastNodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { defaultHandlers, toMdast, type State } from 'hast-util-to-mdast';
import type { Link, Nodes as MdastNodes, Paragraph, PhrasingContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

/** Elements dropped with everything inside them: code, styling, forms and foreign markup. */
const DROPPED = [
	'script',
	'style',
	'noscript',
	'template',
	'object',
	'embed',
	'applet',
	'form',
	'button',
	'select',
	'textarea',
	'svg',
	'math',
	'head',
	'title',
	'link',
	'meta',
];

/** GitHub's sanitising schema, plus what an article keeps: figures, embeds and media. */
const SCHEMA: Schema = {
	...defaultSchema,
	tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'iframe', 'video', 'audio'],
	attributes: {
		...defaultSchema.attributes,
		iframe: ['src', 'title'],
		video: ['src', 'poster', 'title'],
		audio: ['src', 'title'],
		source: ['src', 'type'],
	},
	protocols: { ...defaultSchema.protocols, poster: ['http', 'https'] },
	strip: DROPPED,
	// Ids are of no use in Markdown; nothing needs a prefix against clobbering.
	clobber: [],
};

/** How the caller wants URLs treated while converting. */
export interface HtmlToMarkdownOptions {
	/** The address the HTML was published at, for relative links and images. */
	base?: string | undefined;
	/** A link's new address (an old post's link becomes its new article's path), or as is. */
	rewriteLink?: ((absoluteUrl: string) => string) | undefined;
	/** Where an image now lives (`./photo.jpg` once downloaded), or its address as is. */
	rewriteImage?: ((absoluteUrl: string) => string) | undefined;
}

/** The Markdown, and what the author should know about the conversion. */
export interface ConvertedHtml {
	markdown: string;
	/** Addresses of the images the Markdown shows, before `rewriteImage`. */
	images: string[];
	notes: string[];
}

function isElement(node: HastNodes | undefined, ...names: string[]): node is Element {
	return node?.type === 'element' && (names.length === 0 || names.includes(node.tagName));
}

/** The text of a hast node, whitespace collapsed. */
export function hastText(node: HastNodes): string {
	const parts: string[] = [];
	const walk = (n: HastNodes) => {
		if (n.type === 'text') parts.push(n.value);
		else if ('children' in n) for (const c of n.children) walk(c);
	};
	walk(node);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

function walkElements(
	node: Root | Element,
	visit: (element: Element, parent: Root | Element) => void
): void {
	for (const child of [...node.children]) {
		if (child.type !== 'element') continue;
		visit(child, node);
		walkElements(child, visit);
	}
}

function resolve(value: unknown, base: string | undefined): string | undefined {
	if (typeof value !== 'string' || !value.trim()) return undefined;
	const raw = value.trim();
	if (!base) return raw;
	try {
		return new URL(raw, base).href;
	} catch {
		return raw;
	}
}

/** A lazy-loading image keeps its real address in a data attribute and a placeholder in `src`. */
function realSource(element: Element): unknown {
	const p = element.properties;
	const src = p['src'];
	const lazy = p['dataSrc'] ?? p['dataLazySrc'] ?? p['dataOriginal'];
	return (typeof src !== 'string' || src.startsWith('data:')) && lazy ? lazy : src;
}

/** The address to watch an embedded video at, rather than its player. */
export function embedUrl(src: string): { url: string; label: string } {
	let url: URL;
	try {
		url = new URL(src);
	} catch {
		return { url: src, label: 'Open the embedded content' };
	}
	const host = url.hostname.replace(/^www\./, '');
	const youtube = /^(?:youtube(?:-nocookie)?\.com)$/.test(host)
		? /^\/embed\/([\w-]+)/.exec(url.pathname)?.[1]
		: undefined;
	if (youtube)
		return {
			url: `https://www.youtube.com/watch?v=${youtube}`,
			label: 'Watch the video on YouTube',
		};
	const vimeo = host === 'player.vimeo.com' ? /^\/video\/(\d+)/.exec(url.pathname)?.[1] : undefined;
	if (vimeo) return { url: `https://vimeo.com/${vimeo}`, label: 'Watch the video on Vimeo' };
	return { url: url.href, label: `Open the embedded content on ${host}` };
}

function paragraph(children: PhrasingContent[]): Paragraph {
	return { type: 'paragraph', children };
}

/** A figure: its image (or embed, or table), then its caption as an emphasised paragraph. */
function figure(state: State, node: Element): MdastNodes[] {
	const caption = node.children.find((c): c is Element => isElement(c, 'figcaption'));
	const rest: Element = { ...node, children: node.children.filter((c) => c !== caption) };
	const nodes = state.toFlow(state.all(rest));
	if (caption) {
		// Emphasis inside the emphasised caption would close it early: keep its text only.
		const flat = (nodes: PhrasingContent[]): PhrasingContent[] =>
			nodes.flatMap((n) => (n.type === 'emphasis' ? flat(n.children) : [n]));
		const phrasing = flat(state.all(caption) as PhrasingContent[]);
		if (phrasing.length) nodes.push(paragraph([{ type: 'emphasis', children: phrasing }]));
	}
	return nodes;
}

/** Containers whose direct images and embeds stand on their own, as a paragraph each. */
const FLOW_PARENTS = new Set(['root', 'div', 'section', 'article', 'main', 'body', 'figure']);

function iframe(_state: State, node: Element): Link | undefined {
	const src = node.properties['src'];
	if (typeof src !== 'string' || !/^https?:/i.test(src)) return undefined;
	const { url, label } = embedUrl(src);
	const title = node.properties['title'];
	const text = typeof title === 'string' && title.trim() ? `${label}: ${title.trim()}` : label;
	return { type: 'link', url, title: null, children: [{ type: 'text', value: text }] };
}

/** A link without an address (its `javascript:` URL was dropped) is just its text. */
function anchor(state: State, node: Element): MdastNodes | MdastNodes[] | undefined {
	if (typeof node.properties['href'] !== 'string') return state.all(node);
	return defaultHandlers.a(state, node);
}

/**
 * Converts `html` to Markdown, sanitised, with URLs made absolute against `options.base` and
 * rewritten by the caller's functions.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): ConvertedHtml {
	const notes: string[] = [];
	const images: string[] = [];
	const tree = fromHtml(html, { fragment: true });

	// Absolute URLs first: `new URL` also normalises tricks like " JaVaScRiPt:" for the sanitiser.
	walkElements(tree, (element) => {
		const p = element.properties;
		if (element.tagName === 'img') p['src'] = resolve(realSource(element), options.base);
		for (const key of ['href', 'src', 'poster'] as const) {
			if (key in p && element.tagName !== 'img') p[key] = resolve(p[key], options.base);
		}
		// A figure's caption is the best alt text an image without one can get.
		if (element.tagName === 'figure') {
			const caption = element.children.find((c): c is Element => isElement(c, 'figcaption'));
			const image = findImage(element);
			if (image && caption && !String(image.properties['alt'] ?? '').trim())
				image.properties['alt'] = hastText(caption);
		}
	});
	const clean = sanitize(tree, SCHEMA) as Root;

	walkElements(clean, (element, parent) => {
		const p = element.properties;
		if (element.tagName === 'a' && typeof p['href'] === 'string' && options.rewriteLink) {
			p['href'] = options.rewriteLink(p['href']);
		}
		if (element.tagName === 'img') {
			const src = p['src'];
			if (typeof src !== 'string' || !/^https?:/i.test(src)) {
				notes.push(
					typeof src === 'string' && src
						? `an image at "${src}" was left out: its address is relative and the page it came from is unknown`
						: 'an image without an address was left out'
				);
				parent.children = parent.children.filter((c) => c !== element);
				return;
			}
			images.push(src);
			if (!String(p['alt'] ?? '').trim())
				notes.push(`the image ${src} has no alt text: describe it (npm run check points at it)`);
			if (options.rewriteImage) p['src'] = options.rewriteImage(src);
		}
		const parentName = parent.type === 'root' ? 'root' : parent.tagName;
		if (isElement(element, 'img', 'iframe') && FLOW_PARENTS.has(parentName)) {
			const wrapper: Element = { ...element, tagName: 'p', properties: {}, children: [] };
			wrapper.children = [{ ...element }];
			parent.children = parent.children.map((c) => (c === element ? wrapper : c));
		}
	});

	const mdast = toMdast(clean, {
		handlers: { figure, iframe, a: anchor },
	});
	const markdown = toMarkdown(mdast, {
		extensions: [gfmToMarkdown()],
		bullet: '-',
		emphasis: '_',
		strong: '*',
		rule: '-',
		fences: true,
		listItemIndent: 'one',
	}).trim();
	return { markdown: markdown ? `${markdown}\n` : '', images, notes };
}

function findImage(node: Element): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'img') return child;
		{
			const found = findImage(child);
			if (found) return found;
		}
	}
	return undefined;
}
