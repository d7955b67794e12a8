/**
 * The checker's side of the content model: a file's fields are parsed with their schema from
 * `src/model/schema.ts`, and each zod issue becomes a problem with the file, line, column, field,
 * a message in the contract's words and a fix (this module is the model's error map, as
 * Starlight's `error-map.ts` is its schema's). Fields the schema does not have are reported with
 * a did-you-mean; references and images, which need the rest of the content folder, are checked
 * here too, driven by the kind each field was declared with.
 * @see https://zod.dev/error-customization
 */
import { posix } from 'node:path';
import type { z } from 'astro/zod';
import {
	BITMAP_FORMAT_NAMES,
	fieldMeta,
	fieldsOf,
	isBitmap,
	type FieldMeta,
} from '../model/fields.ts';
import { slugOfName } from '../model/slugs.ts';
import {
	closestOf,
	kindOf,
	likelyMeant,
	type ContentProblem,
	type ContentSnapshot,
	type Severity,
} from './problems.ts';
import type { YamlText } from './yaml.ts';

/** What the field checks of one file need to know about the rest of the content. */
export interface FieldContext {
	snapshot: ContentSnapshot;
	/** Slugs of each collection a reference may name, e.g. `products`. */
	slugs: Readonly<Record<string, readonly string[]>>;
	problems: ContentProblem[];
}

/** A finding of any severity at a field path (`['products', 1]` reads `products[1]`). */
export interface FieldFinding {
	severity?: Severity;
	rule: string;
	path: readonly PropertyKey[];
	message: string;
	fix?: string | undefined;
}

/** `products[1]` for the path `['products', 1]`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : i ? `.${String(part)}` : String(part)
		)
		.join('');
}

/** One file's fields, read from YAML with positions, and a way to report at any of them. */
export class FileFields {
	readonly file: string;
	readonly data: Record<string, unknown>;
	readonly yaml: YamlText;
	private readonly problems: ContentProblem[];

	// Plain fields rather than parameter properties: Node's type stripping cannot run those.
	constructor(
		file: string,
		data: Record<string, unknown>,
		yaml: YamlText,
		problems: ContentProblem[]
	) {
		this.file = file;
		this.data = data;
		this.yaml = yaml;
		this.problems = problems;
	}

	/** Adds a finding at its field's position; the message is prefixed with the field. */
	report(finding: FieldFinding): void {
		const field = fieldName(finding.path);
		this.problems.push({
			severity: finding.severity ?? 'error',
			rule: finding.rule,
			file: this.file,
			...this.yaml.where(finding.path),
			field,
			message: `${field}: ${finding.message}`,
			fix: finding.fix,
		});
	}

	/** True when a field is written with a value. */
	has(field: string): boolean {
		return this.data[field] !== undefined && this.data[field] !== null;
	}
}

/** Lowers a zod issue, with the meta of the field it is about, into a finding. */
function findingOf(issue: z.core.$ZodIssue, meta: FieldMeta | undefined): FieldFinding {
	const path = issue.path;
	const field = String(path[0] ?? '');
	const input = (issue as { input?: unknown }).input;
	const params = ((issue as { params?: Record<string, unknown> }).params ?? {}) as {
		rule?: string;
		fix?: string;
	};
	const inList = typeof path[path.length - 1] === 'number';
	const example = meta?.example ?? '…';
	const missing = (message: string) => ({
		rule: 'required-field',
		path,
		message,
		fix: `add a line \`${field}: ${example}\``,
	});
	if (params.rule === 'missing') return missing('is required but missing');
	if (params.rule === 'invalid-date') {
		return {
			rule: 'invalid-date',
			path,
			message: issue.message,
			fix: meta?.fix ?? 'write a real calendar date as YYYY-MM-DD, or an ISO 8601 date-time',
		};
	}
	if (params.rule && params.rule !== 'blank') {
		return { rule: params.rule, path, message: issue.message, fix: params.fix };
	}
	if (inList) {
		return {
			rule: 'field-type',
			path,
			message: `must be text, not ${kindOf(input)}`,
			fix: 'put the value in quotes, or remove the empty item',
		};
	}
	if (params.rule === 'blank' || (issue.code === 'invalid_type' && input === undefined)) {
		if (input === '' || input === undefined) return missing('is required but missing or empty');
		return { rule: 'required-field', path, message: 'is empty', fix: `write the ${field}` };
	}
	if (issue.code === 'invalid_value' && meta?.kind === 'choice') {
		const values = issue.values.map(String);
		const near = typeof input === 'string' ? closestOf(input, values) : undefined;
		return {
			rule: meta.rule ?? 'invalid-value',
			path,
			message: `"${String(input)}" is not ${meta.noun ?? 'a value this field takes'}`,
			fix: `use one of ${values.join(', ')}${near ? ` (closest: "${near}")` : ''}`,
		};
	}
	if (issue.code === 'invalid_format' && meta?.kind === 'url') {
		return {
			rule: 'invalid-url',
			path,
			message: `"${String(input)}" is not a web address`,
			fix: 'write a full address starting with https://',
		};
	}
	if (issue.code === 'invalid_type' && issue.expected === 'array') {
		return {
			rule: 'field-type',
			path,
			message: `must be a list, not ${kindOf(input)}`,
			fix: `write it as a list: \`${field}: [a, b]\` or one \`- item\` per line`,
		};
	}
	if (issue.code === 'invalid_type' && issue.expected === 'boolean') {
		return {
			rule: 'field-type',
			path,
			message: `must be true or false, not ${kindOf(input)}`,
			fix: meta?.fix ?? `write \`${field}: true\` or \`${field}: false\``,
		};
	}
	if (issue.code === 'invalid_type' && issue.expected === 'string') {
		return {
			rule: 'field-type',
			path,
			message: `must be text, not ${kindOf(input)}`,
			fix: meta?.fix ?? 'put the value in quotes',
		};
	}
	return { rule: 'invalid-value', path, message: issue.message, fix: meta?.fix };
}

/**
 * Checks one file's fields against its schema (made with the checker's stand-ins): unknown
 * fields, every issue of the schema, then each reference and image field's target.
 */
export function checkFields(schema: z.ZodType, f: FileFields, ctx: FieldContext): void {
	const { names, metas } = fieldsInfo(schema);
	for (const key of Object.keys(f.data)) {
		if (metas.has(key)) continue;
		const meant = likelyMeant(key, names);
		f.report({
			rule: 'unknown-field',
			path: [key],
			message: 'is not a field this kind of file has',
			fix: meant ? `did you mean "${meant}"?` : `remove it; the fields are ${names.join(', ')}`,
		});
	}
	const known = Object.fromEntries(Object.entries(f.data).filter(([key]) => metas.has(key)));
	const parsed = schema.safeParse(known, { reportInput: true });
	const failed = new Set<string>();
	for (const issue of parsed.error?.issues ?? []) {
		const field = String(issue.path[0] ?? '');
		failed.add(field);
		f.report(findingOf(issue, metas.get(field)));
	}
	for (const [field, meta] of metas) {
		if (failed.has(field) || !f.has(field)) continue;
		if (meta.collection) checkReferences(f, field, meta, ctx);
		if (meta.kind === 'image') checkImage(f, field, meta, ctx);
	}
}

const infos = new WeakMap<z.ZodType, { names: string[]; metas: Map<string, FieldMeta> }>();

/** A schema's field names and their meta, read once per schema (10,000 files share one). */
function fieldsInfo(schema: z.ZodType) {
	let info = infos.get(schema);
	if (!info) {
		const shape = fieldsOf(schema);
		const metas = new Map<string, FieldMeta>();
		for (const [name, field] of Object.entries(shape)) {
			const meta = fieldMeta(field);
			if (meta) metas.set(name, meta);
		}
		info = { names: Object.keys(shape), metas };
		infos.set(schema, info);
	}
	return info;
}

function checkReferences(f: FileFields, field: string, meta: FieldMeta, ctx: FieldContext): void {
	const collection = meta.collection ?? '';
	const known = ctx.slugs[collection] ?? [];
	const kind = collection.replace(/s$/, '');
	const folder = `${ctx.snapshot.contentDir}/${collection}`;
	const value = f.data[field];
	const check = (slug: unknown, path: PropertyKey[]) => {
		if (typeof slug !== 'string' || known.includes(slug)) return;
		// A name written where a slug belongs ("Maren Holt" for maren-holt) is matched as a slug.
		const suggestion = closestOf(slugOfName(slug), known);
		f.report({
			rule: `unknown-${kind}`,
			path,
			message: `unknown ${kind} "${slug}"`,
			fix: suggestion
				? `did you mean "${suggestion}"? Slugs are the file names in ${folder}/, or add ${folder}/${slugOfName(slug)}.yaml`
				: `add ${folder}/${slugOfName(slug)}.yaml, or remove it${meta.single ? '' : ' from the list'}`,
		});
	};
	if (meta.single) check(value, [field]);
	else if (Array.isArray(value)) value.forEach((slug: unknown, i) => check(slug, [field, i]));
}

/**
 * Whether a bitmap image file (repo-relative path) cannot be read as one: a web page or an error
 * message saved under an image's name, an empty file. Astro's build would stop at it with a stack
 * trace. Unknown when the snapshot cannot measure images.
 */
export function unreadableImage(ctx: FieldContext, path: string): boolean {
	return ctx.snapshot.imageWidth !== undefined && ctx.snapshot.imageWidth(path) === undefined;
}

/** What the check says of an image file that cannot be read as one. */
export function unreadableReport(value: string): { message: string; fix: string } {
	return {
		message: `"${value}" cannot be read as an image: the file is empty, cut short or not a picture (a web page saved under an image's name, say)`,
		fix: 'open it in an image editor and export it again, or replace it with the original picture',
	};
}

function checkImage(f: FileFields, field: string, meta: FieldMeta, ctx: FieldContext): void {
	const value = f.data[field];
	if (typeof value !== 'string' || value === '') return;
	const report = (message: string, fix: string) =>
		f.report({ rule: 'missing-image', path: [field], message, fix });
	const resolved = posix.normalize(posix.join(posix.dirname(f.file), value));
	const extension = posix.extname(resolved).toLowerCase();
	if (/^[a-z]+:/i.test(value) || value.startsWith('/')) {
		report(
			`"${value}" must be a path relative to this file`,
			'put the image beside the file and write e.g. `./lead.jpg`'
		);
	} else if (!ctx.snapshot.files.has(resolved)) {
		report(
			`the image "${value}" does not exist (looked for ${resolved})`,
			'check the file name, or add the image beside this file'
		);
	} else if (extension === '.svg') {
		report(
			`"${value}" is an SVG drawing; this image is served at several widths and shared as the page's picture, which needs a bitmap`,
			'export it as a PNG (or a JPEG for a photo) and give that file here; an SVG can go in the body'
		);
	} else if (!isBitmap(extension)) {
		report(
			`"${value}" is not an image format the site can publish`,
			`use a file in one of these formats: ${BITMAP_FORMAT_NAMES}`
		);
	} else if (unreadableImage(ctx, resolved)) {
		f.report({ rule: 'unreadable-image', path: [field], ...unreadableReport(value) });
	} else if (ctx.snapshot.imageFrames?.(resolved)) {
		const what = /^\.tiff?$/.test(extension) ? 'has several pages' : 'is animated';
		f.report({
			rule: 'animated-image',
			path: [field],
			message: `"${value}" ${what}; the site makes AVIF and JPEG copies of this image (for its pages, feeds and share image), which cannot move and would show all its frames stacked in one picture`,
			fix: 'give a still picture here: export one frame as a PNG or JPEG; the animation can go in the body, where it plays',
		});
	} else if (meta.minWidth) {
		const width = ctx.snapshot.imageWidth?.(resolved);
		if (width !== undefined && width < meta.minWidth) {
			f.report({
				severity: 'warning',
				rule: 'small-image',
				path: [field],
				message: `"${value}" is ${width} px wide; social networks show it ${meta.minWidth} px wide, blurred`,
				fix: `use an image at least ${meta.minWidth} px wide`,
			});
		}
	}
}
