/**
 * `POST /comments` and its CORS preflight: a comment from the site's form (a plain POST, answered
 * with a redirect to the article) or its script (JSON, answered with JSON). Refused posts get every
 * reason and, for a form, the form again with the reader's text; nothing refused is stored.
 */
import type { IncomingMessage } from 'node:http';
import {
	readFields,
	requestEncoding,
	validateComment,
	type InputProblem,
	type PostedFields,
} from '../input.ts';
import { newCommentId } from '../model.ts';
import { formProblemPage, messagePage, serviceCsp } from './pages.ts';
import { RateLimiter } from './rate-limit.ts';
import { articleAddress, clientOf, isSecure, type ServiceContext } from './context.ts';
import { html, json, readBody, redirect, type Answer } from './http.ts';

/** The largest request body read; a 5,000-character comment fits even fully percent-encoded. */
export const MAX_BODY_BYTES = 64 * 1024;

const THANKS =
	'Thank you: your comment is waiting for approval. It appears under the article once a moderator has approved it.';
const NOT_SENT = 'Your comment was not sent';
/** The random part of a comment id: 3 bytes, 6 hex digits. */
const ID_RANDOM_BYTES = 3;
/** How many ids a comment draws before the service gives up (a broken random source). */
const MAX_ID_DRAWS = 10;

function emptyFields(): PostedFields {
	return { article: '', name: '', email: '', body: '', website: '', replyTo: '' };
}

/** The CORS preflight: allowed for the site's origins only. */
function preflight(allowed: boolean, origin: string | undefined): Answer {
	if (!allowed || !origin) return { status: 403, headers: { Vary: 'Origin' } };
	return {
		status: 204,
		headers: {
			'Access-Control-Allow-Origin': origin,
			Vary: 'Origin',
			'Access-Control-Allow-Methods': 'POST',
			'Access-Control-Allow-Headers': 'Content-Type, Accept',
			'Access-Control-Max-Age': '86400',
		},
	};
}

/** The handler of `/comments`, with its own per-client rate limit. */
export function intakeHandler(ctx: ServiceContext): (req: IncomingMessage) => Promise<Answer> {
	const { config, store, articles, now, randomHex, log } = ctx;
	const limiter = new RateLimiter(config.rateLimit);

	return async (req) => {
		const origin = req.headers.origin;
		const allowed = origin !== undefined && config.siteOrigins.includes(origin);
		if (req.method === 'OPTIONS') return preflight(allowed, origin);
		const cors: Record<string, string> = allowed
			? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }
			: { Vary: 'Origin' };
		const encoding = requestEncoding(req.headers['content-type']);
		const accept = req.headers.accept ?? '';
		const wantsJson =
			encoding === 'json' || (/application\/json/.test(accept) && !/text\/html/.test(accept));
		// A browser always names the page a form was sent from: only the site (or this service's own
		// error page, which re-sends the form) may post; programs without an Origin may too.
		const ownOrigin = `${isSecure(req, config) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
		if (origin !== undefined && !allowed && origin !== ownOrigin) {
			const message = 'Comments are accepted only from the site itself.';
			return wantsJson
				? json(403, { ok: false, errors: [{ field: 'request', message }] })
				: html(403, messagePage('Not accepted', message));
		}
		// Redirects and links go to the site origin the form came from, or the canonical one.
		const siteOrigin = allowed ? origin : undefined;

		const { text, tooLarge } = await readBody(req, MAX_BODY_BYTES);
		const fields = encoding && !tooLarge ? readFields(encoding, text).fields : emptyFields();
		const refuse = (
			status: number,
			title: string,
			problems: InputProblem[],
			extra: Record<string, string> = {}
		): Answer => {
			if (wantsJson) return json(status, { ok: false, errors: problems }, { ...cors, ...extra });
			const known = Object.hasOwn(articles.current(now().getTime()), fields.article);
			const articleUrl = known ? articleAddress(config, fields.article, siteOrigin) : undefined;
			// The form on this page, sent again, is redirected to the site: allow that in the CSP.
			const csp = { 'Content-Security-Policy': serviceCsp(config.siteOrigins) };
			return html(status, formProblemPage({ title, problems, fields, articleUrl }), {
				...csp,
				...extra,
			});
		};

		// Every request counts, refused ones too: a program gains nothing by sending rubbish.
		const decision = limiter.take(clientOf(req, config), now().getTime());
		if (!decision.allowed) {
			const minutes = Math.ceil(decision.retryAfterMs / 60_000);
			const message = `You have sent several comments in a short time. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and send again.`;
			return refuse(
				429,
				'Please wait before sending another comment',
				[{ field: 'request', message }],
				{
					'Retry-After': String(Math.ceil(decision.retryAfterMs / 1000)),
				}
			);
		}
		if (!encoding) {
			const message =
				'Send the comment form-encoded (application/x-www-form-urlencoded) or as JSON (application/json).';
			return refuse(400, NOT_SENT, [{ field: 'request', message }]);
		}
		if (tooLarge) {
			const message = `The request is larger than ${MAX_BODY_BYTES / 1024} KiB; a comment is at most 5,000 characters.`;
			return refuse(413, NOT_SENT, [{ field: 'request', message }]);
		}
		const read = readFields(encoding, text);
		const result = validateComment(read.fields, articles.current(now().getTime()), (a) =>
			store.approvedThreads(a)
		);
		const problems = [...read.problems, ...(result.ok ? [] : result.problems)];
		if (!result.ok || problems.length > 0) return refuse(400, NOT_SENT, problems);

		const received = now();
		let id = newCommentId(received, randomHex(ID_RANDOM_BYTES));
		if (read.fields.website.trim()) {
			// The honeypot was filled in: a program. Answer as if accepted, so it learns nothing.
			log(`intake: dropped a honeypot post for ${result.comment.article}`);
		} else {
			// Committed (and synced to disk) before the reader is told it arrived. Two comments in
			// the same second draw the same suffix once in 16.7 million pairs, which a burst of
			// hundreds a second reaches within minutes: the second one draws again.
			for (let draw = 1; !store.add({ ...result.comment, id, date: received }); draw++) {
				if (draw === MAX_ID_DRAWS) throw new Error(`${MAX_ID_DRAWS} comment ids were all taken`);
				id = newCommentId(received, randomHex(ID_RANDOM_BYTES));
			}
			log(`intake: queued ${result.comment.article}/${id}`);
		}
		return wantsJson
			? json(202, { ok: true, id, message: THANKS }, cors)
			: redirect(`${articleAddress(config, result.comment.article, siteOrigin)}#comment-pending`);
	};
}
