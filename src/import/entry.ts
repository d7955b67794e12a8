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

/**
 * Month names and abbreviations of the languages feeds are often localised in (Portuguese, Spanish,
 * French, German, Italian), by their first letters without accents: the number of the month.
 * Four letters where three are ambiguous (French juin, juillet).
 */
const MONTHS: Record<string, number> = {
	...Object.fromEntries(
		['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map(
			(m, i) => [m, i + 1]
		)
	),
	fev: 2,
	mrz: 3,
	abr: 4,
	avr: 4,
	mai: 5,
	mag: 5,
	juin: 6,
	giu: 6,
	juil: 7,
	lug: 7,
	ago: 8,
	aou: 8,
	set: 9,
	out: 10,
	okt: 10,
	ott: 10,
	dez: 12,
	dic: 12,
	ene: 1,
	gen: 1,
};

/** The month a localised name stands for; undefined for a word that is no month. */
function monthOf(word: string): number | undefined {
	const plain = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
	return MONTHS[plain.slice(0, 4)] ?? MONTHS[plain.slice(0, 3)];
}

/**
 * An RFC 822 date whose day and month names are not English (`Seg, 12 fev 2024 09:30:00 +0000`,
 * `mar., 5 mars 2024 10:00:00 GMT`), as feeds of localised blogs write them; undefined otherwise.
 */
function localizedRfc822(value: string): Date | undefined {
	const match =
		/^(?:[^\d,]*,\s*)?(\d{1,2})\.?\s+([\p{L}]+)\.?\s+(\d{4})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*(.*)$/u.exec(
			value
		);
	const month = match ? monthOf(match[2] ?? '') : undefined;
	if (!match || !month) return undefined;
	const english = [
		'Jan',
		'Feb',
		'Mar',
		'Apr',
		'May',
		'Jun',
		'Jul',
		'Aug',
		'Sep',
		'Oct',
		'Nov',
		'Dec',
	];
	const date = new Date(
		`${match[1]} ${english[month - 1]} ${match[3]} ${match[4]} ${match[5] || 'GMT'}`
	);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * A date as feeds write it: RFC 822 (RSS, also with day and month names in Portuguese, Spanish,
 * French, German or Italian), ISO 8601 (Atom), `YYYY-MM-DD hh:mm:ss` (WordPress, UTC).
 */
export function feedDate(raw: string): Date | undefined {
	const value = raw.trim();
	if (!value || value.startsWith('0000-00-00')) return undefined;
	const wordpress = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(value);
	const date = new Date(wordpress ? `${wordpress[1]}T${wordpress[2]}Z` : value);
	return Number.isNaN(date.getTime()) ? localizedRfc822(value) : date;
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
