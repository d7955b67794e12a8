/**
 * The comment intake service for tests: started in-process on 127.0.0.1 (a free port) over a
 * scratch folder under tests/.out/, with a list of articles, a queue and a content folder of its
 * own; small clients for posting comments and moderating; and the service as its own process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	startService,
	type RunningService,
	type ServiceOptions,
} from '../../src/comments/service/server.ts';
import type { ServiceConfig } from '../../src/comments/service/config.ts';
import type { CommentsManifest } from '../../src/comments/model.ts';
import { hashPassword } from '../../src/comments/service/credentials.ts';
import { OUT, ROOT } from './build.ts';
import { attrOf, select } from './html.ts';

/** The site origin the test service accepts posts from. */
export const SITE_ORIGIN = 'http://site.test';
/** The moderators' password in tests. */
export const PASSWORD = 'correct horse battery staple';

let hash: Promise<string> | undefined;
/** The hash of PASSWORD (made once: scrypt is slow on purpose). */
export function passwordHash(): Promise<string> {
	hash ??= hashPassword(PASSWORD);
	return hash;
}

/** A scratch folder for one test: `tests/.out/service/<name>`, emptied. */
export function scratch(name: string): string {
	const dir = join(OUT, 'service', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** Writes a `/comments.json` like the build's into `dir`; returns its path. */
export function writeManifest(dir: string, articles: CommentsManifest['articles']): string {
	const file = join(dir, 'comments.json');
	writeFileSync(file, JSON.stringify({ articles }));
	return file;
}

/** The default articles: `story` takes comments, `closed` does not. */
export const ARTICLES: CommentsManifest['articles'] = {
	story: { open: true, threads: ['20240101-000000-aaaaaa'] },
	closed: { open: false, threads: [] },
};

/** Settings for a service in `dir` (queue, content folder and article list inside it). */
export async function testConfig(
	dir: string,
	overrides: Partial<ServiceConfig> = {}
): Promise<ServiceConfig> {
	return {
		host: '127.0.0.1',
		port: 0,
		db: join(dir, 'queue.sqlite'),
		passwordHash: await passwordHash(),
		siteOrigins: [SITE_ORIGIN],
		contentDir: join(dir, 'content'),
		webhook: undefined,
		articles: writeManifest(dir, ARTICLES),
		rateLimit: { limit: 1000, windowMs: 60_000 },
		// Tests name their client in X-Forwarded-For, as a reverse proxy would.
		trustProxy: true,
		...overrides,
	};
}

/** Starts a service whose log is collected in `lines`. */
export async function start(
	config: ServiceConfig,
	options: Partial<ServiceOptions> = {}
): Promise<RunningService & { lines: string[] }> {
	const lines: string[] = [];
	const service = await startService({
		config,
		log: (line) => lines.push(line),
		webhookDelayMs: 0,
		...options,
	});
	return { ...service, lines };
}

/** A valid comment's fields. */
export function comment(overrides: Record<string, string> = {}): Record<string, string> {
	return {
		article: 'story',
		name: 'Ann Reader',
		email: 'ann.reader@example.com',
		body: 'A first comment.\nWith two lines.',
		website: '',
		...overrides,
	};
}

/** How a test posts: encoding, the page's origin, the client's address. */
export interface PostOptions {
	as?: 'form' | 'json';
	origin?: string | undefined;
	client?: string;
	contentType?: string;
	accept?: string;
}

/** Posts to `/comments` as a browser form (default) or as the page script's fetch would. */
export function postComment(
	url: string,
	fields: Record<string, string> | string,
	options: PostOptions = {}
): Promise<Response> {
	const as = options.as ?? 'form';
	const body =
		typeof fields === 'string'
			? fields
			: as === 'json'
				? JSON.stringify(fields)
				: new URLSearchParams(fields).toString();
	const headers: Record<string, string> = {
		'Content-Type':
			options.contentType ??
			(as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded'),
		Accept:
			options.accept ?? (as === 'json' ? 'application/json' : 'text/html,application/xhtml+xml'),
		'X-Forwarded-For': options.client ?? '198.51.100.1',
	};
	if (options.origin !== undefined) headers['Origin'] = options.origin;
	return fetch(`${url}/comments`, { method: 'POST', headers, body, redirect: 'manual' });
}

/** Signs in; returns the session cookie (name=value) and the response. */
export async function signIn(url: string, password = PASSWORD, client = '198.51.100.50') {
	const response = await fetch(`${url}/moderate/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': client },
		body: new URLSearchParams({ password }).toString(),
		redirect: 'manual',
	});
	const setCookie = response.headers.get('set-cookie') ?? '';
	return { response, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

/** The queue page as a signed-in moderator, and its CSRF token. */
export async function queue(url: string, cookie: string): Promise<{ html: string; csrf: string }> {
	const response = await fetch(`${url}/moderate`, { headers: { Cookie: cookie } });
	const html = await response.text();
	return { html, csrf: attrOf(select(html, 'input[name="csrf"]'), 'value') ?? '' };
}

/** Sends a moderation action (`approve`, `reject`, `spam`) for a comment. */
export function act(
	url: string,
	id: string,
	action: string,
	session: { cookie?: string; csrf?: string | undefined }
): Promise<Response> {
	const form = new URLSearchParams();
	if (session.csrf !== undefined) form.set('csrf', session.csrf);
	return fetch(`${url}/moderate/${id}/${action}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			...(session.cookie ? { Cookie: session.cookie } : {}),
		},
		body: form.toString(),
		redirect: 'manual',
	});
}

/** `npm run comments -- serve` in a process of its own, as an operator starts it. */
export interface ServeProcess {
	child: ChildProcessWithoutNullStreams;
	/** Everything it has printed so far, standard output and error together. */
	output(): string;
	/** Settles to its exit code when it exits. */
	exited: Promise<number | null>;
	/** Waits for the last line of its start-up report; the URL it listens on. */
	ready(timeoutMs: number): Promise<string>;
}

/** Starts `scripts/comments.ts serve` on a free port of 127.0.0.1 for `config`'s queue and articles. */
export function serveProcess(
	config: Pick<ServiceConfig, 'db' | 'articles'>,
	env: Record<string, string> = {}
): ServeProcess {
	const child = spawn(process.execPath, ['scripts/comments.ts', 'serve'], {
		cwd: ROOT,
		env: {
			...process.env,
			COMMENTS_LISTEN: '127.0.0.1:0',
			COMMENTS_DB: config.db,
			COMMENTS_ARTICLES: config.articles,
			COMMENTS_CONTENT_DIR: 'off',
			COMMENTS_SITE_ORIGIN: SITE_ORIGIN,
			...env,
		},
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	return {
		child,
		output: () => output,
		exited,
		async ready(timeoutMs) {
			for (let waited = 0; !/moderation: .*\n/.test(output); waited += 20) {
				if (waited > timeoutMs || child.exitCode !== null) {
					throw new Error(`the service did not start:\n${output}`);
				}
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			return /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1] ?? '';
		},
	};
}
