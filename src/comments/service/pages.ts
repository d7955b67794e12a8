/**
 * The HTML pages the intake service answers with: the moderators' login and queue, and the page a
 * reader without JavaScript sees when a comment cannot be accepted (the problems, and the form
 * again with their text, so nothing they wrote is lost). Every value is escaped; the pages load
 * nothing and run no script, and their only style is allowed by hash.
 */
import type { InputProblem, PostedFields } from '../input.ts';
import { COMMENT_LIMITS } from '../model.ts';
import { cspHash } from '../../publish/headers.ts';
import { escapeAttribute as attr, escapeHtml as text } from '../../publish/html.ts';

const STYLE = `body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1d1f22;background:#fbfaf7}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin:0}label{display:block;font-weight:600;margin-top:1rem}
input,textarea{font:inherit;width:100%;box-sizing:border-box;padding:.4rem;border:1px solid #55595f;border-radius:.3rem}
textarea{min-height:10rem}button{font:inherit;padding:.45rem 1rem;margin:.75rem .5rem 0 0;border-radius:.3rem;border:1px solid #0b5cad;background:#0b5cad;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cad}.item{border:1px solid #dcd8ce;border-radius:.5rem;padding:1rem;margin:1rem 0;background:#fff;list-style:none}
.queue{padding:0}.meta{color:#55595f;font-size:.9rem;margin:.25rem 0}.text{white-space:pre-wrap;overflow-wrap:anywhere}
.problems{border-left:4px solid #b42318;padding:.5rem 1rem;background:#fff}.notice{border-left:4px solid #0b5cad;padding:.5rem 1rem;background:#fff}
.trap{display:none}a{color:#0b5cad}:focus-visible{outline:3px solid #c2410c;outline-offset:2px}`;

/**
 * The Content-Security-Policy of a service page: nothing from anywhere, the one style by hash,
 * never framed, and forms only to the service itself, or the redirect it answers with:
 * `redirectTargets` are the site origins a refused comment, sent again, is redirected to
 * (browsers apply `form-action` to a form's redirects too).
 */
export function serviceCsp(redirectTargets: readonly string[] = []): string {
	return [
		"default-src 'none'",
		`style-src ${cspHash(STYLE)}`,
		["form-action 'self'", ...redirectTargets].join(' '),
		"base-uri 'none'",
		"frame-ancestors 'none'",
	].join('; ');
}

/** A whole page around `body`. */
export function servicePage(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${text(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

/** A page with a heading and one message, e.g. for a refused request. */
export function messagePage(
	title: string,
	message: string,
	link?: { href: string; label: string }
): string {
	const back = link ? `<p><a href="${attr(link.href)}">${text(link.label)}</a></p>` : '';
	return servicePage(title, `<h1>${text(title)}</h1>\n<p>${text(message)}</p>${back}`);
}

/** The moderators' login form; `problem` is shown above it after a failed attempt. */
export function loginPage(problem?: string): string {
	const alert = problem ? `<p class="problems" role="alert">${text(problem)}</p>` : '';
	return servicePage(
		'Moderation: sign in',
		`<h1>Moderation</h1>
${alert}
<form method="post" action="/moderate/login">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>`
	);
}

/** A pending comment as the moderators see it: the e-mail address included, never published. */
export interface QueueItem {
	id: string;
	article: string;
	/** Absolute URL of the article on the site. */
	articleUrl: string;
	name: string;
	email: string;
	body: string;
	received: Date;
	replyTo?: string | undefined;
}

/** What the queue page shows. */
export interface QueueView {
	items: readonly QueueItem[];
	/** The session's CSRF token, sent back with every action. */
	csrf: string;
	/** Comments per status, e.g. `{ approved: 12, spam: 3 }`. */
	counts: Readonly<Record<string, number>>;
	/** A message about the last action, shown at the top. */
	notice?: string | undefined;
	/** Approved comments whose files could not be written yet, and why. */
	unwritten?: { count: number; error?: string | undefined } | undefined;
}

function when(date: Date): string {
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function queueItem(item: QueueItem, csrf: string): string {
	const base = `/moderate/${encodeURIComponent(item.id)}`;
	const reply = item.replyTo ? ` · in reply to ${text(item.replyTo)}` : '';
	return `<li class="item"><article aria-labelledby="c-${attr(item.id)}">
<h2 id="c-${attr(item.id)}">${text(item.name)}</h2>
<p class="meta">on <a href="${attr(item.articleUrl)}">${text(item.article)}</a> · ${text(item.email)} · ${text(when(item.received))}${reply}</p>
<div class="text">${text(item.body)}</div>
<form method="post" action="${attr(base)}/approve">
<input type="hidden" name="csrf" value="${attr(csrf)}">
<button type="submit">Approve</button>
<button type="submit" class="secondary" formaction="${attr(base)}/reject">Reject</button>
<button type="submit" class="secondary" formaction="${attr(base)}/spam">Spam</button>
</form>
</article></li>`;
}

/** The queue of pending comments, oldest first, each with approve, reject and spam. */
export function queuePage(view: QueueView): string {
	const counts = Object.entries(view.counts)
		.map(([status, n]) => `${n} ${text(status)}`)
		.join(', ');
	const notice = view.notice ? `<p class="notice" role="status">${text(view.notice)}</p>` : '';
	const unwritten =
		view.unwritten && view.unwritten.count > 0
			? `<p class="problems" role="alert">${view.unwritten.count} approved comment(s) are not yet written to the content folder${view.unwritten.error ? `: ${text(view.unwritten.error)}` : ''}. They are kept and written on the next approval or restart, or by <code>npm run comments -- export</code>.</p>`
			: '';
	const list =
		view.items.length > 0
			? `<ol class="queue">\n${view.items.map((i) => queueItem(i, view.csrf)).join('\n')}\n</ol>`
			: '<p>No comments are waiting. </p>';
	return servicePage(
		`Moderation (${view.items.length} waiting)`,
		`<h1>Comments waiting for approval: ${view.items.length}</h1>
${notice}${unwritten}
<p class="meta">All comments: ${counts || 'none yet'}.</p>
${list}
<form method="post" action="/moderate/logout"><input type="hidden" name="csrf" value="${attr(view.csrf)}"><button type="submit" class="secondary">Sign out</button></form>`
	);
}

const FIELD_LABELS: Record<InputProblem['field'], string> = {
	article: 'Article',
	name: 'Name',
	email: 'E-mail',
	body: 'Comment',
	website: 'Website',
	replyTo: 'Reply to',
	request: 'Request',
};

/** What the reader sees when a form post is refused. */
export interface FormProblemView {
	title: string;
	problems: readonly InputProblem[];
	/** What they sent, put back into the form. */
	fields: PostedFields;
	/** Absolute URL of the article, when it is a known one. */
	articleUrl?: string | undefined;
}

/**
 * The refused comment: the problems (each linked to its field) and the form again, filled in with
 * what the reader wrote, posting to the service once more.
 */
export function formProblemPage(view: FormProblemView): string {
	const f = view.fields;
	const editable = new Set(['name', 'email', 'body']);
	const items = view.problems
		.map((p) => {
			const label = `${FIELD_LABELS[p.field]}: ${text(p.message)}`;
			return `<li>${editable.has(p.field) ? `<a href="#${p.field}">${label}</a>` : label}</li>`;
		})
		.join('\n');
	const back = view.articleUrl
		? `<p><a href="${attr(view.articleUrl)}">Back to the article</a> (your text is only kept on this page).</p>`
		: '';
	return servicePage(
		view.title,
		`<h1>${text(view.title)}</h1>
<div class="problems" role="alert"><ul>
${items}
</ul></div>
<form method="post" action="/comments">
<input type="hidden" name="article" value="${attr(f.article)}">
<input type="hidden" name="replyTo" value="${attr(f.replyTo)}">
<label for="name">Name</label>
<input id="name" name="name" type="text" autocomplete="name" required maxlength="${COMMENT_LIMITS.name}" value="${attr(f.name)}">
<label for="email">E-mail (never published)</label>
<input id="email" name="email" type="email" autocomplete="email" required maxlength="${COMMENT_LIMITS.email}" value="${attr(f.email)}">
<label for="body">Comment</label>
<textarea id="body" name="body" required maxlength="${COMMENT_LIMITS.body}">\n${text(f.body)}</textarea>
<div class="trap" aria-hidden="true"><label for="website">Leave this empty</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit">Send again</button>
</form>
${back}`
	);
}
