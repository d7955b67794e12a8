/**
 * What the editor's page hands its script at build time, and the names under which the script
 * registers Hangar's canonical file form (`src/model/file-format.ts`) for each collection, so that
 * the editor writes files as `npm run new` and the importer do. Shared by the configuration
 * (`config.ts`), the page and the script.
 */
import type { FileShape } from '../model/file-format.ts';

/**
 * The format a collection's files are read and written in, by the editor's script. Sveltia accepts
 * a `.md` extension only with a format whose name ends in `-frontmatter`.
 */
export function formatName(collection: string, extension: 'md' | 'yaml'): string {
	return extension === 'md' ? `hangar-${collection}-frontmatter` : `hangar-${collection}`;
}

/** The JSON block on the editor's page. */
export interface EditorPageData {
	/** Sveltia's script on this site. */
	script: string;
	/** Each collection the editor offers: its files' extension and canonical shape. */
	files: Record<string, { extension: 'md' | 'yaml'; shape: FileShape }>;
}
