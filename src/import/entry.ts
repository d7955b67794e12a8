/**
 * One post of an old blog as `npm run import` reads it, whatever format it came in, and what every
 * reader of a format shares: plain text of HTML, dates as feeds write them, a title for a post
 * without one, addresses made absolute. Pure.
 */
import { fromHtml } from 'hast-util-from-html';
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
	/** The old blog's own address (the feed's site link): only posts on it get a redirect. */
	site?: string | undefined;
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
	/** What was imported but should be looked at (a post without a title), one line each. */
	warnings: string[];
	errors: string[];
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

/** Reports a post without a readable date; true when its date is fine. */
export function entryProblems(
	label: string,
	dateRaw: string,
	date: Date | undefined,
	errors: string[]
): boolean {
	if (date) return true;
	errors.push(
		dateRaw
			? `${label}: the date "${dateRaw}" cannot be read`
			: `${label}: has no date (pubDate, published or wp:post_date_gmt)`
	);
	return false;
}

/** Longest title made from a post's first words. */
const UNTITLED_LENGTH = 60;

/**
 * A title for a post that has none (WordPress and RSS allow that): its first words, cut at a word
 * within 60 characters, else its date.
 */
export function untitledTitle(html: string, date: Date): string {
	const words = plainText(html).split(/\s+/).filter(Boolean);
	let title = '';
	for (const word of words) {
		const next = title ? `${title} ${word}` : word;
		if (next.length > UNTITLED_LENGTH) break;
		title = next;
	}
	if (title && title.length < words.join(' ').length) title += '…';
	return title || `Post of ${date.toISOString().slice(0, 10)}`;
}

/** `link` made absolute against `base`; undefined when it is not an address. */
export function resolveLink(link: string, base: string): string | undefined {
	if (!link) return undefined;
	try {
		return new URL(link, base || undefined).href;
	} catch {
		return undefined;
	}
}
