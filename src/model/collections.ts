/**
 * Where each collection's files live under the content folder, which files count, and the id
 * (slug) each file gets. The Astro loaders (`src/content.config.ts`) and the checker's reader
 * (`src/check/read.ts`) both take them from here, so they always see the same files.
 */
import { articleSlugOf, dataSlugOf } from './slugs.ts';

/** A collection's folder, its glob pattern within it, and how a matched path becomes an id. */
export interface CollectionFiles {
	folder: string;
	pattern: string;
	idOf: (path: string) => string;
}

/** The files of each collection. */
export const COLLECTION_FILES = {
	/** Folders may group articles; the slug is the file name, or the folder of an `index.md`. */
	articles: { folder: 'articles', pattern: '**/*.{md,mdx}', idOf: articleSlugOf },
	products: { folder: 'products', pattern: '*.{yaml,yml}', idOf: dataSlugOf },
	audits: { folder: 'audits', pattern: '*.{yaml,yml}', idOf: dataSlugOf },
	authors: { folder: 'authors', pattern: '*.{yaml,yml}', idOf: dataSlugOf },
	/** `<article-slug>/<id>`: comment ids are unique only within their article. */
	comments: {
		folder: 'comments',
		pattern: '*/*.{yaml,yml}',
		idOf: (path: string) => path.replace(/\.ya?ml$/, ''),
	},
} satisfies Record<string, CollectionFiles>;
