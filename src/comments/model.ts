/**
 * Reader comments as the site sees them: the data shape, comment ids, threading (replies one level
 * deep), the e-mail address detector that keeps addresses off the site, and the build-time comment
 * settings (site switch, intake URL, and what they add to the Content-Security-Policy).
 */
import type { EntryOf } from '../model/entries.ts';
import type { CommentData } from '../model/schema.ts';
import type { Environment } from '../model/environment-schema.ts';
import type { SiteConfig } from '../model/site-schema.ts';
import { SLUG_PATTERN } from '../model/slugs.ts';

/** An approved comment, as published (never an e-mail address): its file's fields, and where it is. */
export type Comment = CommentData & {
	/** The file name without `.yaml`; unique within its article. */
	id: string;
	/** The slug of the article it is under (its folder in `content/comments/`). */
	article: string;
};

/** A comment entry of the collection (id `<article-slug>/<id>`) as a `Comment`. */
export function toComment(entry: EntryOf<CommentData>): Comment {
	const [article = '', id = ''] = entry.id.split('/');
	return { ...entry.data, id, article };
}

/** A top-level comment and its replies, oldest first. */
export interface CommentThread {
	comment: Comment;
	replies: Comment[];
}

/** Limits on what a reader may send, shared by the form (maxlength) and the service. */
export const COMMENT_LIMITS = {
	/** Characters of the name. */
	name: 100,
	/** Characters of the e-mail address (RFC 5321's path limit). */
	email: 254,
	/** Characters of the comment. */
	body: 5000,
	/** Characters of a comment id. */
	id: 80,
} as const;

/** True when `id` can name a comment file: lower-case letters, digits and single hyphens. */
export function isCommentId(id: string): boolean {
	return id.length <= COMMENT_LIMITS.id && SLUG_PATTERN.test(id);
}

/**
 * The id the intake service gives a comment: the UTC time it arrived and a random suffix, e.g.
 * `20240601-120000-3f9a2c`, so files sort by arrival and two comments in the same second differ.
 * `random` is hex from the caller (pure: no randomness here).
 */
export function newCommentId(received: Date, random: string): string {
	const iso = received.toISOString(); // 2024-06-01T12:00:00.000Z
	const day = iso.slice(0, 10).replaceAll('-', '');
	const time = iso.slice(11, 19).replaceAll(':', '');
	const suffix = random.toLowerCase().replace(/[^0-9a-f]/g, '');
	if (suffix.length < 4) throw new Error('newCommentId needs at least 4 hex digits of randomness');
	return `${day}-${time}-${suffix}`;
}

/**
 * Anything that looks like an e-mail address, anywhere in a text. A wide net on purpose: a false
 * alarm only asks a reader to rephrase, a miss would publish someone's address.
 */
const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/**
 * True when the text contains something that looks like an e-mail address, also when written in
 * look-alikes that read the same (a full-width `＠` or `．`): the test runs on its NFKC form.
 */
export function containsEmailAddress(text: string): boolean {
	return EMAIL_IN_TEXT.test(text.normalize('NFKC'));
}

/** The HTML living standard's `<input type="email">` rule, so browser and service agree. */
const EMAIL_FIELD =
	/^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * True when `value` is an e-mail address a moderator could write to: the browser's own rule, a
 * dot in the domain (an address at a bare host name is always a typo on a public form) and
 * at most 254 characters.
 */
export function isEmailAddress(value: string): boolean {
	const at = value.lastIndexOf('@');
	return (
		value.length <= COMMENT_LIMITS.email &&
		EMAIL_FIELD.test(value) &&
		value.slice(at + 1).includes('.')
	);
}

function byDate(a: Comment, b: Comment): number {
	return a.date.getTime() - b.date.getTime() || a.id.localeCompare(b.id);
}

/**
 * Groups an article's comments into threads, oldest first, replies one level deep under the
 * comment they answer. Nothing is ever hidden: a reply whose comment is missing is shown as a
 * comment of its own, and a reply to a reply joins the thread of the comment that started it.
 */
export function threadComments(comments: readonly Comment[]): CommentThread[] {
	const byId = new Map(comments.map((c) => [c.id, c]));
	const rootOf = (comment: Comment): Comment => {
		const seen = new Set<string>();
		let current = comment;
		while (current.replyTo !== undefined && !seen.has(current.id)) {
			seen.add(current.id);
			const parent = byId.get(current.replyTo);
			if (!parent || parent === current) break;
			current = parent;
		}
		return current;
	};
	const threads = new Map<string, CommentThread>();
	const sorted = [...comments].sort(byDate);
	for (const comment of sorted) {
		const root = rootOf(comment);
		if (root === comment) threads.set(comment.id, { comment, replies: [] });
	}
	for (const comment of sorted) {
		const root = rootOf(comment);
		if (root !== comment) {
			const thread = threads.get(root.id);
			// A cycle of replies has no root among the threads: show each as its own comment.
			if (thread) thread.replies.push(comment);
			else threads.set(comment.id, { comment, replies: [] });
		}
	}
	return [...threads.values()].sort((a, b) => byDate(a.comment, b.comment));
}

/** "No comments", "1 comment", "12 comments". */
export function commentCountLabel(count: number): string {
	if (count === 0) return 'No comments yet';
	return `${count} ${count === 1 ? 'comment' : 'comments'}`;
}

/** The `comments` section of the site config. */
export type CommentsConfig = SiteConfig['comments'];

/** What the build does about comments, after the environment's overrides. */
export interface CommentsSettings {
	enabled: boolean;
	/** The form's `action`: the service's `POST /comments`. */
	action: string;
	/** The intake service's origin, for the CSP. */
	origin: string;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * The comment settings of a build: the site config, overridden by `HANGAR_COMMENTS` (`on`/`off`)
 * and `HANGAR_COMMENTS_URL`, as `src/environment.ts` read them, (another intake, e.g. for staging or tests). Throws an error naming the
 * config field when the intake URL is unusable, so a bad setting fails the build.
 */
export function commentsSettings(
	config: CommentsConfig,
	siteUrl: string,
	env: Partial<Pick<Environment, 'HANGAR_COMMENTS' | 'HANGAR_COMMENTS_URL'>> = {}
): CommentsSettings {
	const switchValue = env.HANGAR_COMMENTS;
	const enabled = switchValue ? switchValue === 'on' : config.enabled;
	const fromEnv = env.HANGAR_COMMENTS_URL?.trim();
	const raw = fromEnv || config.intakeUrl;
	const source = fromEnv ? 'HANGAR_COMMENTS_URL' : 'src/site.config.ts: comments.intakeUrl';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(
			`${source}: "${raw}" is not a web address; write the intake service's address, e.g. https://comments.example.com`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`${source}: "${raw}" must start with https://`);
	}
	if (
		enabled &&
		url.protocol === 'http:' &&
		siteUrl.startsWith('https:') &&
		!LOOPBACK.test(url.hostname)
	) {
		throw new Error(
			`${source}: "${raw}" is plain http while the site is https; browsers warn readers before sending such a form. Serve the intake service over https://`
		);
	}
	const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
	return { enabled, action: new URL('comments', base).href, origin: url.origin };
}

/** True when an article shows the comment form: the site switch is on and it did not opt out. */
export function acceptsComments(
	settings: Pick<CommentsSettings, 'enabled'>,
	article: { comments?: boolean | undefined }
): boolean {
	return settings.enabled && article.comments !== false;
}

/** What the comment form needs in the CSP: posting (and fetching) to the intake's origin. */
export function commentsCsp(settings: CommentsSettings): Record<string, string[]> {
	return settings.enabled
		? { 'form-action': [settings.origin], 'connect-src': [settings.origin] }
		: {};
}

/** CSP additions from several sources, joined by directive without repeats. */
export function mergeCsp(
	...sources: Partial<Record<string, readonly string[]>>[]
): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const source of sources) {
		for (const [name, values] of Object.entries(source)) {
			out[name] = [...new Set([...(out[name] ?? []), ...(values ?? [])])];
		}
	}
	return out;
}

/** What the build publishes for the intake service at `/comments.json`. */
export interface CommentsManifest {
	/** Per article slug: whether it takes comments, and the ids a reply may answer. */
	articles: Record<string, { open: boolean; threads: string[] }>;
}

/** The manifest of a build: every published article, whether its form is on, its thread ids. */
export function commentsManifest(
	articles: readonly { slug: string; comments?: boolean | undefined }[],
	comments: ReadonlyMap<string, readonly Comment[]>,
	settings: Pick<CommentsSettings, 'enabled'>
): CommentsManifest {
	const out: CommentsManifest['articles'] = {};
	for (const article of [...articles].sort((a, b) => a.slug.localeCompare(b.slug))) {
		out[article.slug] = {
			open: acceptsComments(settings, article),
			threads: threadComments(comments.get(article.slug) ?? []).map((t) => t.comment.id),
		};
	}
	return { articles: out };
}
