/**
 * The collections: articles, products, audits, authors and approved reader comments, with the schemas of
 * `src/model/schema.ts` given Astro's `image()` and `reference()`. The checker (`src/check/`)
 * validates the same schemas, with positions and fixes, before Astro loads anything.
 * @see https://docs.astro.build/en/guides/content-collections/
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { hasCommentsFolder } from './comments/site-settings.ts';
import { COLLECTION_FILES, type CollectionFiles } from './model/collections.ts';
import { CONTENT_DIR, CONTENT_PATH } from './environment.ts';
import {
	articleSchema,
	auditSchema,
	authorSchema,
	commentSchema,
	productSchema,
} from './model/schema.ts';

function loader({ folder, pattern, idOf }: CollectionFiles) {
	return glob({
		base: `./${CONTENT_DIR}/${folder}`,
		pattern,
		generateId: ({ entry }) => idOf(entry),
		// The store keeps each article's rendered HTML, not its Markdown as well: the bodies were 43 %
		// of it at 1,000 articles, and Astro compiles the whole store into a module that every build,
		// and every rebuild after an edit, parses again (15 s at 5,000 articles). `src/content.ts`
		// reads a body from its file when it needs one.
		retainBody: false,
	});
}

const articles = defineCollection({
	loader: loader(COLLECTION_FILES.articles),
	schema: ({ image }) => articleSchema({ image, reference }),
});

const products = defineCollection({
	loader: loader(COLLECTION_FILES.products),
	schema: ({ image }) => productSchema({ image, reference }),
});

const audits = defineCollection({
	loader: loader(COLLECTION_FILES.audits),
	schema: ({ image }) => auditSchema({ image, reference }),
});

/** Nothing to load: a site without authors (or comments) yet has no folder for them. */
const NOTHING = { name: 'hangar:empty', load: () => Promise.resolve() };

const authors = defineCollection({
	// Without the folder, Astro would warn of a missing folder and an empty collection.
	loader: existsSync(join(CONTENT_PATH, COLLECTION_FILES.authors.folder))
		? loader(COLLECTION_FILES.authors)
		: NOTHING,
	schema: ({ image }) => authorSchema({ image, reference }),
});

const comments = defineCollection({
	loader: hasCommentsFolder() ? loader(COLLECTION_FILES.comments) : NOTHING,
	schema: commentSchema,
});

export const collections = { articles, products, audits, authors, comments };
