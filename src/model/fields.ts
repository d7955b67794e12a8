/**
 * The kinds of field the content model is made of. Each schema in `src/model/` declares every field
 * once with one of these builders, which attach what the rest of Hangar derives from the field:
 * its label and description (editor hints, the docs' tables), its kind (the checker's messages,
 * the editor's widget) and, where a kind's default does not fit, the fix the checker suggests.
 * @see https://zod.dev/metadata
 */
import { z } from 'astro/zod';
import { parseContentDate } from './dates.ts';

/** The kind of value a field holds; decides its widget, its docs type and its checker messages. */
export type FieldKind =
	'text' | 'long-text' | 'list' | 'date' | 'choice' | 'flag' | 'url' | 'image' | 'references';

/** What the model says about a field beyond its type. */
export interface FieldInfo {
	/** A short label for forms, e.g. "Lead image". */
	title: string;
	/** What the field is, in a sentence or two: the editor's hint and the docs' "meaning". */
	description: string;
	/** How the value is written, for the docs' type column, when the kind's wording does not fit. */
	format?: string;
	/** The fix the checker suggests for a value of the wrong type, when the kind's does not fit. */
	fix?: string;
	/** The example the checker suggests when a required field is missing, e.g. `2024-05-31`. */
	example?: string;
	/** Required only when this other field is set (e.g. an image's alt text). */
	requiredWith?: string;
	/** Longer than this many characters is worth a warning (a description search engines cut). */
	maxLength?: number;
	/** For a list of records: what each record is (`dated-note`: a `date` and a `text`). */
	record?: 'dated-note';
}

/** Everything a field carries in zod's registry: its info, kind and, when required, that. */
export interface FieldMeta extends FieldInfo {
	kind: FieldKind;
	required?: boolean;
	/** For `choice`: the check's rule name and the noun of its message ("an article type"). */
	rule?: string;
	noun?: string;
	/** For `references`: the collection the slugs name. */
	collection?: string;
	/** For `references`: one slug rather than a list (an article's `author`). */
	single?: boolean;
	/** For `image`: narrower than this many pixels is worth a warning (social cards). */
	minWidth?: number;
}

function withMeta<T extends z.ZodType>(schema: T, meta: FieldMeta): T {
	return schema.meta({ ...meta });
}

/** Text with something other than spaces in it. */
const nonBlank = z.string().refine((s) => s.trim() !== '', { params: { rule: 'blank' } });

/** A line of text; `required` refuses a missing or blank value. */
export function text(info: FieldInfo & { required?: boolean; long?: boolean }) {
	const { required, long, ...rest } = info;
	const meta: FieldMeta = { ...rest, kind: long ? 'long-text' : 'text', required: !!required };
	return { required: withMeta(nonBlank, meta), optional: withMeta(z.string().optional(), meta) };
}

/** A required line of text. */
export function requiredText(info: FieldInfo & { long?: boolean }) {
	return text({ ...info, required: true }).required;
}

/** An optional line of text. */
export function optionalText(info: FieldInfo & { long?: boolean }) {
	return text(info).optional;
}

/** A list of lines of text, empty when absent. */
export function textList(info: FieldInfo) {
	return withMeta(z.array(nonBlank).default([]), { ...info, kind: 'list' });
}

/**
 * A date as authors write it: `YYYY-MM-DD` or an ISO 8601 date-time. An impossible calendar date
 * (2021-02-30, which YAML parsers roll over into March) is refused with the reason.
 */
const contentDate = z.unknown().transform((value, ctx) => {
	const parsed = parseContentDate(value);
	if (parsed.ok) return parsed.date;
	ctx.addIssue({ code: 'custom', message: parsed.reason, params: { rule: 'invalid-date' } });
	return z.NEVER;
});

/** A required date. */
export function requiredDate(info: FieldInfo) {
	return withMeta(
		z.custom<unknown>((v) => v !== undefined, { params: { rule: 'missing' } }).pipe(contentDate),
		{ ...info, kind: 'date', required: true }
	);
}

/** An optional date. */
export function optionalDate(info: FieldInfo) {
	return withMeta(contentDate.optional(), { ...info, kind: 'date' });
}

/** One of a fixed set of values, with a default. */
export function choice<const T extends readonly [string, ...string[]]>(
	values: T,
	fallback: T[number],
	info: FieldInfo & { rule: string; noun: string }
) {
	return withMeta(z.enum(values).default(fallback as never), { ...info, kind: 'choice' });
}

/** True or false, with a default. */
export function flag(fallback: boolean, info: FieldInfo) {
	return withMeta(z.boolean().default(fallback), { ...info, kind: 'flag' });
}

/** A web address (http or https). */
export function webAddress(info: FieldInfo) {
	return withMeta(z.url({ protocol: /^https?$/ }).optional(), { ...info, kind: 'url' });
}

/** Whether a text is an http(s) address. */
function isWebAddress(value: unknown): boolean {
	return typeof value === 'string' && z.url({ protocol: /^https?$/ }).safeParse(value).success;
}

/** A list of web addresses (http or https), empty when absent. */
export function webAddressList(info: FieldInfo) {
	const item = z.custom<string>(isWebAddress, {
		message: 'is not a web address',
		params: { rule: 'invalid-url', fix: 'write a full address starting with https://' },
	});
	return withMeta(z.array(item).default([]), {
		...info,
		kind: 'list',
		format: info.format ?? 'list of web addresses (`https://…`)',
	});
}

/**
 * The bitmap formats, by file extension, that the site publishes and converts (to AVIF and WebP at
 * several widths): what an image field may be. Not SVG, which Astro does not rasterise; a body
 * image may be an SVG, served as it is.
 */
export const BITMAP_FORMATS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff'] as const;

/** The bitmap formats as a reader names them: `jpg, png, webp, avif, gif, tiff`. */
export const BITMAP_FORMAT_NAMES = BITMAP_FORMATS.filter((f) => f !== 'jpeg').join(', ');

/** Whether a file extension (`jpg`, `.JPG`) or a path ending in one is of a bitmap format. */
export function isBitmap(pathOrExtension: string): boolean {
	const extension = /(?:^|\.)(\w+)$/.exec(pathOrExtension)?.[1]?.toLowerCase() ?? '';
	return (BITMAP_FORMATS as readonly string[]).includes(extension);
}

/** Turns an image path into whatever the caller's image schema makes of it (Astro's `image()`). */
export function imageField<T extends z.ZodType>(
	image: () => T,
	info: FieldInfo & { minWidth?: number }
) {
	return withMeta(image().optional(), {
		...info,
		format: `${info.format ?? 'path'} (${BITMAP_FORMAT_NAMES}; not SVG)`,
		kind: 'image',
	});
}

/** A list of slugs of another collection's entries (Astro's `reference()`), empty when absent. */
export function references<C extends string, T extends z.ZodType>(
	reference: (collection: C) => T,
	collection: C,
	info: FieldInfo
) {
	return withMeta(z.array(reference(collection)).default([]), {
		...info,
		kind: 'references',
		collection,
	});
}

/**
 * The slug of one entry of another collection (Astro's `reference()`), optional. Its kind is
 * `text` (a line the editor can offer as it is) and `collection` names what the checker matches
 * the slug against.
 */
export function reference<C extends string, T extends z.ZodType>(
	ref: (collection: C) => T,
	collection: C,
	info: FieldInfo
) {
	return withMeta(ref(collection).optional(), {
		...info,
		kind: 'text',
		collection,
		single: true,
	});
}

/**
 * A list of records, each a few fields of its own (an article's corrections), empty when absent.
 * The item schema carries its own messages; `format` says how one is written.
 */
export function recordList<T extends z.ZodType>(
	item: T,
	info: FieldInfo & { format: string; record: 'dated-note' }
) {
	return withMeta(z.array(item).default([]), { ...info, kind: 'list' });
}

/** A YAML mapping (not a list, a date or a scalar). */
function isMapping(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
	);
}

/**
 * One dated note of a list, e.g. a correction: `{ date, text }`, each required, with the fixes
 * the checker shows (`noun` names the note in them).
 */
export function datedNote(noun: string) {
	const fields = z.object({
		date: z
			.custom<unknown>((v) => v !== undefined, {
				message: 'has no date',
				params: { rule: 'required-field', fix: `give the ${noun} a \`date: YYYY-MM-DD\`` },
			})
			.pipe(contentDate),
		text: z.custom<string>((v) => typeof v === 'string' && v.trim() !== '', {
			message: 'has no text',
			params: { rule: 'required-field', fix: `write what the ${noun} says: \`text: …\`` },
		}),
	});
	return z
		.custom<Record<string, unknown>>(isMapping, {
			message: `must be a ${noun} with a \`date\` and a \`text\``,
			params: {
				rule: 'field-type',
				fix: `write each ${noun} as \`- date: 2024-05-31\` and, indented under it, \`text: …\``,
			},
		})
		.pipe(fields);
}

/** The registry entry of a field, as a field builder made it. */
export function fieldMeta(schema: z.ZodType): FieldMeta | undefined {
	return z.globalRegistry.get(schema) as FieldMeta | undefined;
}

/**
 * A YAML key written without a value (`caption:`) reads as null: it means "not set", as an
 * absent key does, so it is dropped before the fields are read.
 */
function dropNulls(value: unknown): unknown {
	if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
		return value;
	}
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** A rule over several fields of one file; reports through `ctx.addIssue` with a `rule` param. */
export type CrossFieldRule = (data: Record<string, unknown>, ctx: z.RefinementCtx) => void;

/**
 * The schema of one kind of file: its fields, nulls read as absent, and the rules that span
 * fields, which run even when a field is wrong so that every problem is reported at once.
 */
export function fileSchema<S extends z.ZodRawShape>(shape: S, rules: CrossFieldRule[] = []) {
	const object = z.object(shape).superRefine(
		(data, ctx) => {
			for (const rule of rules) rule(data, ctx);
		},
		{ when: () => true }
	);
	return z.preprocess(dropNulls, object);
}

/** The fields of a file schema made by `fileSchema`, by name. */
export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
	const def = (schema as z.ZodPipe).def;
	const object = (def.type === 'pipe' ? def.out : schema) as z.ZodObject;
	return object.shape;
}

/** True when a field's value is set: present and not blank text. */
function isSet(value: unknown): boolean {
	return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}

/**
 * An image field and its alternative text: the text is required with the image, and is refused
 * without one (it would describe nothing).
 */
export function imageWithAlt(image: string, alt: string): CrossFieldRule {
	return (data, ctx) => {
		if (isSet(data[image]) && !isSet(data[alt])) {
			ctx.addIssue({
				code: 'custom',
				path: [alt],
				message: `is required when \`${image}\` is set`,
				params: {
					rule: 'missing-alt',
					fix: `describe the image for people who cannot see it: \`${alt}: …\``,
				},
			});
		} else if (!isSet(data[image]) && data[alt] !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: [alt],
				message: `is set but there is no \`${image}\``,
				params: {
					rule: 'missing-image',
					fix: `add \`${image}: ./file.jpg\`, or remove \`${alt}\``,
				},
			});
		}
	};
}
