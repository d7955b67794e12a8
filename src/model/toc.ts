/**
 * An article's table of contents: its second-level headings, when it has enough of them to need
 * one (`tableOfContents` in the site config). Written for the build only; the page's script only
 * marks the current section.
 */

/** A heading as Astro's `render()` lists it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** One entry: the heading's text and the fragment that leads to it. */
export interface TocEntry {
	text: string;
	href: string;
}

/** The h2 headings of an article as entries, or none when it has fewer than `min` of them. */
export function tableOfContents(headings: readonly Heading[], min: number): TocEntry[] {
	const sections = headings.filter((h) => h.depth === 2 && h.slug !== 'footnote-label');
	if (sections.length < min) return [];
	return sections.map((h) => ({ text: h.text, href: `#${h.slug}` }));
}
