/**
 * What the checker finds and looks at: the problem shape every check reports in (file, line,
 * column, field, message, fix), and the snapshot of the content folder the checks read.
 */
import { closest, distance } from 'fastest-levenshtein';

/** One content file: its path from the repository root (forward slashes) and its text. */
export interface SourceFile {
	path: string;
	text: string;
}

/** Everything the content check looks at. */
export interface ContentSnapshot {
	/** The content folder's path from the repository root, e.g. `content`. */
	contentDir: string;
	articles: SourceFile[];
	products: SourceFile[];
	audits: SourceFile[];
	/** Author files (`content/authors/`); absent in callers that predate authors. */
	authors?: SourceFile[] | undefined;
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
	 * the file is no readable image. Without it, neither lead image sizes nor readability are checked.
	 */
	imageWidth?: ((path: string) => number | undefined) | undefined;
	/**
	 * Whether an image file (repo-relative path) has several frames (an animation, a TIFF of several
	 * pages); without it, none has.
	 */
	imageFrames?: ((path: string) => boolean) | undefined;
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

/** The known value closest to `value`, when it is close enough to be a likely typo. */
export function likelyMeant(value: string, known: readonly string[]): string | undefined {
	if (known.length === 0) return undefined;
	const best = closest(value, [...known]);
	return distance(value, best) <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** The known value closest to `value`, however far; undefined when nothing is known. */
export function closestOf(value: string, known: readonly string[]): string | undefined {
	return known.length ? closest(value, [...known]) : undefined;
}

/** How a value reads in a message: "a number (5)", "a list", "nothing". */
export function kindOf(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (value instanceof Date) return 'a date';
	if (typeof value === 'object') return 'a mapping';
	return `a ${typeof value} (${JSON.stringify(value)})`;
}

/** Orders findings by file, line and column, as every report prints them. */
export function byPosition(a: ContentProblem, b: ContentProblem): number {
	return (
		a.file.localeCompare(b.file) ||
		(a.line ?? 0) - (b.line ?? 0) ||
		(a.column ?? 0) - (b.column ?? 0)
	);
}
