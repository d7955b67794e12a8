/**
 * Validation of the approved comment files, `content/comments/<article-slug>/<id>.yaml`, with the
 * same problem shape as the rest of the content check, so a broken comment file is reported with
 * every other content error, naming the file, line, field and fix. Pure: the caller reads files.
 */
import { posix } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { containsEmailAddress, isCommentId } from '../comments/model.ts';
import { COMMENT_FIELDS } from '../comments/yaml.ts';
import { parseContentDate } from '../model/dates.ts';
import { likelyMeant, type ContentProblem, type SourceFile } from './validate.ts';

/** What the comment check looks at. */
export interface CommentSnapshot {
	/** The content folder's path from the repository root, e.g. `content`. */
	contentDir: string;
	/** Every file under `<contentDir>/comments/`, with its text. */
	files: SourceFile[];
	/** The slugs of every article file, drafts included. */
	articleSlugs: readonly string[];
}

interface Parsed {
	file: SourceFile;
	article: string;
	id: string;
	data: Record<string, unknown>;
	/** Line and column of a field's key. */
	where: (field: string) => { line?: number; column?: number };
}

function problem(
	file: string,
	rule: string,
	message: string,
	fix: string,
	extra: Partial<ContentProblem> = {}
): ContentProblem {
	return { severity: 'error', rule, file, message, fix, ...extra };
}

function positions(doc: Document, lines: LineCounter) {
	return (field: string) => {
		const contents = doc.contents;
		if (!isMap(contents)) return { line: 1 };
		const pair = contents.items.find((p) => (p.key as { value?: unknown } | null)?.value === field);
		const offset = (pair?.key as Node | undefined)?.range?.[0];
		if (offset === undefined) return { line: 1 };
		const pos = lines.linePos(offset);
		return { line: pos.line, column: pos.col };
	};
}

/** Reads one file into its article, id and fields, reporting what makes it unreadable. */
function parseFile(file: SourceFile, root: string, problems: ContentProblem[]): Parsed | undefined {
	const rel = file.path.slice(root.length + 1);
	const parts = rel.split('/');
	const example = `${root}/<article-slug>/<id>.yaml`;
	if (posix.basename(rel).startsWith('.')) return undefined;
	if (parts.length !== 2 || !/\.ya?ml$/.test(rel)) {
		problems.push(
			problem(
				file.path,
				'comment-path',
				'is not where a comment file goes, so it would not be published',
				`a comment is a .yaml file in the folder of its article: ${example}`
			)
		);
		return undefined;
	}
	const article = parts[0] ?? '';
	const id = posix.parse(parts[1] ?? '').name;
	if (!isCommentId(id)) {
		problems.push(
			problem(
				file.path,
				'invalid-comment-id',
				`the comment id "${id}" (from the file name) is not lower-case letters, digits and hyphens (at most 80)`,
				'rename the file, e.g. to 20240601-120000-ab12cd.yaml'
			)
		);
	}
	const lines = new LineCounter();
	const doc = parseDocument(file.text, {
		lineCounter: lines,
		uniqueKeys: true,
		prettyErrors: false,
	});
	if (doc.errors.length > 0) {
		for (const error of doc.errors) {
			const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
			problems.push(
				problem(
					file.path,
					'yaml-syntax',
					`the YAML cannot be read: ${error.message.split('\n')[0]}`,
					'check the indentation; write a long or multi-line body as `body: |` followed by indented lines',
					{ line: pos?.line ?? 1, column: pos?.col }
				)
			);
		}
		return undefined;
	}
	const value: unknown = doc.toJS();
	if (!isMap(doc.contents) || !value || typeof value !== 'object') {
		problems.push(
			problem(
				file.path,
				'yaml-syntax',
				'the file must be `field: value` lines (name, date, body)',
				'write `name: …`, `date: …` and `body: …` lines',
				{ line: 1 }
			)
		);
		return undefined;
	}
	return {
		file,
		article,
		id,
		data: value as Record<string, unknown>,
		where: positions(doc, lines),
	};
}

function checkFields(c: Parsed, problems: ContentProblem[]): void {
	const report = (rule: string, field: string, message: string, fix: string) =>
		problems.push(
			problem(c.file.path, rule, `${field}: ${message}`, fix, { field, ...c.where(field) })
		);
	for (const key of Object.keys(c.data)) {
		if ((COMMENT_FIELDS as readonly string[]).includes(key)) continue;
		const meant = likelyMeant(key, COMMENT_FIELDS);
		report(
			'unknown-field',
			key,
			'is not a field of a comment file',
			meant ? `did you mean "${meant}"?` : `remove it; the fields are ${COMMENT_FIELDS.join(', ')}`
		);
	}
	for (const field of ['name', 'body'] as const) {
		const value = c.data[field];
		if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
			report(
				'required-field',
				field,
				'is required but missing or empty',
				`add a line \`${field}: …\``
			);
		} else if (typeof value !== 'string') {
			report(
				'field-type',
				field,
				`must be text, not ${JSON.stringify(value)}`,
				'put the value in quotes'
			);
		}
	}
	if (c.data['date'] === undefined || c.data['date'] === null) {
		report(
			'required-field',
			'date',
			'is required but missing',
			'add a line `date: 2024-05-31T09:30:00Z`'
		);
	} else {
		const parsed = parseContentDate(c.data['date']);
		if (!parsed.ok)
			report(
				'invalid-date',
				'date',
				parsed.reason,
				'write an ISO 8601 date-time, e.g. 2024-05-31T09:30:00Z'
			);
	}
	for (const [field, value] of Object.entries(c.data)) {
		if (typeof value === 'string' && containsEmailAddress(value)) {
			report(
				'email-address',
				field,
				'contains an e-mail address, and comment files are published',
				'remove the address (e-mail addresses stay in the moderation queue, never in content/)'
			);
		}
	}
}

function checkReply(
	c: Parsed,
	siblings: ReadonlyMap<string, Parsed>,
	problems: ContentProblem[]
): void {
	const replyTo = c.data['replyTo'];
	if (replyTo === undefined || replyTo === null) return;
	const at = { field: 'replyTo', ...c.where('replyTo') };
	const folder = posix.dirname(c.file.path);
	if (typeof replyTo !== 'string' || replyTo === c.id) {
		problems.push(
			problem(
				c.file.path,
				'unknown-comment',
				`replyTo: ${JSON.stringify(replyTo)} is not another comment's id`,
				`write the file name (without .yaml) of a comment in ${folder}/, or remove replyTo`,
				at
			)
		);
		return;
	}
	const parent = siblings.get(replyTo);
	if (!parent) {
		const meant = likelyMeant(
			replyTo,
			[...siblings.keys()].filter((id) => id !== c.id)
		);
		problems.push(
			problem(
				c.file.path,
				'unknown-comment',
				`replyTo: there is no comment "${replyTo}" on this article`,
				meant
					? `did you mean "${meant}"? Ids are the file names in ${folder}/`
					: `write the id (file name without .yaml) of a comment in ${folder}/, or remove replyTo`,
				at
			)
		);
		return;
	}
	const grandparent = parent.data['replyTo'];
	if (typeof grandparent === 'string' && siblings.has(grandparent)) {
		problems.push(
			problem(
				c.file.path,
				'nested-reply',
				`replyTo: "${replyTo}" is itself a reply; replies go one level deep`,
				`answer the comment that started the thread: \`replyTo: ${grandparent}\``,
				at
			)
		);
	}
}

/** Validates every comment file; returns all problems found. */
export function validateComments(snapshot: CommentSnapshot): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const root = `${snapshot.contentDir}/comments`;
	const byArticle = new Map<string, Map<string, Parsed>>();
	for (const file of snapshot.files) {
		const parsed = parseFile(file, root, problems);
		if (!parsed) continue;
		checkFields(parsed, problems);
		const siblings = byArticle.get(parsed.article) ?? new Map<string, Parsed>();
		const first = siblings.get(parsed.id);
		if (first) {
			problems.push(
				problem(
					file.path,
					'duplicate-comment',
					`two comment files have the id "${parsed.id}": this file and ${first.file.path}`,
					'keep one of them'
				)
			);
		} else siblings.set(parsed.id, parsed);
		byArticle.set(parsed.article, siblings);
	}
	for (const [article, siblings] of byArticle) {
		if (!snapshot.articleSlugs.includes(article)) {
			const meant = likelyMeant(article, snapshot.articleSlugs);
			for (const c of siblings.values()) {
				problems.push(
					problem(
						c.file.path,
						'unknown-article',
						`the folder "${article}" names no article, so this comment would not be shown`,
						meant
							? `did you mean "${meant}"? Move the file to ${root}/${meant}/`
							: `move the file to ${root}/<article-slug>/, the slug being the article's file name`
					)
				);
			}
		}
		for (const c of siblings.values()) checkReply(c, siblings, problems);
	}
	return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
