/**
 * Content validation: every rule of the content contract's Errors section, run over the raw files
 * before Astro sees them, so that every problem is reported at once, with the file, the line, the
 * field and the fix. Pure: the caller reads the files and passes their text in.
 */
import { closest, distance } from 'fastest-levenshtein';
import { posix } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { parseContentDate } from './dates.ts';
import { tagSlug } from './taxonomy.ts';
import { ARTICLE_TYPES } from './types.ts';

/** One content file: its path from the repository root (forward slashes) and its text. */
export interface SourceFile {
	path: string;
	text: string;
}

/** Everything the validator looks at. */
export interface ContentSnapshot {
	/** The content folder's path from the repository root, e.g. `content`. */
	contentDir: string;
	articles: SourceFile[];
	products: SourceFile[];
	audits: SourceFile[];
	/** Every file under the content folder (repo-relative), to check that images exist. */
	files: ReadonlySet<string>;
}

/** A problem found in the content. */
export interface ContentProblem {
	severity: 'error' | 'warning';
	/** Short rule name, stable for editors and CI. */
	rule: string;
	/** Path from the repository root. */
	file: string;
	/** 1-based position in the file, when the problem has one. */
	line?: number | undefined;
	column?: number | undefined;
	/** The front-matter field at fault, e.g. `products[1]`. */
	field?: string | undefined;
	message: string;
	/** What to do about it. */
	fix?: string | undefined;
}

/** Lower-case ASCII letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const IMAGE_EXTENSIONS = new Set([
	'.jpg',
	'.jpeg',
	'.png',
	'.webp',
	'.avif',
	'.gif',
	'.tiff',
	'.svg',
]);

const ARTICLE_FIELDS = [
	'title',
	'date',
	'updated',
	'description',
	'summary',
	'products',
	'audits',
	'tags',
	'type',
	'image',
	'imageAlt',
	'imageCaption',
	'author',
	'draft',
] as const;
const PRODUCT_FIELDS = [
	'name',
	'manufacturer',
	'category',
	'summary',
	'image',
	'imageAlt',
	'url',
] as const;
const AUDIT_FIELDS = [
	'title',
	'auditor',
	'date',
	'commissionedBy',
	'products',
	'summary',
	'reportUrl',
] as const;

/** The known value closest to `value`, when it is close enough to be a likely typo. */
export function likelyMeant(value: string, known: readonly string[]): string | undefined {
	if (known.length === 0) return undefined;
	const best = closest(value, [...known]);
	return distance(value, best) <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** The slug an article file gets: its file name, or its folder's name for `index.md(x)`. */
export function articleSlugOf(path: string): string {
	const { name, dir } = posix.parse(path);
	return name === 'index' ? posix.basename(dir) : name;
}

/** The slug a product or audit file gets: its file name. */
export function dataSlugOf(path: string): string {
	return posix.parse(path).name;
}

/** Splits a Markdown file into its YAML front matter and where that YAML starts. */
export function splitFrontMatter(
	text: string
): { yaml: string; firstLine: number; body: string } | undefined {
	const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match || match.index !== 0) return undefined;
	return { yaml: match[1] ?? '', firstLine: 2, body: text.slice(match[0].length) };
}

/** Validates every file and cross-reference; returns all problems, errors first by file. */
export function validateContent(snapshot: ContentSnapshot): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const productSlugs = slugsOf(snapshot.products, 'product', problems);
	const auditSlugs = slugsOf(snapshot.audits, 'audit', problems);
	const ctx: Context = { snapshot, productSlugs, auditSlugs, problems };

	const seenArticles = new Map<string, string>();
	for (const file of snapshot.articles) {
		const slug = articleSlugOf(file.path);
		checkSlug(file, slug, 'article', problems);
		const first = seenArticles.get(slug);
		if (first) {
			problems.push({
				severity: 'error',
				rule: 'duplicate-slug',
				file: file.path,
				message: `two articles have the slug "${slug}": this file and ${first}`,
				fix: 'rename one of them; the slug is the file name (or the folder name for index.md) and must be unique',
			});
		} else seenArticles.set(slug, file.path);
		validateArticle(file, ctx);
	}
	for (const file of snapshot.products) validateProduct(file, ctx);
	for (const file of snapshot.audits) validateAudit(file, ctx);
	return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

interface Context {
	snapshot: ContentSnapshot;
	productSlugs: string[];
	auditSlugs: string[];
	problems: ContentProblem[];
}

function slugsOf(files: SourceFile[], kind: string, problems: ContentProblem[]): string[] {
	const seen = new Map<string, string>();
	for (const file of files) {
		const slug = dataSlugOf(file.path);
		checkSlug(file, slug, kind, problems);
		const first = seen.get(slug);
		if (first) {
			problems.push({
				severity: 'error',
				rule: 'duplicate-slug',
				file: file.path,
				message: `two ${kind}s have the slug "${slug}": this file and ${first}`,
				fix: `keep one ${kind} file named "${slug}" and delete or rename the other`,
			});
		} else seen.set(slug, file.path);
	}
	return [...seen.keys()];
}

function checkSlug(file: SourceFile, slug: string, kind: string, problems: ContentProblem[]): void {
	if (!SLUG_PATTERN.test(slug)) {
		problems.push({
			severity: 'error',
			rule: 'invalid-slug',
			file: file.path,
			message: `the ${kind} slug "${slug}" (from the file name) is not lower-case letters, digits and hyphens`,
			fix: `rename it to "${tagSlug(slug).replace(/[^a-z0-9-]/g, '') || 'a-name'}"`,
		});
	} else if (kind === 'article' && /^\d+$/.test(slug)) {
		problems.push({
			severity: 'error',
			rule: 'invalid-slug',
			file: file.path,
			message: `the article slug "${slug}" is only digits, which would collide with the page numbers of /articles/${slug}/`,
			fix: 'give the file a name with at least one letter',
		});
	}
}

/** A parsed YAML mapping with positions, so problems can point at the line of a field. */
class Fields {
	readonly data: Record<string, unknown>;
	private readonly file: SourceFile;
	private readonly doc: Document;
	private readonly lines: LineCounter;
	private readonly firstLine: number;
	private readonly problems: ContentProblem[];

	// Plain fields rather than parameter properties: Node's type stripping cannot run those.
	constructor(
		file: SourceFile,
		doc: Document,
		lines: LineCounter,
		firstLine: number,
		problems: ContentProblem[]
	) {
		this.file = file;
		this.doc = doc;
		this.lines = lines;
		this.firstLine = firstLine;
		this.problems = problems;
		const value: unknown = doc.toJS();
		this.data =
			value && typeof value === 'object' && !Array.isArray(value)
				? (value as Record<string, unknown>)
				: {};
	}

	/** Position of a field's key, or of item `index` of a list field. */
	where(field: string, index?: number): { line?: number; column?: number } {
		const contents = this.doc.contents;
		if (!isMap(contents)) return { line: this.firstLine };
		const pair = contents.items.find((p) => (p.key as { value?: unknown } | null)?.value === field);
		let node = pair?.key as Node | undefined;
		if (index !== undefined && isSeq(pair?.value))
			node = (pair.value.items[index] as Node | undefined) ?? node;
		const offset = node?.range?.[0];
		if (offset === undefined) return { line: this.firstLine };
		const pos = this.lines.linePos(offset);
		return { line: pos.line + this.firstLine - 1, column: pos.col };
	}

	report(rule: string, field: string, message: string, fix?: string, index?: number): void {
		this.problems.push({
			severity: 'error',
			rule,
			file: this.file.path,
			...this.where(field, index),
			field: index === undefined ? field : `${field}[${index}]`,
			message: `${index === undefined ? field : `${field}[${index}]`}: ${message}`,
			fix,
		});
	}

	has(field: string): boolean {
		return this.data[field] !== undefined && this.data[field] !== null;
	}

	requireText(field: string, required: boolean): string | undefined {
		const value = this.data[field];
		if (value === undefined || value === null || value === '') {
			if (required)
				this.report(
					'required-field',
					field,
					'is required but missing or empty',
					`add a line \`${field}: …\``
				);
			return undefined;
		}
		if (typeof value !== 'string') {
			this.report(
				'field-type',
				field,
				`must be text, not ${kindOf(value)}`,
				'put the value in quotes'
			);
			return undefined;
		}
		if (required && !value.trim()) {
			this.report('required-field', field, 'is empty', `write the ${field}`);
			return undefined;
		}
		return value;
	}

	textList(field: string): string[] {
		const value = this.data[field];
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) {
			this.report(
				'field-type',
				field,
				`must be a list, not ${kindOf(value)}`,
				`write it as a list: \`${field}: [a, b]\` or one \`- item\` per line`
			);
			return [];
		}
		const out: string[] = [];
		value.forEach((item: unknown, i) => {
			if (typeof item === 'string' && item.trim()) out.push(item);
			else
				this.report(
					'field-type',
					field,
					`must be text, not ${kindOf(item)}`,
					'put the value in quotes, or remove the empty item',
					i
				);
		});
		return out;
	}

	date(field: string, required: boolean): Date | undefined {
		if (!this.has(field)) {
			if (required)
				this.report(
					'required-field',
					field,
					'is required but missing',
					`add a line \`${field}: ${'2024-05-31'}\``
				);
			return undefined;
		}
		const parsed = parseContentDate(this.data[field]);
		if (parsed.ok) return parsed.date;
		this.report(
			'invalid-date',
			field,
			parsed.reason,
			'write a real calendar date as YYYY-MM-DD, or an ISO 8601 date-time'
		);
		return undefined;
	}

	url(field: string): void {
		const value = this.requireText(field, false);
		if (value === undefined) return;
		if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
			this.report(
				'invalid-url',
				field,
				`"${value}" is not a web address`,
				'write a full address starting with https://'
			);
		}
	}

	references(field: string, known: string[], kind: string, folder: string): void {
		this.textList(field).forEach((slug, i) => {
			if (known.includes(slug)) return;
			const suggestion = known.length ? closest(slug, known) : undefined;
			this.report(
				`unknown-${kind}`,
				field,
				`unknown ${kind} "${slug}"`,
				suggestion
					? `did you mean "${suggestion}"? Slugs are the file names in ${folder}/, or add ${folder}/${slug}.yaml`
					: `add ${folder}/${slug}.yaml, or remove it from the list`,
				i
			);
		});
	}

	unknownFields(allowed: readonly string[]): void {
		for (const key of Object.keys(this.data)) {
			if (allowed.includes(key)) continue;
			const meant = likelyMeant(key, allowed);
			this.report(
				'unknown-field',
				key,
				'is not a field this kind of file has',
				meant ? `did you mean "${meant}"?` : `remove it; the fields are ${allowed.join(', ')}`
			);
		}
	}

	image(field: string, altField: string, required: boolean, snapshot: ContentSnapshot): void {
		const value = this.requireText(field, false);
		if (value === undefined) return;
		const resolved = posix.normalize(posix.join(posix.dirname(this.file.path), value));
		if (/^[a-z]+:/i.test(value) || value.startsWith('/')) {
			this.report(
				'missing-image',
				field,
				`"${value}" must be a path relative to this file`,
				'put the image beside the file and write e.g. `./lead.jpg`'
			);
		} else if (!snapshot.files.has(resolved)) {
			this.report(
				'missing-image',
				field,
				`the image "${value}" does not exist (looked for ${resolved})`,
				'check the file name, or add the image beside this file'
			);
		} else if (!IMAGE_EXTENSIONS.has(posix.extname(resolved).toLowerCase())) {
			this.report(
				'missing-image',
				field,
				`"${value}" is not an image format the site can publish`,
				'use a JPEG, PNG, WebP, AVIF, GIF or SVG file'
			);
		}
		if (required && !this.requireText(altField, false)?.trim()) {
			this.report(
				'missing-alt',
				altField,
				`is required when \`${field}\` is set`,
				`describe the image for people who cannot see it: \`${altField}: …\``
			);
		}
	}
}

function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return 'a mapping';
	return `a ${typeof value} (${JSON.stringify(value)})`;
}

function parseFields(
	file: SourceFile,
	yaml: string,
	firstLine: number,
	problems: ContentProblem[]
): Fields | undefined {
	const lines = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
	if (doc.errors.length) {
		for (const error of doc.errors) {
			const pos = error.linePos?.[0];
			problems.push({
				severity: 'error',
				rule: 'yaml-syntax',
				file: file.path,
				line: (pos?.line ?? 1) + firstLine - 1,
				column: pos?.col,
				message: `the YAML cannot be read: ${error.message.split('\n')[0]}`,
				fix: 'check the indentation, and put values containing ": " or starting with a quote, [ or { in quotes',
			});
		}
		return undefined;
	}
	const fields = new Fields(file, doc, lines, firstLine, problems);
	if (!isMap(doc.contents) && doc.contents !== null) {
		problems.push({
			severity: 'error',
			rule: 'yaml-syntax',
			file: file.path,
			line: firstLine,
			message: 'the YAML must be a list of `field: value` lines',
			fix: 'write one `field: value` per line',
		});
		return undefined;
	}
	return fields;
}

function validateArticle(file: SourceFile, ctx: Context): void {
	const split = splitFrontMatter(file.text);
	if (!split) {
		ctx.problems.push({
			severity: 'error',
			rule: 'front-matter',
			file: file.path,
			line: 1,
			message: 'the file does not start with front matter between two `---` lines',
			fix: 'start the file with `---`, then `title: …` and `date: …` lines, then `---`',
		});
		return;
	}
	const f = parseFields(file, split.yaml, split.firstLine, ctx.problems);
	if (!f) return;
	f.unknownFields(ARTICLE_FIELDS);
	f.requireText('title', true);
	const date = f.date('date', true);
	const updated = f.date('updated', false);
	if (date && updated && updated.getTime() < date.getTime()) {
		f.report(
			'date-order',
			'updated',
			`${String(f.data['updated'])} is before the date, ${String(f.data['date'])}`,
			'`updated` is when the article last changed: make it the same as or later than `date`'
		);
	}
	f.requireText('description', false);
	f.textList('summary');
	f.references('products', ctx.productSlugs, 'product', `${ctx.snapshot.contentDir}/products`);
	f.references('audits', ctx.auditSlugs, 'audit', `${ctx.snapshot.contentDir}/audits`);
	f.textList('tags').forEach((tag, i) => {
		if (!tagSlug(tag))
			f.report(
				'invalid-tag',
				'tags',
				`"${tag}" has no letters or digits to make a page address from`,
				'use a word as the tag',
				i
			);
	});
	if (f.has('type')) {
		const type = f.data['type'];
		if (typeof type !== 'string' || !(ARTICLE_TYPES as readonly string[]).includes(type)) {
			f.report(
				'unknown-type',
				'type',
				`"${String(type)}" is not an article type`,
				`use one of ${ARTICLE_TYPES.join(', ')}${typeof type === 'string' ? ` (closest: "${closest(type, [...ARTICLE_TYPES])}")` : ''}`
			);
		}
	}
	f.image('image', 'imageAlt', true, ctx.snapshot);
	if (!f.has('image') && f.has('imageAlt')) {
		f.report(
			'missing-image',
			'imageAlt',
			'is set but there is no `image`',
			'add `image: ./file.jpg`, or remove `imageAlt`'
		);
	}
	f.requireText('imageAlt', false);
	f.requireText('imageCaption', false);
	f.requireText('author', false);
	if (f.has('draft') && typeof f.data['draft'] !== 'boolean') {
		f.report(
			'field-type',
			'draft',
			`must be true or false, not ${kindOf(f.data['draft'])}`,
			'write `draft: true` or `draft: false`'
		);
	}
}

function dataFields(file: SourceFile, ctx: Context): Fields | undefined {
	const f = parseFields(file, file.text, 1, ctx.problems);
	if (f && f.data && Object.keys(f.data).length === 0) {
		ctx.problems.push({
			severity: 'error',
			rule: 'required-field',
			file: file.path,
			line: 1,
			message: 'the file is empty',
			fix: 'write the fields described in the README, or delete the file',
		});
		return undefined;
	}
	return f;
}

function validateProduct(file: SourceFile, ctx: Context): void {
	const f = dataFields(file, ctx);
	if (!f) return;
	f.unknownFields(PRODUCT_FIELDS);
	f.requireText('name', true);
	f.requireText('manufacturer', true);
	f.requireText('category', false);
	f.requireText('summary', false);
	f.image('image', 'imageAlt', true, ctx.snapshot);
	f.url('url');
}

function validateAudit(file: SourceFile, ctx: Context): void {
	const f = dataFields(file, ctx);
	if (!f) return;
	f.unknownFields(AUDIT_FIELDS);
	f.requireText('title', true);
	f.requireText('auditor', true);
	f.date('date', true);
	f.requireText('commissionedBy', false);
	f.references('products', ctx.productSlugs, 'product', `${ctx.snapshot.contentDir}/products`);
	f.requireText('summary', false);
	f.url('reportUrl');
}

/** One line per problem, `file:line:column  severity  rule  message`, then the fix indented. */
export function formatProblems(problems: readonly ContentProblem[]): string {
	return problems
		.map((p) => {
			const where = [p.file, p.line, p.line !== undefined ? p.column : undefined]
				.filter((x) => x !== undefined)
				.join(':');
			return `${where}  ${p.severity}  ${p.rule}  ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}`;
		})
		.join('\n');
}

/** A one-line count of the problems, e.g. "3 errors in 2 files". */
export function summarizeProblems(problems: readonly ContentProblem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const files = new Set(errors.map((p) => p.file)).size;
	return `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}`;
}
