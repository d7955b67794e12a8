/**
 * Small HTML helpers shared by the feeds (which rewrite URLs in rendered articles), the deploy
 * headers (which hash the inline scripts and styles of built pages) and the search index (which
 * hands Pagefind the searchable part of each page). Parsing is ultrahtml's, the
 * parser Astro itself depends on; attribute values stay as written, so they are decoded here.
 */
import { ELEMENT_NODE, parse, renderSync, type ElementNode } from 'ultrahtml';

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes the character references that occur in attribute values (`&amp;`, `&#39;`, `&#x27;`…). */
export function decodeEntities(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const hex = ref[1] === 'x' || ref[1] === 'X';
			const code = hex ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED[ref.toLowerCase()] ?? whole;
	});
}

/**
 * Escapes text for a double-quoted attribute value. `<` and `>` are escaped too, although HTML
 * does not need it there, so no text that looks like a tag appears anywhere in a page's source.
 */
export function escapeAttribute(value: string): string {
	return escapeHtml(value).replace(/"/g, '&quot;');
}

/** Escapes text for HTML element content. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A parsed HTML document or fragment. */
export interface HtmlDocument {
	children: unknown[];
}

/** Parses an HTML document or fragment. */
export function parseHtml(html: string): HtmlDocument {
	return parse(html) as HtmlDocument;
}

/**
 * Inline `<script>` and `<style>` elements, and start tags with a `style` attribute (quoted values
 * skipped whole, so `style=` inside one does not count).
 */
const INLINE_CODE =
	/<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<[a-z][^\s/>]*\s(?:[^>"']|"[^"]*"|'[^']*')*?\bstyle\s*=(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * What a built page's metadata and Content-Security-Policy depend on: its `<head>`, then every
 * script, style element and tag with a style attribute of the body, in order. Parsing this instead
 * of the whole page makes scanning a large build several times faster; the body's text cannot
 * hide one of these, since text and attribute values in built pages are escaped. A page without
 * `</head>` is returned whole.
 */
export function headAndInlineCode(html: string): string {
	const headEnd = html.search(/<\/head\s*>/i);
	if (headEnd === -1) return html;
	const body = html.slice(headEnd);
	return html.slice(0, headEnd) + (body.match(INLINE_CODE) ?? []).join('');
}

/**
 * The part of a built page that Pagefind reads, or `undefined` when the page has no
 * `data-pagefind-body` element (Pagefind leaves such pages out once any page has one). That is
 * the page's `<html>` tag, for its language, then everything from the start tag of the body element
 * to the end of `<main>`: every `data-pagefind-*` attribute of our pages is inside the body element,
 * and nothing outside it is indexed. Handing Pagefind this instead of the whole page (the head and
 * site header come first, the footer last) saves encoding and parsing a third of every page.
 */
export function searchablePart(html: string): string | undefined {
	const marker = html.indexOf('data-pagefind-body');
	if (marker === -1) return undefined;
	const start = html.lastIndexOf('<', marker);
	const htmlTag = /<html\b[^>]*>/i.exec(html.slice(0, start))?.[0] ?? '<html>';
	const end = [html.indexOf('</main>', marker), html.indexOf('</body>', marker), html.length].find(
		(at) => at !== -1
	);
	return `${htmlTag}<body>${html.slice(start, end)}</body></html>`;
}

/** Serialises a parsed document. */
export function renderHtml(doc: HtmlDocument): string {
	return renderSync(doc as Parameters<typeof renderSync>[0]);
}

function isElement(node: unknown): node is ElementNode {
	return (node as { type?: unknown }).type === ELEMENT_NODE;
}

/**
 * Visits every element in document order. `visit` may change an element's attributes, or return
 * `false` to remove the element (and everything inside it) from the document.
 */
export function eachElement(
	parent: HtmlDocument,
	visit: (element: ElementNode) => boolean | void
): void {
	parent.children = parent.children.filter((node) => {
		if (!isElement(node)) return true;
		if (visit(node) === false) return false;
		eachElement(node, visit);
		return true;
	});
}

/** The raw text inside an element: a script's or style's source, exactly as written. */
export function rawText(element: ElementNode): string {
	return element.children.map((child) => (child as { value?: string }).value ?? '').join('');
}

/** Script `type`s a browser runs; other types (JSON-LD, templates) are data, outside CSP. */
/** Script types a browser runs; an import map counts too, for CSP allows it by hash like code. */
const SCRIPT_TYPES = new Set([
	'',
	'module',
	'text/javascript',
	'application/javascript',
	'importmap',
]);

/** True when a `<script>` element with these attributes is run by the browser. */
export function isExecutableScript(attributes: Record<string, string>): boolean {
	const type = decodeEntities(attributes['type'] ?? '')
		.trim()
		.toLowerCase();
	return SCRIPT_TYPES.has(type);
}
