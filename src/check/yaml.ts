/**
 * YAML with positions: every YAML file and front matter the checker reads goes through here, so a
 * problem can point at the line and column of a field, of one item of a list, or of a syntax error.
 * @see https://eemeli.org/yaml/#line-counter
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ContentProblem } from './problems.ts';

/** A 1-based line and column. */
export interface Position {
	line: number;
	column?: number | undefined;
}

/** A YAML text that could be read: its value and where each part of it was written. */
export interface YamlText {
	/** The parsed value (plain JavaScript). */
	value: unknown;
	/** The document, for walking its nodes. */
	doc: Document;
	/** Position of a node, shifted to the line the YAML starts on in its file. */
	at: (node: Node | null | undefined) => Position;
	/**
	 * Position of the key of a top-level field, or of item `index` of a list field (`[]` path for
	 * the document itself); the document's first line when the field is not written.
	 */
	where: (path: readonly PropertyKey[]) => Position;
}

/**
 * More aliases than this in one file is an "alias bomb" (a few lines that expand to gigabytes),
 * never content: the file is refused with a message instead of hanging the check.
 */
const MAX_ALIASES = 100;

/**
 * Reads a YAML text whose first line is line `firstLine` of `file`; returns it, or the problems
 * that make it unreadable (with `fix` as their advice).
 */
export function readYaml(
	file: string,
	text: string,
	firstLine: number,
	fix: string
): { yaml: YamlText } | { problems: ContentProblem[] } {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
	const shift = (offset: number | undefined): Position => {
		if (offset === undefined) return { line: firstLine };
		const pos = lines.linePos(offset);
		return { line: pos.line + firstLine - 1, column: pos.col };
	};
	const syntax = (offset: number | undefined, message: string): ContentProblem => ({
		severity: 'error',
		rule: 'yaml-syntax',
		file,
		...shift(offset),
		message: `the YAML cannot be read: ${message.split('\n')[0]}`,
		fix,
	});
	if (doc.errors.length) {
		return { problems: doc.errors.map((error) => syntax(error.pos[0], error.message)) };
	}
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: MAX_ALIASES });
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return { problems: [syntax(0, `${reason} (more aliases than a content file ever needs)`)] };
	}
	const at = (node: Node | null | undefined) => shift(node?.range?.[0]);
	const where = (path: readonly PropertyKey[]): Position => {
		const [field, index] = path;
		const contents = doc.contents;
		if (field === undefined || !isMap(contents)) return { line: firstLine };
		const pair = contents.items.find((p) => isScalar(p.key) && p.key.value === field);
		let node = pair?.key as Node | undefined;
		if (typeof index === 'number' && isSeq(pair?.value)) {
			node = pair.value.items[index] ?? node;
		}
		return node ? at(node) : { line: firstLine };
	};
	return { yaml: { value, doc, at, where } };
}

/**
 * Reads a YAML mapping of `field: value` lines (a front matter, a product file). An empty text is
 * an empty mapping; anything but a mapping is a problem.
 */
export function readFields(
	file: string,
	text: string,
	firstLine: number,
	fix: string
): { yaml: YamlText; data: Record<string, unknown> } | { problems: ContentProblem[] } {
	const read = readYaml(file, text, firstLine, fix);
	if ('problems' in read) return read;
	const { value } = read.yaml;
	if (value === null || value === undefined) return { yaml: read.yaml, data: {} };
	if (typeof value !== 'object' || Array.isArray(value) || !isMap(read.yaml.doc.contents)) {
		return {
			problems: [
				{
					severity: 'error',
					rule: 'yaml-syntax',
					file,
					line: firstLine,
					message: 'the YAML must be a list of `field: value` lines',
					fix: 'write one `field: value` per line',
				},
			],
		};
	}
	return { yaml: read.yaml, data: value as Record<string, unknown> };
}
