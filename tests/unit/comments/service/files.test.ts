import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
	removeLeftovers,
	unwritableReason,
	writeCommentFile,
	type CommentFs,
} from '../../../../src/comments/service/files.ts';
import { commentYaml } from '../../../../src/comments/yaml.ts';
import { checkComments } from '../../../../src/check/read-comments.ts';
import type { Comment } from '../../../../src/comments/model.ts';
import { OUT } from '../../../helpers/build.ts';

function folder(name: string): string {
	const dir = join(OUT, 'unit', 'comment-files', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** A comment of about 14 KB, as in the report of the full disk. */
const LONG: Comment = {
	id: '20240601-120000-ab12cd',
	article: 'story',
	name: 'Ann Reader',
	date: new Date('2024-06-01T12:00:00Z'),
	body: 'A long comment. '.repeat(900).trim(),
};

function errnoError(code: string): NodeJS.ErrnoException {
	const error: NodeJS.ErrnoException = new Error(`${code}: simulated`);
	error.code = code;
	return error;
}

/** The real file system, except that the disk fills after `room` bytes (writes then come up short). */
function fullDisk(room: number): CommentFs {
	let left = room;
	return {
		...fs,
		writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
			if (left === 0) throw errnoError('ENOSPC');
			const n = Math.min(left, length);
			left -= n;
			return fs.writeSync(fd, buffer, offset, n);
		}) as typeof fs.writeSync,
	};
}

const filesIn = (dir: string) =>
	(readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).sort();

describe('writing a comment file', () => {
	test('a full disk leaves no file and no temporary file, and says the disk is full', () => {
		const dir = folder('full-disk');
		assert.throws(
			() => writeCommentFile(dir, LONG, fullDisk(4096)),
			/the disk holding .* is full \(ENOSPC\)/
		);
		assert.deepEqual(filesIn(dir), ['story']);
		// With room again, the same comment is written whole.
		assert.equal(writeCommentFile(dir, LONG), 'written');
		assert.equal(readFileSync(join(dir, 'story', `${LONG.id}.yaml`), 'utf8'), commentYaml(LONG));
	});

	test('a write that comes up short is continued, not taken for the whole file', () => {
		const dir = folder('short-writes');
		// Every call writes at most 1,000 bytes, as a nearly full disk may.
		const short: CommentFs = {
			...fs,
			writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) =>
				fs.writeSync(fd, buffer, offset, Math.min(1000, length))) as typeof fs.writeSync,
		};
		assert.equal(writeCommentFile(dir, LONG, short), 'written');
		assert.equal(readFileSync(join(dir, 'story', `${LONG.id}.yaml`), 'utf8'), commentYaml(LONG));
	});

	test('a file cut short by an earlier full disk is repaired; an edited one is kept', () => {
		const dir = folder('repair');
		const file = join(dir, 'story', `${LONG.id}.yaml`);
		mkdirSync(join(dir, 'story'));
		writeFileSync(file, commentYaml(LONG).slice(0, 4096));
		assert.equal(writeCommentFile(dir, LONG), 'repaired');
		assert.equal(readFileSync(file, 'utf8'), commentYaml(LONG));
		// A moderator's edit ends its last line: never taken for a cut-short file.
		const edited = commentYaml({ ...LONG, body: 'Shortened by a moderator.' });
		writeFileSync(file, edited);
		assert.equal(writeCommentFile(dir, LONG), 'kept');
		assert.equal(readFileSync(file, 'utf8'), edited);
	});

	test('a folder the service may not write to is named as such, not as a missing folder', () => {
		const dir = folder('read-only');
		// What Node reports for a recursive mkdir under a folder without write permission.
		const readOnly: CommentFs = {
			...fs,
			mkdirSync: () => {
				throw errnoError('ENOENT');
			},
			accessSync: () => {
				throw errnoError('EACCES');
			},
		};
		assert.match(
			unwritableReason(join(dir, 'comments'), readOnly) ?? '',
			/not writable by the service \(EACCES\)/
		);
		assert.equal(unwritableReason(join(dir, 'comments')), undefined);
		assert.throws(
			() => writeCommentFile(join(dir, 'comments'), LONG, readOnly),
			(error: Error) => {
				assert.match(error.message, /read-only|not writable by the service \(EACCES\)/);
				assert.match(error.message, /make it writable|COMMENTS_CONTENT_DIR/);
				assert.doesNotMatch(error.message, /ENOENT/);
				return true;
			}
		);
		const readOnlyFs: CommentFs = {
			...fs,
			openSync: () => {
				throw errnoError('EROFS');
			},
		};
		assert.throws(
			() => writeCommentFile(dir, LONG, readOnlyFs),
			/is on a read-only file system \(EROFS\)/
		);
	});
});

describe('what a crash mid-write leaves', () => {
	test('the content check skips unfinished writes, and the service removes them', () => {
		const root = folder('leftovers');
		const comments = join(root, 'content', 'comments', 'story');
		mkdirSync(comments, { recursive: true });
		const old = `${LONG.id}.yaml.0a1b2c3d.tmp`;
		const hidden = `.${LONG.id}.yaml.4e5f6a7b.tmp`;
		writeFileSync(join(comments, old), 'name: Ann');
		writeFileSync(join(comments, hidden), 'name: Ann');
		const snapshot = {
			contentDir: 'content',
			articles: [{ path: 'content/articles/story.md', text: '' }],
			products: [],
			audits: [],
			files: new Set([`content/comments/story/${old}`, `content/comments/story/${hidden}`]),
			redirects: undefined,
			now: new Date(),
			siteUrl: 'https://example.com',
		};
		assert.deepEqual(checkComments(root, snapshot), []);
		const removed = removeLeftovers(join(root, 'content', 'comments'));
		assert.deepEqual(removed.map((p) => p.slice(comments.length + 1)).sort(), [hidden, old]);
		assert.deepEqual(readdirSync(comments), []);
	});
});
