/**
 * Writing approved comments into the content folder, as `<article-slug>/<id>.yaml`. A file is
 * written whole or not at all (a temporary file, synced, then renamed over), and a file that is
 * already there with other text (edited by hand) is never overwritten.
 */
import { randomBytes } from 'node:crypto';
import {
	closeSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { commentFilePath, commentYaml } from '../yaml.ts';
import type { Comment } from '../model.ts';

/** What happened to one comment's file. */
export type WriteResult = 'written' | 'unchanged' | 'kept';

function readIfExists(file: string): string | undefined {
	try {
		return readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
}

/**
 * Writes a comment's file under `dir`: `written` when it is new, `unchanged` when the same text is
 * there already, `kept` when a different file is there (someone edited it; it stays as it is).
 */
export function writeCommentFile(dir: string, comment: Comment): WriteResult {
	const file = join(dir, commentFilePath(comment.article, comment.id));
	const text = commentYaml(comment);
	const existing = readIfExists(file);
	if (existing !== undefined) return existing === text ? 'unchanged' : 'kept';
	mkdirSync(dirname(file), { recursive: true });
	const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
	const fd = openSync(temporary, 'wx');
	try {
		writeSync(fd, text);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	renameSync(temporary, file);
	return 'written';
}
