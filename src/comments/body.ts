/**
 * A comment's plain text as safe HTML: every character escaped, blank lines start a paragraph,
 * single line breaks stay, and web addresses become links that search engines do not credit.
 * Nothing a reader writes is ever interpreted as markup.
 * @see https://github.com/markdown-it/linkify-it
 */
import { LinkifyIt } from 'linkify-it';
import { escapeAttribute, escapeHtml } from '../publish/html.ts';

/**
 * Web addresses only: `http(s)://…` and bare `www.example.com`-style names (with a known top-level
 * domain); no `ftp:`, `mailto:` or protocol-relative links, and no e-mail addresses.
 */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false })
	.add('ftp:', null)
	.add('mailto:', null)
	.add('//', null);

/** `rel` of every link in a comment: user content, not endorsed, opened without the referrer. */
export const COMMENT_LINK_REL = 'nofollow ugc noopener noreferrer';

/** Normalises what a reader typed: Unix line breaks, no control characters, trimmed. */
export function normalizeCommentText(text: string): string {
	return (
		text
			.normalize('NFC')
			.replace(/\r\n?/g, '\n')
			// Control characters (tabs and line breaks aside) and bidi overrides, which can disguise text.
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
			.replace(/[ \t]+$/gm, '')
			.trim()
	);
}

/**
 * Characters that show nothing yet change or hide what is shown, taken out of a name: control
 * characters (C0 and C1), bidi overrides, isolates and marks, zero-width spaces, word joiners,
 * invisible operators, the byte-order mark and the soft hyphen. Zero-width joiners stay inside a
 * name (emoji sequences and Indic and Persian spelling need them), but not at its ends.
 */
const INVISIBLE_IN_NAME =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Normalises a commenter's name as the body is (NFC, no control characters or bidi overrides) and
 * further: no zero-width characters, one space between words, trimmed.
 */
export function normalizeCommentName(name: string): string {
	return name
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.replace(INVISIBLE_IN_NAME, '')
		.replace(/^[\s\u200c\u200d]+|[\s\u200c\u200d]+$/g, '');
}

/** True when the text shows something: a letter, digit, punctuation mark or symbol. */
export function hasVisibleText(text: string): boolean {
	return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

function isWebAddress(url: string): boolean {
	try {
		const { protocol } = new URL(url);
		return protocol === 'https:' || protocol === 'http:';
	} catch {
		return false;
	}
}

/** One line of text with its web addresses as links. */
function lineHtml(line: string): string {
	const matches = linkify.test(line) ? (linkify.match(line) ?? []) : [];
	let html = '';
	let at = 0;
	for (const match of matches) {
		if (!isWebAddress(match.url)) continue;
		html += escapeHtml(line.slice(at, match.index));
		html += `<a href="${escapeAttribute(match.url)}" rel="${COMMENT_LINK_REL}">${escapeHtml(match.raw)}</a>`;
		at = match.lastIndex;
	}
	return html + escapeHtml(line.slice(at));
}

/** The comment body as HTML paragraphs: `<p>first line<br>second</p><p>next paragraph</p>`. */
export function commentBodyHtml(text: string): string {
	return normalizeCommentText(text)
		.split(/\n{2,}/)
		.filter((paragraph) => paragraph.trim() !== '')
		.map((paragraph) => `<p>${paragraph.split('\n').map(lineHtml).join('<br>')}</p>`)
		.join('');
}
