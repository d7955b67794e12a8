/**
 * The comment intake service (node:http, no framework): `POST /comments` from the site's form
 * (intake.ts) and `/moderate`, the password-protected queue (moderate.ts). It never serves a file
 * from disk: every answer is built in code. See docs/comments.md and the Comments section of
 * docs/content-contract.md.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceConfig } from './config.ts';
import { ArticleList } from './articles.ts';
import type { ServiceContext } from './context.ts';
import { removeLeftovers, unwritableReason, writeCommentFile, type CommentFs } from './files.ts';
import { BASE_HEADERS, type Answer } from './http.ts';
import { intakeHandler } from './intake.ts';
import { moderationHandler } from './moderate.ts';
import { CommentStore } from './store.ts';
import { Webhook } from './webhook.ts';

/** How the service is started; everything but `config` has a default. */
export interface ServiceOptions {
	config: ServiceConfig;
	/** The clock (tests move it). */
	now?: () => Date;
	/** Random bytes as hex, for comment ids (tests force two ids to collide). */
	randomHex?: (bytes: number) => string;
	/** Where log lines go (one event per line; never an e-mail address). */
	log?: (line: string) => void;
	/** Delay before the webhook is called after the last approval. */
	webhookDelayMs?: number;
	/** The file-system calls comment files are written with (tests play a full disk with it). */
	fs?: CommentFs;
}

/** A running service. */
export interface RunningService {
	/** `http://host:port` it listens on. */
	url: string;
	store: CommentStore;
	/** Stops listening, sends a pending webhook call and closes the database. */
	close: () => Promise<void>;
}

const NOT_FOUND: Answer = {
	status: 404,
	headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	body: 'Not found\n',
};

/**
 * Writes the files of approved comments not yet in the content folder: after each approval, and
 * at start, which finishes what a crash between an approval and its file left undone. Returns why
 * it stopped, when a write failed (the comment stays approved and unwritten, to be tried again).
 */
function writeApproved(ctx: ServiceContext, fs?: CommentFs): string | undefined {
	const dir = ctx.config.contentDir;
	if (!dir) return undefined;
	for (const comment of ctx.store.unwritten()) {
		const name = `${comment.article}/${comment.id}`;
		try {
			const result = writeCommentFile(dir, comment, fs);
			ctx.store.markWritten(comment.id, ctx.now());
			ctx.log(
				result === 'kept' ? `file: kept an edited ${name}.yaml` : `file: ${result} ${name}.yaml`
			);
		} catch (error) {
			const reason = (error as Error).message;
			ctx.log(`file: could not write ${name}.yaml: ${reason}`);
			return reason;
		}
	}
	return undefined;
}

/** Starts the service: opens the queue, reads the article list, writes what a crash left unwritten. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
	const { config } = options;
	const now = options.now ?? (() => new Date());
	const log = options.log ?? ((line: string) => console.log(line));
	const store = new CommentStore(config.db);
	const articles = new ArticleList(config.articles, log);
	try {
		await articles.load(now().getTime());
	} catch (error) {
		store.close();
		throw error;
	}
	const randomHex = options.randomHex ?? ((bytes: number) => randomBytes(bytes).toString('hex'));
	const ctx: ServiceContext = { config, store, articles, now, randomHex, log };
	const webhook = config.webhook
		? new Webhook(config.webhook, options.webhookDelayMs ?? 5_000, log)
		: undefined;
	if (config.contentDir) {
		// A crash between a temporary file and its rename leaves the temporary file behind.
		try {
			for (const path of removeLeftovers(config.contentDir, options.fs)) {
				log(`file: removed ${path}, left by a write that did not finish`);
			}
		} catch (error) {
			log(`file: could not look for unfinished writes: ${(error as Error).message}`);
		}
		const unwritable = unwritableReason(config.contentDir, options.fs);
		if (unwritable) log(`file: approved comments cannot be written: ${unwritable}`);
	}
	let writeError = writeApproved(ctx, options.fs);

	const intake = intakeHandler(ctx);
	const moderate = moderationHandler(ctx, {
		approved: (id) => {
			writeError = writeApproved(ctx, options.fs);
			webhook?.notify(id);
		},
		writeError: () => writeError,
	});

	const handle = async (req: IncomingMessage): Promise<Answer> => {
		const url = new URL(req.url ?? '/', 'http://service.invalid');
		const path = url.pathname;
		if (path === '/comments') {
			if (req.method === 'POST' || req.method === 'OPTIONS') return intake(req);
			return { status: 405, headers: { Allow: 'POST, OPTIONS' } };
		}
		if (path === '/moderate' || path.startsWith('/moderate/')) {
			return moderate(req, path, url.searchParams);
		}
		if (path === '/health' && req.method === 'GET') {
			return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: 'ok\n' };
		}
		return NOT_FOUND;
	};

	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		handle(req)
			.catch((error: Error): Answer => {
				log(`error: ${req.method} ${req.url}: ${error.stack ?? error.message}`);
				const body = 'The comment service failed; nothing was stored.\n';
				return { status: 500, headers: { 'Content-Type': 'text/plain' }, body };
			})
			.then(
				(answer) => {
					if (res.headersSent) return;
					res.writeHead(answer.status, { ...BASE_HEADERS, ...answer.headers });
					res.end(answer.body);
				},
				() => res.destroy()
			);
	});
	server.requestTimeout = 30_000;
	server.headersTimeout = 10_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.port, config.host, () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${host}:${address.port}`,
		store,
		close: async () => {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			await webhook?.flush();
			store.close();
		},
	};
}
