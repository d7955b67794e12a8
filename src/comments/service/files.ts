/**
 * Writing approved comments into the content folder, as `<article-slug>/<id>.yaml`. A file is
 * written whole or not at all: the text goes to a hidden temporary file beside it
 * (`.<id>.yaml.<hex>.tmp`, which the content check and Astro's loader never read), every byte is
 * written and synced, then it is renamed over. A failed write removes its temporary file, and a
 * file that is already there with other text (edited by hand) is never overwritten.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { commentFilePath, commentYaml, isTemporaryCommentFile } from '../yaml.ts';
import type { Comment } from '../model.ts';

/** What happened to one comment's file. */
export type WriteResult = 'written' | 'unchanged' | 'kept' | 'repaired';

/**
 * The file-system calls the writer makes; tests replace some to play a full disk or a read-only
 * folder (a root test process cannot be refused a write by permissions).
 */
export type CommentFs = Pick<
	typeof nodeFs,
	| 'accessSync'
	| 'closeSync'
	| 'existsSync'
	| 'fsyncSync'
	| 'mkdirSync'
	| 'openSync'
	| 'readFileSync'
	| 'readdirSync'
	| 'renameSync'
	| 'unlinkSync'
	| 'writeSync'
>;

function readIfExists(fs: CommentFs, file: string): string | undefined {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/** The nearest folder of `path` (itself included) that exists. */
function existingAncestor(fs: CommentFs, path: string): string {
	let dir = path;
	while (!fs.existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
	return dir;
}

/**
 * An error saying what is wrong with writing under `dir`, in words an operator can act on:
 * Node reports a recursive mkdir refused by permissions as ENOENT, which names no cause.
 */
export function describeWriteError(fs: CommentFs, dir: string, error: unknown): Error {
	const code = (error as NodeJS.ErrnoException).code ?? '';
	const detail = (error as Error).message;
	if (code === 'ENOSPC' || code === 'EDQUOT') {
		return new Error(
			`the disk holding ${dir} is full (${code}); free some space, and the comment is written on the next approval or restart`,
			{ cause: error }
		);
	}
	if (code === 'EROFS') {
		return new Error(
			`${dir} is on a read-only file system (EROFS); mount it writable, or set COMMENTS_CONTENT_DIR to a writable folder`,
			{ cause: error }
		);
	}
	const ancestor = existingAncestor(fs, dir);
	try {
		fs.accessSync(ancestor, constants.W_OK);
	} catch (access) {
		const why = (access as NodeJS.ErrnoException).code ?? 'EACCES';
		const what =
			why === 'EROFS' ? 'is on a read-only file system' : 'is not writable by the service';
		return new Error(
			`${ancestor} ${what} (${why}), so comments cannot be written to ${dir}; make it writable for the user the service runs as (e.g. chown or chmod u+w), or set COMMENTS_CONTENT_DIR to a writable folder`,
			{ cause: error }
		);
	}
	return new Error(`cannot write to ${dir}: ${detail}`, { cause: error });
}

/**
 * Why comment files cannot be written under `dir` right now (its nearest existing folder is on a
 * read-only file system, or not writable by this user); undefined when they can. Checked at start,
 * so the operator reads it before the first approval fails.
 */
export function unwritableReason(dir: string, fs: CommentFs = nodeFs): string | undefined {
	const ancestor = existingAncestor(fs, dir);
	try {
		fs.accessSync(ancestor, constants.W_OK);
		return undefined;
	} catch (error) {
		return describeWriteError(fs, dir, error).message;
	}
}

/** Writes all of `bytes` to `fd`: a short write (a nearly full disk) is continued, never ignored. */
function writeAll(fs: CommentFs, fd: number, bytes: Uint8Array): void {
	let at = 0;
	while (at < bytes.length) {
		const written = fs.writeSync(fd, bytes, at, bytes.length - at);
		if (!(written > 0)) {
			const error: NodeJS.ErrnoException = new Error('no space left on device, write');
			error.code = 'ENOSPC';
			throw error;
		}
		at += written;
	}
}

/** Writes `text` to `file` through a hidden temporary file; on any failure, leaves no trace. */
function writeWhole(fs: CommentFs, file: string, text: string): void {
	const dir = dirname(file);
	const temporary = join(dir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
	let fd: number | undefined;
	try {
		fs.mkdirSync(dir, { recursive: true });
		fd = fs.openSync(temporary, 'wx');
		writeAll(fs, fd, Buffer.from(text, 'utf8'));
		fs.fsyncSync(fd);
		fs.closeSync(fd);
		fd = undefined;
		fs.renameSync(temporary, file);
	} catch (error) {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// Already reporting the write's own failure.
			}
		}
		try {
			fs.unlinkSync(temporary);
		} catch {
			// Never created, or already gone.
		}
		throw describeWriteError(fs, dir, error);
	}
}

/**
 * True when `existing` is `text` cut short, as a write that ignored a full disk left it: a strict
 * beginning of it that does not end a line (an editor saves whole lines; a disk fills mid-line).
 */
function isCutShort(existing: string, text: string): boolean {
	return existing.length < text.length && text.startsWith(existing) && !existing.endsWith('\n');
}

/**
 * Writes a comment's file under `dir`: `written` when it is new, `unchanged` when the same text is
 * there already, `repaired` when the file there was the start of this text (cut short by a full
 * disk before the writer checked every byte), `kept` when a different file is there (someone
 * edited it; it stays as it is). Throws an error saying what to do when it cannot write.
 */
export function writeCommentFile(
	dir: string,
	comment: Comment,
	fs: CommentFs = nodeFs
): WriteResult {
	const file = join(dir, commentFilePath(comment.article, comment.id));
	const text = commentYaml(comment);
	const existing = readIfExists(fs, file);
	if (existing === text) return 'unchanged';
	if (existing !== undefined && !isCutShort(existing, text)) return 'kept';
	writeWhole(fs, file, text);
	return existing === undefined ? 'written' : 'repaired';
}

/**
 * Removes the temporary files a crash between writing and renaming left under `dir` (they would
 * otherwise sit in the content folder); returns their paths. A folder that is not there has none.
 */
export function removeLeftovers(dir: string, fs: CommentFs = nodeFs): string[] {
	let entries: nodeFs.Dirent[];
	try {
		entries = fs.readdirSync(dir, { recursive: true, withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const removed: string[] = [];
	for (const entry of entries) {
		if (!entry.isFile() || !isTemporaryCommentFile(entry.name)) continue;
		const path = join(entry.parentPath, entry.name);
		fs.unlinkSync(path);
		removed.push(path);
	}
	return removed;
}
