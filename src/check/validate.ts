/**
 * Content validation: every rule of the content contract's Errors section, and the linter's
 * warnings, run over the raw files before Astro sees them, so that every problem is reported at
 * once, with the file, the line, the field and the fix. Pure: the caller reads the files (and
 * image sizes) and passes them in.
 */
import { closest, distance } from 'fastest-levenshtein';
import { posix } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { bodyRefs, siteTarget, type BodyRef, type SiteTarget } from './body-refs.ts';
import { isDateOnly, parseContentDate } from '../model/dates.ts';
import { redirectRuleFaults, type RedirectRule } from '../publish/redirects.ts';
import { cleanTag, tagSlug } from '../model/taxonomy.ts';
import { ARTICLE_TYPES } from '../model/types.ts';

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
	/** `<content>/redirects.yaml`, old addresses sent on to new ones, when there is one. */
	redirects?: SourceFile | undefined;
	/** The time of the build: an article dated later is reported as scheduled. */
	now?: Date | undefined;
	/** The site's own address (`https://…`), so absolute links to it are checked like paths. */
	siteUrl?: string | undefined;
	/**
	 * The width in pixels of an image file (repo-relative path), read by the caller; undefined when
	 * unknown. Without it, lead image sizes are not checked.
	 */
	imageWidth?: ((path: string) => number | undefined) | undefined;
}

/**
 * How much a finding matters: an error stops the build, a warning is worth fixing but never
 * stops anything, and info is news (an article is scheduled).
 */
export type Severity = 'error' | 'warning' | 'info';

/** A problem found in the content. */
export interface ContentProblem {
	severity: Severity;
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

/** Social networks show cards 1,200 px wide: a narrower lead image is blurred there. */
export const LEAD_IMAGE_MIN_WIDTH = 1200;

/** Search engines cut meta descriptions at about this many characters. */
export const DESCRIPTION_MAX_LENGTH = 160;

/** Where old addresses are sent on to new ones, in the content folder (`npm run import` adds to it). */
export const REDIRECTS_FILE = 'redirects.yaml';

const REDIRECT_FIELDS = ['from', 'to', 'status'] as const;

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
	'comments',
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

/**
 * Validates every file and cross-reference, and lints the site as a whole; returns every finding
 * (errors, warnings and scheduled articles) ordered by file, line and column.
 */
export function validateContent(snapshot: ContentSnapshot): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const productSlugs = slugsOf(snapshot.products, 'product', problems);
	const auditSlugs = slugsOf(snapshot.audits, 'audit', problems);
	const ctx: Context = { snapshot, productSlugs, auditSlugs, problems };

	const seenArticles = new Map<string, string>();
	const facts: ArticleFacts[] = [];
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
		facts.push(validateArticle(file, slug, ctx));
	}
	for (const file of snapshot.products) validateProduct(file, ctx);
	for (const file of snapshot.audits) validateAudit(file, ctx);
	lintSite(facts, ctx);
	return problems.sort(
		(a, b) =>
			a.file.localeCompare(b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			(a.column ?? 0) - (b.column ?? 0)
	);
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

	/** Reports an error at a field (or item `index` of a list field). */
	report(rule: string, field: string, message: string, fix?: string, index?: number): void {
		this.add('error', rule, field, message, fix, index);
	}

	/** Reports a finding of any severity at a field (or item `index` of a list field). */
	add(
		severity: Severity,
		rule: string,
		field: string,
		message: string,
		fix?: string,
		index?: number
	): void {
		this.problems.push({
			severity,
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

	image(
		field: string,
		altField: string,
		required: boolean,
		snapshot: ContentSnapshot,
		minWidth?: number
	): void {
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
		} else if (minWidth && posix.extname(resolved).toLowerCase() !== '.svg') {
			// A vector image has no pixel width to be too small.
			const width = snapshot.imageWidth?.(resolved);
			if (width !== undefined && width < minWidth) {
				this.add(
					'warning',
					'small-image',
					field,
					`"${value}" is ${width} px wide; social networks show it ${minWidth} px wide, blurred`,
					`use an image at least ${minWidth} px wide`
				);
			}
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
			// Without prettyErrors the error carries offsets, not line positions.
			const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
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

/** What the site-wide checks need to know about one article, gathered while validating it. */
interface ArticleFacts {
	file: SourceFile;
	slug: string;
	/** Its front matter, when it could be read. */
	fields?: Fields | undefined;
	/** Not a draft, and not scheduled after the build's time. */
	published: boolean;
	/** The images and links of its body. */
	refs: BodyRef[];
}

function validateArticle(file: SourceFile, slug: string, ctx: Context): ArticleFacts {
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
		return { file, slug, published: true, refs: [] };
	}
	const bodyLine = file.text.slice(0, file.text.length - split.body.length).split('\n').length;
	const refs = bodyRefs(split.body, bodyLine);
	const f = parseFields(file, split.yaml, split.firstLine, ctx.problems);
	if (!f) return { file, slug, published: true, refs };
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
	} else if (date && updated && updated.getTime() === date.getTime()) {
		f.add(
			'warning',
			'updated-equals-date',
			'updated',
			`is the same as the date, ${String(f.data['date'])}, so readers see a "Last updated" that says nothing`,
			'remove `updated`, or set it to when the article last changed'
		);
	}
	const draft = f.data['draft'] === true;
	const now = ctx.snapshot.now;
	const scheduled = !draft && date !== undefined && now !== undefined && date > now;
	if (scheduled) {
		const when = isDateOnly(date) ? date.toISOString().slice(0, 10) : date.toISOString();
		f.add(
			'info',
			'scheduled',
			'date',
			`scheduled for ${when}: it stays out of the site until a build runs after that time`,
			'nothing to do; to publish it now, set `date` to today'
		);
	}
	const description = f.requireText('description', false);
	if (description !== undefined && [...description.trim()].length > DESCRIPTION_MAX_LENGTH) {
		f.add(
			'warning',
			'description-length',
			'description',
			`is ${[...description.trim()].length} characters long; search engines cut it after about ${DESCRIPTION_MAX_LENGTH}`,
			`shorten it to ${DESCRIPTION_MAX_LENGTH} characters or fewer`
		);
	}
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
	f.image('image', 'imageAlt', true, ctx.snapshot, LEAD_IMAGE_MIN_WIDTH);
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
	if (f.has('comments') && typeof f.data['comments'] !== 'boolean') {
		f.report(
			'field-type',
			'comments',
			`must be true or false, not ${kindOf(f.data['comments'])}`,
			'write `comments: false` to turn the comment form off on this article'
		);
	}
	return { file, slug, fields: f, published: !draft && !scheduled, refs };
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

/** Where a finding points: a file, and a line and column in it. */
interface Place {
	file: string;
	line?: number | undefined;
	column?: number | undefined;
	field?: string | undefined;
}

/** The pages of the site, and whether each has a published article to show. */
interface SitePages {
	/** Article slug → published (not a draft, not scheduled). */
	articles: Map<string, boolean>;
	/** Tag slug → used by a published article. */
	tags: Map<string, boolean>;
	products: ReadonlySet<string>;
	audits: ReadonlySet<string>;
}

/** The strings of a list field as written, ignoring anything else (the field check reports it). */
function stringsOf(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Site-wide checks, after every file has been read: body images and links, tag spellings,
 * products and audits no article mentions, and the redirects file. Linear in the number of
 * images, links and tags: every lookup is in a map built once.
 */
function lintSite(articles: readonly ArticleFacts[], ctx: Context): void {
	const pages: SitePages = {
		articles: new Map(),
		tags: new Map(),
		products: new Set(ctx.productSlugs),
		audits: new Set(ctx.auditSlugs),
	};
	const mentioned = { product: new Set<string>(), audit: new Set<string>() };
	for (const article of articles) {
		pages.articles.set(
			article.slug,
			pages.articles.get(article.slug) === true || article.published
		);
		const data = article.fields?.data ?? {};
		for (const tag of stringsOf(data['tags'])) {
			const slug = tagSlug(tag);
			if (slug) pages.tags.set(slug, pages.tags.get(slug) === true || article.published);
		}
		for (const slug of stringsOf(data['products'])) mentioned.product.add(slug);
		for (const slug of stringsOf(data['audits'])) mentioned.audit.add(slug);
	}
	for (const article of articles) {
		for (const ref of article.refs) {
			const place = { file: article.file.path, line: ref.line, column: ref.column };
			if (ref.kind === 'image') {
				checkBodyImage(ref, place, ctx);
				continue;
			}
			const target = siteTarget(ref.url, ctx.snapshot.siteUrl);
			if (!target) continue;
			if (target.kind === 'product' || target.kind === 'audit') {
				mentioned[target.kind].add(target.slug);
			}
			checkTarget(ref.url, target, place, article.published, pages, ctx);
		}
	}
	tagVariants(articles);
	for (const [kind, files] of [
		['product', ctx.snapshot.products],
		['audit', ctx.snapshot.audits],
	] as const) {
		for (const file of files) {
			const slug = dataSlugOf(file.path);
			if (mentioned[kind].has(slug)) continue;
			ctx.problems.push({
				severity: 'warning',
				rule: `unused-${kind}`,
				file: file.path,
				line: 1,
				column: 1,
				message: `no article mentions the ${kind} "${slug}", so its page lists nothing`,
				fix: `add "${slug}" to the \`${kind}s\` of the articles about it, or delete the file`,
			});
		}
	}
	if (ctx.snapshot.redirects) validateRedirects(ctx.snapshot.redirects, pages, ctx);
}

function checkBodyImage(ref: BodyRef, place: Place, ctx: Context): void {
	if (!ref.alt?.trim()) {
		ctx.problems.push({
			severity: 'error',
			rule: 'missing-alt',
			...place,
			message: `the image "${ref.url}" has no alt text`,
			fix: 'describe what it shows for people who cannot see it: `![A drone over a field](…)`, or `alt="…"` on an <img>',
		});
	}
	const url = ref.url.trim();
	// Only a path relative to the article is a file of the content folder; addresses, site paths
	// (public/) and MDX expressions are not.
	if (!url || /^([a-z][a-z0-9+.-]*:|\/|#|\{)/i.test(url)) return;
	let path = url.replace(/[?#].*$/, '');
	try {
		path = decodeURI(path);
	} catch {
		// Compare a malformed escape as written.
	}
	const resolved = posix.normalize(posix.join(posix.dirname(place.file), path));
	if (!ctx.snapshot.files.has(resolved)) {
		ctx.problems.push({
			severity: 'error',
			rule: 'missing-image',
			...place,
			message: `the image "${url}" does not exist (looked for ${resolved})`,
			fix: 'check the file name, or add the image beside the article',
		});
	}
}

/** The slugs of the pages of one kind. */
function pagesOf(
	pages: SitePages,
	kind: SiteTarget['kind']
): ReadonlyMap<string, boolean> | ReadonlySet<string> {
	if (kind === 'article') return pages.articles;
	if (kind === 'tag') return pages.tags;
	return kind === 'product' ? pages.products : pages.audits;
}

/** Reports a link (or a redirect) to an article, product, audit or tag page that will not exist. */
function checkTarget(
	url: string,
	target: SiteTarget,
	place: Place,
	fromPublished: boolean,
	pages: SitePages,
	ctx: Context
): void {
	const dir = ctx.snapshot.contentDir;
	const label = place.field ? `${place.field}: ` : '';
	const known = pagesOf(pages, target.kind);
	if (!known.has(target.slug)) {
		const meant = likelyMeant(target.slug, [...known.keys()]);
		const where =
			target.kind === 'tag'
				? 'tag pages exist for the tags articles use'
				: `addresses come from the file names in ${dir}/${target.kind}s/`;
		ctx.problems.push({
			severity: 'error',
			rule: 'broken-link',
			...place,
			message: `${label}links to ${url}, but there is no ${target.kind} "${target.slug}"`,
			fix: meant
				? `did you mean /${target.kind}s/${meant}/? ${where}`
				: `check the address (${where}), or remove the link`,
		});
	} else if (fromPublished && known instanceof Map && known.get(target.slug) === false) {
		ctx.problems.push({
			severity: 'warning',
			rule: 'unpublished-link',
			...place,
			message: `${label}links to ${url}, which is only a draft or scheduled article so far: the link is broken until it is published`,
			fix: 'publish that article first, or link to it later',
		});
	}
}

/**
 * Tags written in more than one way (case or spacing): each use that differs from the spelling
 * most articles use is reported, since the site names a tag's page after one spelling only, and
 * "DataSecurity" even gets a page apart from "Data Security".
 */
function tagVariants(articles: readonly ArticleFacts[]): void {
	interface Use {
		fields: Fields;
		spelling: string;
		index: number;
	}
	const groups = new Map<string, Use[]>();
	for (const { fields } of articles) {
		if (!fields) continue;
		const tags = fields.data['tags'];
		if (!Array.isArray(tags)) continue;
		tags.forEach((spelling: unknown, index) => {
			if (typeof spelling !== 'string' || !tagSlug(spelling)) return;
			const key = cleanTag(spelling).toLowerCase().replace(/ /g, '');
			const group = groups.get(key);
			const use = { fields, spelling, index };
			if (group) group.push(use);
			else groups.set(key, [use]);
		});
	}
	for (const uses of groups.values()) {
		const counts = new Map<string, number>();
		for (const use of uses) counts.set(use.spelling, (counts.get(use.spelling) ?? 0) + 1);
		if (counts.size < 2) continue;
		// The most used spelling; on a tie, one without stray spaces, then the one met first.
		const rank = (s: string) => (counts.get(s) ?? 0) * 2 + (cleanTag(s) === s ? 1 : 0);
		let preferred = uses[0]?.spelling ?? '';
		for (const spelling of counts.keys()) {
			if (rank(spelling) > rank(preferred)) preferred = spelling;
		}
		const others = uses.filter((u) => u.spelling === preferred).length;
		for (const use of uses) {
			if (use.spelling === preferred) continue;
			const ownPage =
				tagSlug(use.spelling) === tagSlug(preferred)
					? ''
					: `, and gets a page of its own, /tags/${tagSlug(use.spelling)}/`;
			use.fields.add(
				'warning',
				'tag-variant',
				'tags',
				`"${use.spelling}" is written "${preferred}" ${others === 1 ? 'once' : `${others} times`} elsewhere${ownPage}`,
				`write "${preferred}", as elsewhere, so the tag has one spelling`,
				use.index
			);
		}
	}
}

/** A position in a YAML text, as 1-based line and column. */
function positionOf(node: Node | null | undefined, lines: LineCounter): Omit<Place, 'file'> {
	const offset = node?.range?.[0];
	if (offset === undefined) return { line: 1, column: 1 };
	const pos = lines.linePos(offset);
	return { line: pos.line, column: pos.col };
}

/**
 * `redirects.yaml`: a list of `from`, `to` and optional `status`, checked like the site config's
 * redirects, with lines; a redirect to an article, product, audit or tag page that does not exist
 * is a broken link.
 */
function validateRedirects(file: SourceFile, pages: SitePages, ctx: Context): void {
	const lines = new LineCounter();
	const doc = parseDocument(file.text, {
		lineCounter: lines,
		uniqueKeys: true,
		prettyErrors: false,
	});
	const problems = ctx.problems;
	if (doc.errors.length) {
		for (const error of doc.errors) {
			problems.push({
				severity: 'error',
				rule: 'yaml-syntax',
				file: file.path,
				line: (error.linePos?.[0] ?? lines.linePos(error.pos[0])).line,
				column: (error.linePos?.[0] ?? lines.linePos(error.pos[0])).col,
				message: `the YAML cannot be read: ${error.message.split('\n')[0]}`,
				fix: 'check the indentation: each redirect is `- from: /old/` with `to: /new/` under it',
			});
		}
		return;
	}
	if (doc.contents === null) return;
	if (!isSeq(doc.contents)) {
		problems.push({
			severity: 'error',
			rule: 'redirects-file',
			file: file.path,
			...positionOf(doc.contents, lines),
			message: 'must be a list of redirects',
			fix: 'write each redirect as `- from: /old-path/` and, under it, `to: /articles/new/`',
		});
		return;
	}
	const seen = new Map<string, number>();
	doc.contents.items.forEach((item, index) => {
		const entry = `[${index}]`;
		const report = (rule: string, node: unknown, field: string, message: string, fix: string) =>
			problems.push({
				severity: 'error',
				rule,
				file: file.path,
				...positionOf(node as Node, lines),
				field: `${entry}.${field}`,
				message: `${entry}.${field}: ${message}`,
				fix,
			});
		if (!isMap(item)) {
			problems.push({
				severity: 'error',
				rule: 'redirects-file',
				file: file.path,
				...positionOf(item, lines),
				field: entry,
				message: `${entry}: must be a redirect with \`from\` and \`to\``,
				fix: 'write `- from: /old-path/` and, under it, `to: /articles/new/`',
			});
			return;
		}
		const keys = new Map<string, Node>();
		const values: Record<string, unknown> = {};
		for (const pair of item.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			keys.set(key, pair.key);
			values[key] = isScalar(pair.value) ? pair.value.value : pair.value;
			if (!(REDIRECT_FIELDS as readonly string[]).includes(key)) {
				const meant = likelyMeant(key, REDIRECT_FIELDS);
				report(
					'unknown-field',
					pair.key,
					key,
					'is not a field of a redirect',
					meant ? `did you mean "${meant}"?` : 'a redirect has `from`, `to` and `status`'
				);
			}
		}
		const rule: RedirectRule = {
			from: values['from'] as string,
			to: values['to'] as string,
			status: values['status'] as number | undefined,
		};
		for (const fault of redirectRuleFaults(rule)) {
			report(
				'invalid-redirect',
				keys.get(fault.field) ?? item,
				fault.field,
				fault.message,
				fault.field === 'status'
					? 'write 301 (moved for good) or 302 (for now)'
					: 'write `from` as the old path, e.g. /blogs/news/story, and `to` as /articles/story/ or a full address'
			);
		}
		if (typeof rule.from === 'string' && rule.from.startsWith('/')) {
			const first = seen.get(rule.from);
			if (first !== undefined) {
				report(
					'duplicate-redirect',
					keys.get('from'),
					'from',
					`"${rule.from}" is already redirected by [${first}]`,
					'keep one redirect from each old address'
				);
			} else seen.set(rule.from, index);
			const page = siteTarget(rule.from);
			if (page && pagesOf(pages, page.kind).has(page.slug)) {
				report(
					'invalid-redirect',
					keys.get('from'),
					'from',
					`"${rule.from}" is a page of the site: the host would serve the page, never the redirect`,
					'remove this redirect'
				);
			}
		}
		if (typeof rule.to === 'string') {
			const target = siteTarget(rule.to, ctx.snapshot.siteUrl);
			if (target) {
				checkTarget(
					rule.to,
					target,
					{ file: file.path, ...positionOf(keys.get('to'), lines), field: `${entry}.to` },
					true,
					pages,
					ctx
				);
			}
		}
	});
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

/** How many warnings and scheduled articles there are, e.g. "2 warnings, 1 article scheduled". */
export function countNonErrors(problems: readonly ContentProblem[]): string {
	const warnings = problems.filter((p) => p.severity === 'warning').length;
	const scheduled = problems.filter((p) => p.rule === 'scheduled').length;
	return [
		`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
		`${scheduled} ${scheduled === 1 ? 'article' : 'articles'} scheduled`,
	].join(', ');
}

/** One finding as `--format json` prints it: every key always present, `null` when absent. */
export interface JsonProblem {
	file: string;
	line: number | null;
	column: number | null;
	severity: Severity;
	rule: string;
	field: string | null;
	message: string;
	fix: string | null;
}

/**
 * The findings as a JSON array for editors and CI: the same keys in the same order for every
 * finding, so a consumer never has to guess, ordered like the text output.
 */
export function problemsJson(problems: readonly ContentProblem[]): string {
	const rows: JsonProblem[] = problems.map((p) => ({
		file: p.file,
		line: p.line ?? null,
		column: p.line !== undefined ? (p.column ?? null) : null,
		severity: p.severity,
		rule: p.rule,
		field: p.field ?? null,
		message: p.message,
		fix: p.fix ?? null,
	}));
	return JSON.stringify(rows, null, 2);
}
