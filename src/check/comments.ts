/**
 * Validation of the approved comment files, `content/comments/<article-slug>/<id>.yaml`, with the
 * same problem shape as the rest of the content check, so a broken comment file is reported with
 * every other content error, naming the file, line, field and fix. Pure: the caller reads files.
 */
import { posix } from 'node:path';
import { containsEmailAddress, isCommentId } from '../comments/model.ts';
import { commentSchema } from '../model/schema.ts';
import { checkFields, FileFields, type FieldContext } from './fields.ts';
import { likelyMeant, type ContentProblem, type SourceFile } from './problems.ts';
import { readFields } from './yaml.ts';

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
	fields: FileFields;
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
	const read = readFields(
		file.path,
		file.text,
		1,
		'check the indentation; write a long or multi-line body as `body: |` followed by indented lines'
	);
	if ('problems' in read) {
		problems.push(...read.problems);
		return undefined;
	}
	return { file, article, id, fields: new FileFields(file.path, read.data, read.yaml, problems) };
}

/** The comment's fields against the model, and no e-mail address anywhere in a published file. */
function checkCommentFields(c: Parsed, ctx: FieldContext): void {
	checkFields(commentSchema, c.fields, ctx);
	for (const [field, value] of Object.entries(c.fields.data)) {
		if (typeof value === 'string' && containsEmailAddress(value)) {
			c.fields.report({
				rule: 'email-address',
				path: [field],
				message: 'contains an e-mail address, and comment files are published',
				fix: 'remove the address (e-mail addresses stay in the moderation queue, never in content/)',
			});
		}
	}
}

function checkReply(
	c: Parsed,
	siblings: ReadonlyMap<string, Parsed>,
	problems: ContentProblem[]
): void {
	const replyTo = c.fields.data['replyTo'];
	if (replyTo === undefined || replyTo === null) return;
	const at = { field: 'replyTo', ...c.fields.yaml.where(['replyTo']) };
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
	const grandparent = parent.fields.data['replyTo'];
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
	const ctx: FieldContext = {
		snapshot: {
			contentDir: snapshot.contentDir,
			articles: [],
			products: [],
			audits: [],
			files: new Set(),
		},
		slugs: {},
		problems,
	};
	const byArticle = new Map<string, Map<string, Parsed>>();
	for (const file of snapshot.files) {
		const parsed = parseFile(file, root, problems);
		if (!parsed) continue;
		checkCommentFields(parsed, ctx);
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
