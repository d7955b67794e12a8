/**
 * What the editor's page hands its script at build time, and the names under which the script
 * registers Hangar's canonical file form (`src/model/file-format.ts`) for each collection, so that
 * the editor writes files as `npm run new` and the importer do. Shared by the configuration
 * (`config.ts`), the page and the script.
 */
import type { FileShape } from '../model/file-format.ts';

/** The editor's collections of articles: the folder form, and articles written as one file. */
export const ARTICLE_COLLECTIONS = { folders: 'articles', singleFiles: 'articles_single' } as const;

/** The collection of the articles in one subfolder of `articles/` (a year, say). */
export function groupCollection(group: string): string {
	return `articles_in_${group.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/**
 * The format a collection's files are read and written in, by the editor's script. Sveltia accepts
 * a `.md` extension only with a format whose name ends in `-frontmatter`.
 */
export function formatName(collection: string, extension: 'md' | 'yaml'): string {
	return extension === 'md' ? `hangar-${collection}-frontmatter` : `hangar-${collection}`;
}

/** A field the model requires once another is filled in (alt text with an image). */
export interface RequiredWith {
	field: string;
	label: string;
	with: string;
	withLabel: string;
}

/** The JSON block on the editor's page. */
export interface EditorPageData {
	/** Sveltia's script on this site. */
	script: string;
	/** Each collection the editor offers: its files' extension and canonical shape. */
	files: Record<
		string,
		{ extension: 'md' | 'yaml'; shape: FileShape; requiredWith: RequiredWith[] }
	>;
	/** The article preview: its collections, the site's stylesheets, and how it writes dates. */
	preview: { collections: string[]; styles: string[]; locale: string; timeZone: string };
}

/**
 * Why a file cannot be saved yet: each field that the model requires with another that is filled
 * in, and is empty. The editor's forms cannot make a field required only with another, so the
 * script refuses the save with this message, as the checker would refuse the file.
 */
export function missingRequiredWith(
	data: Readonly<Record<string, unknown>>,
	rules: readonly RequiredWith[]
): string[] {
	const empty = (value: unknown) =>
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	return rules
		.filter((rule) => !empty(data[rule.with]) && empty(data[rule.field]))
		.map(
			(rule) => `Fill in “${rule.label}”: it is required with a ${rule.withLabel.toLowerCase()}.`
		);
}
