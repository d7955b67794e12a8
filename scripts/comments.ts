/**
 * `npm run comments -- <command>`: the reader-comment intake service and its tools.
 *
 *   serve           run the intake service and the moderation queue (settings: COMMENTS_* variables)
 *   export          write every approved comment into the content folder (`--out DIR` to choose it)
 *   hash-password   print the hash of a moderator password, for COMMENTS_PASSWORD_HASH
 *
 * See docs/comments.md.
 */
import { existsSync } from 'node:fs';
import {
	removeLeftovers,
	writeCommentFile,
	type WriteResult,
} from '../src/comments/service/files.ts';
import { startService } from '../src/comments/service/server.ts';
import { CommentStore } from '../src/comments/service/store.ts';
import { serviceConfig } from '../src/comments/service/config.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../src/comments/service/credentials.ts';
import { SITE } from '../src/site.config.ts';
import { errorReport, reportUncaught } from './cli.ts';

reportUncaught('comments');

const USAGE = `Usage: npm run comments -- <command>

  serve           run the comment intake service and the moderation queue
  export [--out DIR]
                  write every approved comment to DIR (default: COMMENTS_CONTENT_DIR,
                  ./content/comments); files already there are left as they are
  hash-password   print the hash of a moderator password for COMMENTS_PASSWORD_HASH
                  (asks for it, or reads it from standard input)

Settings are environment variables; see docs/comments.md.`;

async function serve(): Promise<void> {
	const config = serviceConfig(process.env, SITE.url);
	let service;
	try {
		service = await startService({ config });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
			const why =
				code === 'EADDRINUSE'
					? 'another program listens there'
					: code === 'EACCES'
						? 'ports below 1024 need privileges'
						: 'this machine has no such address';
			throw new Error(
				`COMMENTS_LISTEN="${config.host}:${config.port}": cannot listen there (${code}): ${why}. Choose another host:port.`,
				{ cause: error }
			);
		}
		throw error;
	}
	console.log(`Comment service listening on ${service.url}`);
	console.log(`  queue:      ${config.db}`);
	console.log(`  site:       ${config.siteOrigins.join(', ')}`);
	console.log(`  articles:   ${config.articles}`);
	console.log(
		`  approved:   ${config.contentDir ? `written to ${config.contentDir}` : 'kept in the queue for `npm run comments -- export`'}`
	);
	console.log(`  webhook:    ${config.webhook ?? 'none'}`);
	console.log(
		`  moderation: ${config.passwordHash ? `${service.url}/moderate` : 'off (set COMMENTS_PASSWORD_HASH)'}`
	);
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		console.log(`${signal}: stopping`);
		service.close().then(
			() => process.exit(0),
			(error: Error) => {
				console.error(`comments: stopping failed: ${errorReport(error)}`);
				process.exit(1);
			}
		);
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

function exportComments(args: string[]): void {
	const config = serviceConfig(process.env, SITE.url);
	const outAt = args.indexOf('--out');
	const out = outAt >= 0 ? args[outAt + 1] : config.contentDir;
	if (!out) {
		throw new Error(
			'Nowhere to write: COMMENTS_CONTENT_DIR is off. Pass --out content/comments (the comments folder of the site).'
		);
	}
	if (!existsSync(config.db)) {
		throw new Error(
			`There is no comment queue at ${config.db}; set COMMENTS_DB to the queue's path.`
		);
	}
	const store = new CommentStore(config.db);
	try {
		for (const path of removeLeftovers(out)) {
			console.log(`  removed ${path}, left by a write that did not finish`);
		}
		const results: Record<WriteResult, string[]> = {
			written: [],
			unchanged: [],
			kept: [],
			repaired: [],
		};
		for (const comment of store.list('approved')) {
			let result: WriteResult;
			try {
				result = writeCommentFile(out, comment);
			} catch (error) {
				const done = results.written.length + results.repaired.length;
				throw new Error(
					`Could not write ${comment.article}/${comment.id}.yaml: ${(error as Error).message}. ${done} file(s) were written before it; run the export again once that is fixed.`,
					{ cause: error }
				);
			}
			results[result].push(`${comment.article}/${comment.id}`);
			if (!comment.written) store.markWritten(comment.id, new Date());
		}
		console.log(
			`Approved comments in ${out}: ${results.written.length} written, ${results.repaired.length} repaired, ${results.unchanged.length} already there.`
		);
		for (const id of results.repaired) {
			console.log(`  repaired ${id}.yaml: it had been cut short (a full disk)`);
		}
		for (const id of results.kept) {
			console.log(`  kept ${id}.yaml: the file differs from the queue (edited by hand?)`);
		}
	} finally {
		store.close();
	}
}

/** Reads a line from the terminal without showing it. */
function askHidden(prompt: string): Promise<string> {
	const stdin = process.stdin;
	process.stderr.write(prompt);
	stdin.setRawMode(true);
	stdin.setEncoding('utf8');
	stdin.resume();
	return new Promise((resolve, reject) => {
		let value = '';
		const done = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					done();
					resolve(value);
					return;
				}
				if (ch === '\u0003') {
					done();
					reject(new Error('Cancelled.'));
					return;
				}
				value = ch === '\u007f' || ch === '\b' ? [...value].slice(0, -1).join('') : value + ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function readPassword(): Promise<string> {
	if (process.stdin.isTTY) {
		const first = await askHidden('New moderator password: ');
		const again = await askHidden('The same again: ');
		if (first !== again) throw new Error('The two passwords differ; nothing was printed.');
		return first;
	}
	let text = '';
	for await (const chunk of process.stdin) text += String(chunk);
	return text.replace(/\r?\n$/, '');
}

async function printHash(): Promise<void> {
	const password = await readPassword();
	if ([...password].length < MIN_PASSWORD_LENGTH) {
		throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
	}
	console.log(await hashPassword(password));
	console.error('Set it as COMMENTS_PASSWORD_HASH for the service (see docs/comments.md).');
}

const [command, ...args] = process.argv.slice(2);
const commands: Record<string, () => Promise<void> | void> = {
	serve,
	export: () => exportComments(args),
	'hash-password': printHash,
};
const run = command ? commands[command] : undefined;
if (!run) {
	console.error(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
	process.exitCode = 2;
} else {
	try {
		await run();
	} catch (error) {
		console.error(errorReport(error));
		process.exitCode = 1;
	}
}
