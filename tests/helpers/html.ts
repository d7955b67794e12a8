/**
 * Reading built HTML in tests with a parser and CSS selectors, never regular expressions:
 * hast-util-from-html (parse5, which parses as browsers do and decodes character references) and
 * hast-util-select (every CSS selector, lists and combinators included). Attributes are read by
 * their HTML names (`aria-label`, `class`, `for`), as written in the page.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select as hastSelect, selectAll as hastSelectAll } from 'hast-util-select';
import { find, html as htmlSchema } from 'property-information';

/** A parsed page or fragment. */
export type HtmlRoot = Root;
/** An element of a parsed page. */
export type HtmlElement = Element;

/** One element as the tests read it: its lower-case name and attributes. */
export interface Tag {
	name: string;
	attrs: Map<string, string>;
}

const parsed = new Map<string, Root>();

/**
 * Parses a page or a fragment (`<html>`, `<head>` and `<body>` are implied, as in a browser).
 * The last few parses are kept, since tests read the same page several times.
 */
export function parsePage(html: string | Root | Element): Root | Element {
	if (typeof html !== 'string') return html;
	let tree = parsed.get(html);
	if (!tree) {
		tree = fromHtml(html);
		if (parsed.size >= 8) parsed.delete(parsed.keys().next().value ?? '');
		parsed.set(html, tree);
	}
	return tree;
}

/** The elements matching a CSS selector, in document order. */
export function selectAll(root: string | Root | Element, selector: string): Element[] {
	return hastSelectAll(selector, parsePage(root));
}

/** The first element matching a CSS selector, or undefined. */
export function select(root: string | Root | Element, selector: string): Element | undefined {
	return hastSelect(selector, parsePage(root)) ?? undefined;
}

/**
 * An attribute's value as the page gives it (lists joined as written); undefined when absent or
 * when there is no element.
 */
export function attrOf(element: Element | undefined, name: string): string | undefined {
	if (!element) return undefined;
	const info = find(htmlSchema, name);
	const value = element.properties[info.property];
	if (value === undefined || value === null || value === false) return undefined;
	if (value === true) return '';
	if (Array.isArray(value)) return value.join(info.commaSeparated ? ', ' : ' ');
	return String(value);
}

/** The element's name and attributes. */
export function tagOf(element: Element): Tag {
	const attrs = new Map<string, string>();
	for (const property of Object.keys(element.properties)) {
		const name = find(htmlSchema, property).attribute;
		const value = attrOf(element, name);
		if (value !== undefined) attrs.set(name, value);
	}
	return { name: element.tagName, attrs };
}

/** Every element of a page or fragment, in document order, as tags. */
export function tagsOf(root: string | Root | Element): Tag[] {
	return selectAll(root, '*').map(tagOf);
}

/** The text of a node and its descendants, as written (comments, scripts and styles left out). */
export function textOf(node: Nodes): string {
	if (node.type === 'text') return node.value;
	if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style')) return '';
	if (node.type === 'element' && node.tagName === 'template') return textOf(node.content as Root);
	return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** The text of a node with runs of white space collapsed and trimmed, as a reader sees it ('' for none). */
export function visibleText(node: Nodes | undefined): string {
	if (!node) return '';
	return textOf(node).replace(/\s+/g, ' ').trim();
}

/** The source inside a `<script>` or `<style>` element, as written. */
export function rawTextOf(element: Element): string {
	return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/**
 * An element's exact source in the text it was parsed from: for the few assertions about how text
 * is escaped in the page, which a parser's decoded view hides.
 */
export function sourceOf(html: string, element: Element): string {
	const start = element.position?.start.offset;
	const end = element.position?.end.offset;
	if (start === undefined || end === undefined) throw new Error('the element has no position');
	return html.slice(start, end);
}
