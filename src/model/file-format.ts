/**
 * The canonical form of a content file: how the browser editor saves one, and how everything else
 * Hangar writes (`npm run new`, the importer, the sample content) is written, so that after a
 * file's first save in the editor an edit changes only the lines of what changed.
 * - Keys in the model's order (the order of `src/model/schema.ts`), keys the model does not know
 *   after them, as they came.
 * - A field that is empty (`''`, `[]`, nothing) or at its default (`draft: false`) is left out.
 * - YAML quotes a string only where YAML needs it and never folds a long line; a list is one
 *   item per line.
 * - An article is `---`, its front matter, `---`, one blank line, the body, one newline at the end.
 * Pure, with no Node or Astro imports: the editor's page bundles it for the browser.
 */
import { parse, stringify } from 'yaml';

/** What the form of one kind of file needs from the model: its fields in order, and defaults. */
export interface FileShape {
	fields: readonly string[];
	defaults: Readonly<Record<string, unknown>>;
}

/** The name of the body in the editor's data of an article (its Markdown widget's name). */
export const BODY = 'body';

/** A value that leaves its key out. */
function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.every(isEmpty);
	return false;
}

/** A date as the model reads it: `YYYY-MM-DD` at midnight UTC, the instant to the second otherwise. */
function dateText(date: Date): string {
	const iso = date.toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, 'Z');
}

/** One value in canonical form: dates as text, lists without empty items. */
function canonical(value: unknown): unknown {
	if (value instanceof Date) return dateText(value);
	if (Array.isArray(value)) return value.filter((v) => !isEmpty(v)).map(canonical);
	return value;
}

/** The data with its keys in the shape's order, without empty fields and fields at their default. */
export function orderedData(
	data: Readonly<Record<string, unknown>>,
	shape: FileShape
): Record<string, unknown> {
	const known = new Set(shape.fields);
	const keys = [...shape.fields, ...Object.keys(data).filter((k) => !known.has(k) && k !== BODY)];
	const out: Record<string, unknown> = {};
	for (const key of keys) {
		const value = canonical(data[key]);
		if (isEmpty(value)) continue;
		if (key in shape.defaults && shape.defaults[key] === value) continue;
		out[key] = value;
	}
	return out;
}

/** YAML text of `data` in canonical form; empty for no data. */
export function formatData(data: Readonly<Record<string, unknown>>, shape: FileShape): string {
	const ordered = orderedData(data, shape);
	if (Object.keys(ordered).length === 0) return '';
	return stringify(ordered, { lineWidth: 0, indentSeq: true });
}

/** An article's file: front matter in canonical form, a blank line, the body. */
export function formatArticle(
	data: Readonly<Record<string, unknown>>,
	body: string,
	shape: FileShape
): string {
	const text = body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
	return `---\n${formatData(data, shape)}---\n${text ? `\n${text}\n` : ''}`;
}

/** The front matter of a Markdown file, and its body (leading blank lines removed). */
export function parseArticle(text: string): { data: Record<string, unknown>; body: string } {
	const match = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
	if (!match) return { data: {}, body: text.replace(/^(?:[ \t]*\r?\n)+/, '') };
	const data: unknown = parse(match[1] ?? '') ?? {};
	return {
		data: typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
		body: text.slice(match[0].length).replace(/^(?:[ \t]*\r?\n)+/, ''),
	};
}

/** The data of a YAML file (a product, an audit). */
export function parseData(text: string): Record<string, unknown> {
	const data: unknown = parse(text) ?? {};
	return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}
