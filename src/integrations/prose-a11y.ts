/**
 * Accessibility fixes to the HTML that Markdown and MDX bodies produce, as a Sätteri hast plugin
 * (Astro 7's default Markdown processor; MDX extends the same configuration):
 * - a GFM task-list checkbox gets a label, its item's text, as axe requires of every input;
 * - a table is wrapped in a focusable, labelled scroll region (a <section>), so a table wider than a phone can
 *   be scrolled by keyboard as well as by touch.
 * @see https://satteri.bruits.org/docs/
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

function isElement(node: ElementContent | undefined, tags: readonly string[]): node is Element {
	return node?.type === 'element' && tags.includes(node.tagName);
}

/** A task item with its checkbox and the text after it moved into one <label>. */
export function labelledTaskItem(item: Readonly<Element>): Element | undefined {
	const classes = item.properties['className'];
	if (!Array.isArray(classes) || !classes.includes('task-list-item')) return undefined;
	// Loose lists put the checkbox inside a paragraph: label within that paragraph.
	const paragraph = item.children.find((c): c is Element => isElement(c, ['p']));
	const holder = paragraph && isElement(paragraph.children[0], ['input']) ? paragraph : item;
	const at = holder.children.findIndex((c) => isElement(c, ['input']));
	if (at === -1) return undefined;
	const after = holder.children.findIndex(
		(c, i) => i > at && isElement(c, ['ul', 'ol', 'p', 'div'])
	);
	const stop = after === -1 ? holder.children.length : after;
	const label: Element = {
		type: 'element',
		tagName: 'label',
		properties: {},
		children: holder.children.slice(at, stop),
	};
	const children = [...holder.children.slice(0, at), label, ...holder.children.slice(stop)];
	if (holder === item) return { ...item, children };
	return {
		...item,
		children: item.children.map((c) => (c === paragraph ? { ...paragraph, children } : c)),
	};
}

/** The plugin: pass it to `satteri({ hastPlugins: [proseA11y] })`. */
export const proseA11y = defineHastPlugin({
	name: 'hangar-prose-a11y',
	element: [
		{
			filter: ['li'],
			visit(node, ctx) {
				const labelled = labelledTaskItem(node);
				if (labelled) ctx.replaceNode(node, labelled);
			},
		},
		{
			filter: ['table'],
			visit(node, ctx) {
				// Numbered, so that several tables in one article are distinct landmarks.
				const n = ((ctx.data['hangarTables'] as number | undefined) ?? 0) + 1;
				ctx.data['hangarTables'] = n;
				ctx.wrapNode(node, {
					type: 'element',
					tagName: 'section',
					properties: { className: ['table-scroll'], tabIndex: 0, ariaLabel: `Table ${n}` },
					children: [],
				});
			},
		},
	],
});
