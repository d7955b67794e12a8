/**
 * `/moderate`: the moderators' queue behind the password. Signing in starts a session (a random
 * token in an HttpOnly, SameSite=Strict cookie); every action must carry the session's CSRF token.
 */
import type { IncomingMessage } from 'node:http';
import { loginPage, messagePage, queuePage } from './pages.ts';
import {
	clearedSessionCookie,
	newToken,
	passwordTag,
	readCookie,
	sameToken,
	SESSION_COOKIE,
	sessionCookie,
	tokenDigest,
	verifyPassword,
} from './credentials.ts';
import { RateLimiter, WorkLimit } from './rate-limit.ts';
import { articleAddress, clientOf, isSecure, type ServiceContext } from './context.ts';
import { html, readBody, redirect, type Answer } from './http.ts';
import { STATUSES } from './store.ts';

/** How long a moderator stays signed in. */
const SESSION_SECONDS = 12 * 60 * 60;
/** Sign-in attempts per client: 10 per 15 minutes. */
const LOGIN_LIMIT = { limit: 10, windowMs: 15 * 60 * 1000 };
/**
 * Password checks at once, and waiting, for all clients together. One scrypt hash takes ~0.1 s on
 * a small server (~0.5 s on two busy cores): a sign-in waits for at most four, where a flood of
 * 200 wrong sign-ins from 200 addresses made it wait 32 s; the rest of a flood is refused at once.
 */
const PASSWORD_CHECKS = { concurrency: 1, waiting: 3 };
/** What a sign-in refused by that bound is told. */
const BUSY =
	'Many sign-in attempts are being checked right now. Wait a few seconds, then sign in again.';
/** The notices the queue shows after an action (fixed texts: nothing from the URL is shown). */
const NOTICES: Record<string, string> = {
	approved: 'Approved. The comment is published with the next build of the site.',
	rejected: 'Rejected. The comment will not be published.',
	spam: 'Marked as spam. The comment will not be published.',
	taken: 'That comment was already decided, perhaps by another moderator.',
};
const BACK = { href: '/moderate', label: 'Back to the queue' };

/** Why a comment on a deleted or renamed article is not approved, and what to do. */
function articleGone(slug: string): string {
	return `The article "${slug}" is no longer on the site (deleted, renamed, or not in the last build's comments.json), so this comment was not approved: its file would fail the next build. It stays in the queue. Restore the article and approve it then, or reject it.`;
}

/** What the moderation handler needs besides the context. */
export interface ModerationHooks {
	/** Called once a comment is approved: write its file, call the webhook. */
	approved: (id: string) => void;
	/** Why approved comments could not be written, when they could not. */
	writeError: () => string | undefined;
}

/** The handler of `/moderate` and everything below it. */
export function moderationHandler(
	ctx: ServiceContext,
	hooks: ModerationHooks
): (req: IncomingMessage, path: string, query: URLSearchParams) => Promise<Answer> {
	const { config, store, articles, now, log } = ctx;
	const logins = new RateLimiter(LOGIN_LIMIT);
	const checks = new WorkLimit(PASSWORD_CHECKS);
	// Sessions belong to the password they were made with: a new hash ends the others.
	const tag = config.passwordHash ? passwordTag(config.passwordHash) : '';
	if (config.passwordHash) {
		const ended = store.endSessionsOfOtherPasswords(tag);
		if (ended > 0) log(`moderate: the password has changed; ended ${ended} session(s)`);
	}

	/** The session of a request: its CSRF token and cookie digest, when signed in. */
	const sessionOf = (req: IncomingMessage) => {
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		if (!token) return undefined;
		const digest = tokenDigest(token);
		const session = store.session(digest, now().getTime(), tag);
		return session ? { ...session, digest } : undefined;
	};

	const queue = (csrf: string, notice?: string): Answer => {
		const items = store.list('pending', 500).map((c) => ({
			...c,
			received: c.date,
			articleUrl: articleAddress(config, c.article),
		}));
		const counts = store.counts();
		return html(
			200,
			queuePage({
				items,
				csrf,
				counts: Object.fromEntries(STATUSES.map((s) => [s, counts[s]])),
				notice: notice ? NOTICES[notice] : undefined,
				unwritten: {
					count: config.contentDir ? store.unwritten().length : 0,
					error: hooks.writeError(),
				},
			})
		);
	};

	const signIn = async (req: IncomingMessage, password: string, hash: string): Promise<Answer> => {
		const busy = () => html(503, loginPage(BUSY), { 'Retry-After': '5' });
		// Checked first, so a busy refusal does not use up the client's own attempts.
		if (checks.full) return busy();
		if (!logins.take(clientOf(req, config), now().getTime()).allowed) {
			return html(429, loginPage('Too many attempts. Wait a quarter of an hour, then try again.'));
		}
		const right = await checks.run(() => verifyPassword(password, hash));
		if (right === undefined) return busy();
		if (!right) {
			log('moderate: a sign-in failed');
			return html(401, loginPage('That password is not right.'));
		}
		const token = newToken();
		const expires = now().getTime() + SESSION_SECONDS * 1000;
		store.createSession(tokenDigest(token), newToken(), expires, tag);
		log('moderate: a moderator signed in');
		const cookie = sessionCookie(token, {
			secure: isSecure(req, config),
			maxAgeSeconds: SESSION_SECONDS,
		});
		return redirect('/moderate', { 'Set-Cookie': cookie });
	};

	return async (req, path, query) => {
		const hash = config.passwordHash;
		if (!hash) {
			const how =
				'Set COMMENTS_PASSWORD_HASH (made by `npm run comments -- hash-password`) and restart the service; see docs/comments.md.';
			return html(503, messagePage('Moderation is off', how));
		}
		const session = sessionOf(req);
		if (req.method === 'GET' && path === '/moderate') {
			return session ? queue(session.csrf, query.get('done') ?? undefined) : html(200, loginPage());
		}
		if (req.method !== 'POST') {
			return { status: 405, headers: { Allow: path === '/moderate' ? 'GET' : 'POST' } };
		}
		const { text, tooLarge } = await readBody(req, 4096);
		if (tooLarge) {
			const message = 'The request is larger than 4 KiB; no moderation form sends that much.';
			return html(413, messagePage('Not done', message, BACK));
		}
		const form = new URLSearchParams(text);
		if (path === '/moderate/login') return signIn(req, form.get('password') ?? '', hash);
		if (!session) {
			const message = 'Your session has ended, or you have not signed in.';
			return html(
				403,
				messagePage('Sign in first', message, { href: '/moderate', label: 'Sign in' })
			);
		}
		if (!sameToken(form.get('csrf') ?? undefined, session.csrf)) {
			const message =
				'The request did not come from the moderation page (its security token is missing or wrong). Reload the queue and try again.';
			return html(403, messagePage('Not done', message, BACK));
		}
		if (path === '/moderate/logout') {
			store.endSession(session.digest, now().getTime());
			return redirect('/moderate', { 'Set-Cookie': clearedSessionCookie(isSecure(req, config)) });
		}
		const action = /^\/moderate\/([a-z0-9-]{1,80})\/(approve|reject|spam)$/.exec(path);
		if (!action) return html(404, messagePage('Not found', 'There is no such moderation action.'));
		const [, id = '', verb] = action;
		const status = verb === 'approve' ? 'approved' : verb === 'reject' ? 'rejected' : 'spam';
		const comment = store.get(id);
		if (!comment) {
			return html(404, messagePage('Not found', 'There is no comment with that id.', BACK));
		}
		// Its file would name an article the content check no longer knows, and fail the build.
		if (status === 'approved' && comment.status === 'pending') {
			const known = await articles.refresh(now().getTime());
			if (!Object.hasOwn(known, comment.article)) {
				log(`moderate: not approved ${id}: the article ${comment.article} is gone`);
				return html(409, messagePage('Not approved', articleGone(comment.article), BACK));
			}
		}
		// One conditional UPDATE: of two moderators acting at once, one wins, the other is told.
		if (!store.decide(id, status, now())) return redirect('/moderate?done=taken');
		log(`moderate: ${status} ${id}`);
		if (status === 'approved') hooks.approved(id);
		return redirect(`/moderate?done=${status}`);
	};
}
