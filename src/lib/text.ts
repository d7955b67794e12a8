/**
 * Plain text taken from an article's Markdown or MDX body: the fallback description and the
 * reading-time estimate.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** Lines an MDX body uses for imports, exports and components: not prose. */
const MDX_CODE_LINE = /^\s*(import|export)\s|^\s*<\/?[A-Z]/;

function proseOf(body: string): string {
	return body
		.split('\n')
		.filter((line) => !MDX_CODE_LINE.test(line))
		.join('\n');
}

/** The text of the first paragraph of a Markdown body, without markup; empty when there is none. */
export function firstParagraph(body: string): string {
	const tree = fromMarkdown(proseOf(body));
	const paragraph = tree.children.find((node) => node.type === 'paragraph');
	return paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : '';
}

/** Shortens text to at most `max` characters at a word boundary, ending with an ellipsis. */
export function shorten(text: string, max: number): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const lastSpace = cut.lastIndexOf(' ');
	return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * Number of words in the prose of a body. An estimate for reading time, so it skips parsing: code
 * blocks, HTML tags, link targets and Markdown punctuation are dropped and the rest counted
 * (parsing every body was a tenth of a warm build at 1,000 articles).
 */
export function wordCount(body: string): number {
	const prose = proseOf(body)
		.replace(/^(```|~~~)[\s\S]*?^\1/gm, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\]\([^)]*\)/g, ' ');
	let count = 0;
	for (const word of prose.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) count++;
	return count;
}

/** Whole minutes to read a body at `wordsPerMinute`, never less than one. */
export function readingMinutes(body: string, wordsPerMinute: number): number {
	return Math.max(1, Math.round(wordCount(body) / wordsPerMinute));
}

/** The description an article shows: its own, or its first paragraph shortened to 160 characters. */
export function describeArticle(description: string | undefined, body: string): string {
	return description?.trim() || shorten(firstParagraph(body), 160);
}
