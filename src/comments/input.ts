/**
 * What the intake service accepts: reading a posted comment (form-encoded or JSON) and checking
 * every field, with a message for the reader per problem. Pure: the service passes in the request's
 * content type and text, and the site's list of articles.
 */
import { hasVisibleText, normalizeCommentName, normalizeCommentText } from './body.ts';
import {
	COMMENT_LIMITS,
	containsEmailAddress,
	isCommentId,
	isEmailAddress,
	type CommentsManifest,
} from './model.ts';

/** The fields of a posted comment, as sent. */
export interface PostedFields {
	article: string;
	name: string;
	email: string;
	body: string;
	/** The honeypot: people never see it, so anything in it was written by a program. */
	website: string;
	/** Id of the comment answered; empty for a new thread. */
	replyTo: string;
}

/** One thing wrong with a posted comment: the field (or `request`) and what the reader should do. */
export interface InputProblem {
	field: keyof PostedFields | 'request';
	message: string;
}

/** A comment that passed every check, ready to queue. */
export interface ValidComment {
	article: string;
	name: string;
	email: string;
	body: string;
	replyTo?: string | undefined;
}

/** How a request's body is encoded, from its `Content-Type`; undefined when not accepted. */
export function requestEncoding(contentType: string | undefined): 'form' | 'json' | undefined {
	const [type = '', ...params] = (contentType ?? '').toLowerCase().split(';');
	const charset = params
		.map((p) => p.trim().split('='))
		.find(([name]) => name === 'charset')?.[1]
		?.replace(/"/g, '');
	if (charset && charset !== 'utf-8' && charset !== 'utf8') return undefined;
	if (type.trim() === 'application/x-www-form-urlencoded') return 'form';
	if (type.trim() === 'application/json') return 'json';
	return undefined;
}

const FIELD_NAMES = ['article', 'name', 'email', 'body', 'website', 'replyTo'] as const;

/**
 * Reads the fields of a request body. Missing fields are empty strings; a JSON body that is not an
 * object, or a field that is not text, is a problem.
 */
export function readFields(
	encoding: 'form' | 'json',
	text: string
): { fields: PostedFields; problems: InputProblem[] } {
	const fields: PostedFields = {
		article: '',
		name: '',
		email: '',
		body: '',
		website: '',
		replyTo: '',
	};
	const problems: InputProblem[] = [];
	if (encoding === 'form') {
		const params = new URLSearchParams(text);
		for (const name of FIELD_NAMES) fields[name] = params.get(name) ?? '';
		return { fields, problems };
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		problems.push({ field: 'request', message: 'The request is not valid JSON.' });
		return { fields, problems };
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) {
		problems.push({ field: 'request', message: 'The request must be a JSON object of fields.' });
		return { fields, problems };
	}
	for (const name of FIELD_NAMES) {
		const value = (data as Record<string, unknown>)[name];
		if (value === undefined || value === null) continue;
		if (typeof value === 'string') fields[name] = value;
		else problems.push({ field: name, message: `${name} must be text.` });
	}
	return { fields, problems };
}

/** Length in characters as a reader counts them (an emoji is one, not two). */
function length(text: string): number {
	return [...text].length;
}

/**
 * Checks a posted comment against the limits and the site's articles. `replyTargets` are ids of
 * comments approved since the last build, which a reply may also answer.
 */
export function validateComment(
	fields: PostedFields,
	articles: CommentsManifest['articles'],
	replyTargets: (article: string) => readonly string[] = () => []
): { ok: true; comment: ValidComment } | { ok: false; problems: InputProblem[] } {
	const problems: InputProblem[] = [];
	const article = fields.article.trim();
	const name = normalizeCommentName(fields.name);
	const email = fields.email.trim();
	const body = normalizeCommentText(fields.body);
	const replyTo = fields.replyTo.trim();

	const entry = Object.hasOwn(articles, article) ? articles[article] : undefined;
	if (!entry) {
		problems.push({
			field: 'article',
			message: `There is no article "${article.slice(0, 80)}" on the site; reload the article and send your comment again.`,
		});
	} else if (!entry.open) {
		problems.push({ field: 'article', message: 'Comments are closed on this article.' });
	}

	if (!name && fields.name.trim()) {
		problems.push({
			field: 'name',
			message:
				'Your name is made only of characters that show nothing; write it in letters or digits.',
		});
	} else if (!hasVisibleText(name)) {
		problems.push({ field: 'name', message: 'Write your name; it is shown with your comment.' });
	} else if (length(name) > COMMENT_LIMITS.name) {
		problems.push({
			field: 'name',
			message: `Your name is longer than ${COMMENT_LIMITS.name} characters; shorten it.`,
		});
	} else if (containsEmailAddress(name)) {
		problems.push({
			field: 'name',
			message: 'Your name contains an e-mail address, which would be published; write only a name.',
		});
	}

	if (!email) {
		problems.push({
			field: 'email',
			message: 'Write your e-mail address, so the moderators can reach you. It is never published.',
		});
	} else if (!isEmailAddress(email)) {
		problems.push({
			field: 'email',
			message: 'Write your e-mail address as name@example.com.',
		});
	}

	if (!hasVisibleText(body)) {
		problems.push({ field: 'body', message: 'Write your comment.' });
	} else if (length(body) > COMMENT_LIMITS.body) {
		problems.push({
			field: 'body',
			message: `Your comment is ${length(body)} characters long; the limit is ${COMMENT_LIMITS.body}. Shorten it, or split it in two.`,
		});
	} else if (containsEmailAddress(body)) {
		problems.push({
			field: 'body',
			message:
				'Your comment contains an e-mail address, and everything in a comment is published; remove the address.',
		});
	}

	if (replyTo && entry) {
		const known =
			isCommentId(replyTo) &&
			(entry.threads.includes(replyTo) || replyTargets(article).includes(replyTo));
		if (!known) {
			problems.push({
				field: 'replyTo',
				message:
					'The comment you are replying to is not on this article; choose another one, or none.',
			});
		}
	}

	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, comment: { article, name, email, body, ...(replyTo ? { replyTo } : {}) } };
}
