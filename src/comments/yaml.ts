/**
 * The file an approved comment becomes: `<article-slug>/<id>.yaml` under `content/comments/`, with
 * `name`, `date`, `body` and, for a reply, `replyTo`. Written with the `yaml` package, so any text a
 * reader wrote (quotes, colons, `#`, leading spaces, YAML keywords) reads back exactly as written.
 * @see https://eemeli.org/yaml/#tostring-options
 */
import { stringify } from 'yaml';
import { containsEmailAddress, isCommentId, type Comment } from './model.ts';
import { SLUG_PATTERN } from '../model/slugs.ts';

/**
 * The path of a comment's file relative to the comments folder. Throws on a slug or id that is not
 * lower-case letters, digits and hyphens, so no value can point outside the folder.
 */
export function commentFilePath(article: string, id: string): string {
	if (!SLUG_PATTERN.test(article)) throw new Error(`"${article}" is not an article slug`);
	if (!isCommentId(id)) throw new Error(`"${id}" is not a comment id`);
	return `${article}/${id}.yaml`;
}

/** A temporary comment file: the hidden one written now, or the visible one older versions wrote. */
const TEMPORARY = /^\.?[a-z0-9-]+\.yaml\.[0-9a-f]{8}\.tmp$/;

/**
 * True when a file name is a comment file being written (`.<id>.yaml.<hex>.tmp`), or one a crash
 * left unfinished; never a comment, so the content check skips it and the service removes it.
 */
export function isTemporaryCommentFile(name: string): boolean {
	return TEMPORARY.test(name);
}

/**
 * The YAML text of a comment file. Throws when a field contains an e-mail address: such a file
 * would fail the content check, and the address must never reach the site.
 */
export function commentYaml(comment: Comment): string {
	for (const [field, value] of [
		['name', comment.name],
		['body', comment.body],
	] as const) {
		if (containsEmailAddress(value)) {
			throw new Error(`comment ${comment.id}: the ${field} contains an e-mail address`);
		}
	}
	const data: Record<string, string> = {
		name: comment.name,
		date: comment.date.toISOString(),
		body: comment.body,
	};
	if (comment.replyTo !== undefined) data['replyTo'] = comment.replyTo;
	// lineWidth 0: never fold long lines, so the file shows the text as the reader wrote it;
	// multi-line bodies are written as literal blocks (`|`), which keep every line break.
	return stringify(data, { lineWidth: 0, blockQuote: 'literal' });
}
