/**
 * The moderation queue in SQLite (Node's built-in `node:sqlite`, no native addon). Every accepted
 * comment is committed before the reader is answered, in WAL mode with `synchronous = FULL`, so a
 * crash or power cut after the answer loses nothing. Each status change is a single conditional
 * UPDATE, so two moderators acting on one comment cannot both win.
 * @see https://nodejs.org/api/sqlite.html
 * @see https://www.sqlite.org/wal.html
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLOutputValue, type StatementSync } from 'node:sqlite';
import type { Comment } from '../model.ts';

/** Where a comment is in moderation. */
export type CommentStatus = 'pending' | 'approved' | 'rejected' | 'spam';

/** Every status, in the order the moderation page counts them. */
export const STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'rejected', 'spam'];

/** A comment as the queue keeps it: the e-mail address too, which is never published. */
export interface StoredComment extends Comment {
	email: string;
	status: CommentStatus;
	/** When a moderator approved, rejected or marked it as spam. */
	decided?: Date | undefined;
	/** When its file was written to the content folder (approved comments only). */
	written?: Date | undefined;
}

/** A comment to queue. */
export type NewComment = Omit<StoredComment, 'status' | 'decided' | 'written'>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS comments (
	id TEXT PRIMARY KEY,
	article TEXT NOT NULL,
	name TEXT NOT NULL,
	email TEXT NOT NULL,
	body TEXT NOT NULL,
	reply_to TEXT,
	received_at TEXT NOT NULL,
	status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
	decided_at TEXT,
	written_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS comments_by_status ON comments (status, received_at);
CREATE TABLE IF NOT EXISTS sessions (
	token_digest TEXT PRIMARY KEY,
	csrf TEXT NOT NULL,
	expires_at INTEGER NOT NULL,
	password_tag TEXT NOT NULL DEFAULT ''
) STRICT;
`;

function date(value: SQLOutputValue): Date | undefined {
	return typeof value === 'string' ? new Date(value) : undefined;
}

function toComment(row: Record<string, SQLOutputValue>): StoredComment {
	return {
		id: String(row['id']),
		article: String(row['article']),
		name: String(row['name']),
		email: String(row['email']),
		body: String(row['body']),
		replyTo: typeof row['reply_to'] === 'string' ? row['reply_to'] : undefined,
		date: new Date(String(row['received_at'])),
		status: String(row['status']) as CommentStatus,
		decided: date(row['decided_at'] ?? null),
		written: date(row['written_at'] ?? null),
	};
}

/** The queue and the moderators' sessions. */
export class CommentStore {
	private readonly db: DatabaseSync;
	private readonly statements = new Map<string, StatementSync>();

	/**
	 * Opens (and creates, with its folder) the database at `path`; `:memory:` for a throwaway one.
	 * Throws an error naming the file and what to do when it is not a queue this service can open.
	 */
	constructor(path: string) {
		try {
			if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
			this.db = new DatabaseSync(path, { timeout: 5000 });
			// WAL lets the moderation page read while a comment is written; FULL syncs every commit to
			// disk before the reader is told the comment was received.
			this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
			this.db.exec(SCHEMA);
		} catch (error) {
			throw new Error(
				`The comment queue ${path} cannot be opened: ${(error as Error).message}. Set COMMENTS_DB to the queue the service made, or to a new file to start an empty one.`,
				{ cause: error }
			);
		}
		// Queues made before sessions were tied to the password: their sessions (tag '') end.
		const columns = this.db.prepare('PRAGMA table_info(sessions)').all();
		if (!columns.some((c) => c['name'] === 'password_tag')) {
			this.db.exec("ALTER TABLE sessions ADD COLUMN password_tag TEXT NOT NULL DEFAULT ''");
		}
	}

	/** A prepared statement, made once per service (every request runs the same few). */
	private sql(text: string): StatementSync {
		let statement = this.statements.get(text);
		if (!statement) {
			statement = this.db.prepare(text);
			this.statements.set(text, statement);
		}
		return statement;
	}

	/**
	 * Queues a comment as pending and returns true; returns false, storing nothing, when its id is
	 * taken (two comments in the same second drew the same suffix).
	 */
	add(comment: NewComment): boolean {
		const { changes } = this.sql(
			'INSERT INTO comments (id, article, name, email, body, reply_to, received_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'
		).run(
			comment.id,
			comment.article,
			comment.name,
			comment.email,
			comment.body,
			comment.replyTo ?? null,
			comment.date.toISOString()
		);
		return Number(changes) === 1;
	}

	/** One comment by id. */
	get(id: string): StoredComment | undefined {
		const row = this.sql('SELECT * FROM comments WHERE id = ?').get(id);
		return row ? toComment(row) : undefined;
	}

	/** Comments with a status, oldest first, at most `limit`. */
	list(status: CommentStatus, limit = 1_000_000): StoredComment[] {
		return this.sql('SELECT * FROM comments WHERE status = ? ORDER BY received_at, id LIMIT ?')
			.all(status, limit)
			.map(toComment);
	}

	/** How many comments have each status. */
	counts(): Record<CommentStatus, number> {
		const counts = { pending: 0, approved: 0, rejected: 0, spam: 0 };
		for (const row of this.sql(
			'SELECT status, COUNT(*) AS n FROM comments GROUP BY status'
		).all()) {
			counts[String(row['status']) as CommentStatus] = Number(row['n']);
		}
		return counts;
	}

	/**
	 * Moves a pending comment to `status`. Returns false when it is not pending (already decided,
	 * perhaps by another moderator) or does not exist.
	 */
	decide(id: string, status: Exclude<CommentStatus, 'pending'>, now: Date): boolean {
		const result = this.sql(
			"UPDATE comments SET status = ?, decided_at = ? WHERE id = ? AND status = 'pending'"
		).run(status, now.toISOString(), id);
		return Number(result.changes) === 1;
	}

	/** Approved comments whose file has not been written yet (e.g. after a crash), oldest first. */
	unwritten(): StoredComment[] {
		return this.sql(
			"SELECT * FROM comments WHERE status = 'approved' AND written_at IS NULL ORDER BY received_at, id"
		)
			.all()
			.map(toComment);
	}

	/** Records that a comment's file is in the content folder. */
	markWritten(id: string, now: Date): void {
		this.sql('UPDATE comments SET written_at = ? WHERE id = ?').run(now.toISOString(), id);
	}

	/** Ids of approved top-level comments on an article: what a new reply may answer. */
	approvedThreads(article: string): string[] {
		return this.sql(
			"SELECT id FROM comments WHERE article = ? AND status = 'approved' AND reply_to IS NULL"
		)
			.all(article)
			.map((row) => String(row['id']));
	}

	/**
	 * Starts a moderator's session, made under the password whose hash has `passwordTag` (see
	 * `passwordTag` in credentials.ts): a new password ends it.
	 */
	createSession(tokenDigest: string, csrf: string, expiresAt: number, passwordTag: string): void {
		this.sql(
			'INSERT INTO sessions (token_digest, csrf, expires_at, password_tag) VALUES (?, ?, ?, ?)'
		).run(tokenDigest, csrf, expiresAt, passwordTag);
	}

	/**
	 * The CSRF token of a live session made under the current password; undefined when there is
	 * none, it has expired or the password has changed since.
	 */
	session(tokenDigest: string, now: number, passwordTag: string): { csrf: string } | undefined {
		const row = this.sql(
			'SELECT csrf FROM sessions WHERE token_digest = ? AND expires_at > ? AND password_tag = ?'
		).get(tokenDigest, now, passwordTag);
		return row ? { csrf: String(row['csrf']) } : undefined;
	}

	/** Ends every session made under another password than `passwordTag`; returns how many. */
	endSessionsOfOtherPasswords(passwordTag: string): number {
		const result = this.sql('DELETE FROM sessions WHERE password_tag != ?').run(passwordTag);
		return Number(result.changes);
	}

	/** Ends a session, and forgets every expired one. */
	endSession(tokenDigest: string, now: number): void {
		this.sql('DELETE FROM sessions WHERE token_digest = ? OR expires_at <= ?').run(
			tokenDigest,
			now
		);
	}

	/** Closes the database. */
	close(): void {
		if (this.db.isOpen) this.db.close();
	}
}
