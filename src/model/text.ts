/**
 * An article file's body, and plain text taken from it: the fallback description and the
 * reading-time estimate.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** Splits a Markdown file into its YAML front matter and where that YAML starts. */
export function splitFrontMatter(
	text: string
): { yaml: string; firstLine: number; body: string } | undefined {
	const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match || match.index !== 0) return undefined;
	return { yaml: match[1] ?? '', firstLine: 2, body: text.slice(match[0].length) };
}

/** Lines an MDX body uses for imports, exports and components: not prose. */
const MDX_CODE_LINE = /^\s*(import|export)\s|^\s*<\/?[A-Z]/;

function proseOf(body: string): string {
	return body
		.split('\n')
		.filter((line) => !MDX_CODE_LINE.test(line))
		.join('\n');
}

/** A line defining a link reference (`[id]: /url`), which changes how earlier links read. */
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/m;

/**
 * The text of the first paragraph of a Markdown body, without markup; empty when there is none.
 * Parses only as much of the body as it takes (parsing every whole body cost two seconds per
 * thousand articles): a prefix cut at a blank line reads the same as the whole body up to there,
 * since a top-level paragraph ends at a blank line and an unfinished fence or comment only hides
 * what follows it. Reference definitions further down are the exception, so they force a full parse.
 */
export function firstParagraph(body: string): string {
	const prose = proseOf(body);
	const full = LINK_DEFINITION.test(prose);
	for (let from = full ? prose.length : 1500; ; from *= 4) {
		const blank = from >= prose.length ? -1 : prose.slice(from).search(/\n[ \t]*\n/);
		const end = blank === -1 ? prose.length : from + blank;
		const tree = fromMarkdown(prose.slice(0, end));
		const paragraph = tree.children.find((node) => node.type === 'paragraph');
		if (paragraph) return toString(paragraph).replace(/\s+/g, ' ').trim();
		if (end === prose.length) return '';
	}
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
