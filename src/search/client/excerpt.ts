/**
 * Pagefind's excerpts cut a fixed number of words around the matches, so they start and end
 * mid-sentence ("they covered. Check four controls … federal rules"). These functions trim an
 * excerpt to whole sentences around its matches where it holds a sentence boundary, and mark the
 * cut ends with "…" where it does not. They work on Pagefind's excerpt HTML (text already escaped,
 * plus `<mark>`), whose tags never contain a sentence boundary.
 * @see https://pagefind.app/docs/api/#loading-a-result
 */

/** A sentence ends: `.`, `!` or `?`, maybe closed by a quote or bracket, then a space. */
const SENTENCE_END = /[.!?][’”)\]]?\s+/g;

/**
 * The excerpt trimmed to whole sentences: it starts after the last sentence end before the first
 * match, and ends at the first sentence end after the last match; an end that stays cut gets "…".
 */
export function sentenceExcerpt(html: string): string {
	const text = html.trim();
	if (!text) return '';
	const firstMark = text.indexOf('<mark>');
	const lastMark = text.lastIndexOf('</mark>');
	const from = firstMark < 0 ? 0 : firstMark;
	const to = lastMark < 0 ? 0 : lastMark + '</mark>'.length;

	let start = 0;
	for (const m of text.matchAll(SENTENCE_END)) {
		const end = m.index + m[0].length;
		if (end > from) break;
		start = end;
	}
	let stop = text.length;
	let whole = /[.!?][’”)\]]?$/.test(text);
	for (const m of text.matchAll(SENTENCE_END)) {
		if (m.index < to) continue;
		stop = m.index + m[0].trimEnd().length;
		whole = true;
		break;
	}
	const body = text.slice(start, stop).trim();
	// Pagefind does not say whether the excerpt begins at the page's start; a lower-case first
	// letter says it begins mid-sentence.
	const lead = start === 0 && /^[a-z,;:]/.test(stripTags(body)) ? '… ' : '';
	return `${lead}${body}${whole ? '' : ' …'}`;
}

/**
 * The excerpt without its leading sentences that only say again what the result's title and
 * description already show (the indexed text starts with the headline); '' when nothing new is left.
 */
export function withoutLead(html: string, lead: readonly string[]): string {
	const shown = new Set(lead.flatMap(words));
	const repeats = (s: string) => words(s).every((w) => shown.has(w));
	let rest = html.replace(/^…\s*/, '');
	for (;;) {
		const m = new RegExp(SENTENCE_END.source).exec(rest);
		const first = m ? rest.slice(0, m.index + m[0].length) : rest;
		if (!repeats(first)) break;
		rest = m ? rest.slice(m.index + m[0].length) : '';
		if (!rest) return '';
	}
	return rest === html.replace(/^…\s*/, '') ? html : rest;
}

/** The lower-case words of an excerpt, marks and punctuation left out. */
function words(html: string): string[] {
	return stripTags(html)
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

function stripTags(html: string): string {
	return html.replace(/<\/?mark>/g, '');
}
