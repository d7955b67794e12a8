/**
 * A source file of `npm run import` as text, before any parsing: its bytes decoded as UTF-8, as
 * the encoding it declares, or (not valid UTF-8 and declaring nothing, like many old Latin-1
 * feeds) as Windows-1252, the encoding a browser would guess, with a warning; and the XML entity
 * declarations the import refuses, each by line. Pure: the caller reads the file.
 * @see https://encoding.spec.whatwg.org/#names-and-labels
 */

/** A source file's text, and what the reader should know about how it was read. */
export interface SourceText {
	text: string;
	/** The encoding it was read as (a WHATWG name, e.g. `utf-8`, `windows-1252`). */
	encoding: string;
	warnings: string[];
	/** Why it could not be read at all; `text` is empty then. */
	error?: string | undefined;
}

/** 1-based line and column of `index` in `text`. */
export function positionOf(text: string, index: number): { line: number; column: number } {
	const before = text.slice(0, index);
	const line = before.split('\n').length;
	return { line, column: index - before.lastIndexOf('\n') };
}

/** The encoding an XML declaration or an HTML `<meta charset>` names, from the file's start. */
function declaredEncoding(head: string): string | undefined {
	const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
	const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
	return (xml ?? meta)?.[1];
}

/** The first byte offset at which `bytes` is not valid UTF-8; undefined when it all is. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return undefined;
	} catch {
		// Found by halving: the decoder says whether, not where.
		let good = 0;
		let bad = bytes.length;
		while (bad - good > 4) {
			const middle = Math.floor((good + bad) / 2);
			try {
				new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), {
					stream: true,
				});
				good = middle;
			} catch {
				bad = middle;
			}
		}
		return good;
	}
}

/**
 * Decodes a source file: UTF-8 (with or without a byte-order mark) when it is valid UTF-8, the
 * declared encoding when there is one, else Windows-1252 with a warning naming the first line
 * that is not UTF-8. An encoding no decoder knows is an error naming it.
 */
export function decodeSource(bytes: Uint8Array, file: string): SourceText {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le', file);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be', file);
	const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
	const declared = declaredEncoding(head);
	const invalid = firstInvalidUtf8(bytes);
	if (declared && !/^utf-?8$/i.test(declared)) return decodeAs(bytes, declared, file);
	if (invalid === undefined) return decodeAs(bytes, 'utf-8', file);
	const latin = new TextDecoder('windows-1252').decode(bytes);
	// Windows-1252 reads every byte as one character: the byte offset is the text's.
	const at = positionOf(latin, invalid);
	if (declared) {
		return {
			text: '',
			encoding: 'utf-8',
			warnings: [],
			error: `${file}:${at.line}:${at.column}: declares UTF-8 but is not valid UTF-8 from here on; save it as UTF-8, or declare the encoding it is in (encoding="ISO-8859-1" in the XML declaration, <meta charset> in HTML)`,
		};
	}
	return {
		text: latin,
		encoding: 'windows-1252',
		warnings: [
			`${file}:${at.line}:${at.column}: is not UTF-8 and names no encoding; read as Windows-1252 (Latin-1), as a browser would. Check the accents of what was imported; declare the encoding in the file to be sure`,
		],
	};
}

function decodeAs(bytes: Uint8Array, label: string, file: string): SourceText {
	let decoder: TextDecoder;
	try {
		decoder = new TextDecoder(label);
	} catch {
		return {
			text: '',
			encoding: label,
			warnings: [],
			error: `${file}:1: declares the encoding "${label}", which the import cannot read; save the file as UTF-8`,
		};
	}
	return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings: [] };
}

/**
 * What is refused in an XML file's document type: an external entity (`SYSTEM`/`PUBLIC`, which
 * would read a file or an address) or a parameter entity, each as `file:line:column: …`. Never
 * read: the parser is not even started on such a file. Feeds need no entity of their own.
 */
export function entityDeclarationProblems(xml: string, file: string): string[] {
	const problems: string[] = [];
	for (const match of xml.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(SYSTEM|PUBLIC)?/gi)) {
		const [, parameter, name, external] = match;
		if (!parameter && !external) continue;
		const at = positionOf(xml, match.index);
		problems.push(
			`${file}:${at.line}:${at.column}: declares the ${parameter ? 'parameter' : 'external'} entity "${name}"; the import never reads what an entity points to. Remove the <!ENTITY …> declaration (feeds need none), or export the blog again`
		);
	}
	return problems;
}
