/**
 * The collections: articles, products, audits and approved reader comments, with the schemas of
 * `src/model/schema.ts` given Astro's `image()` and `reference()`. The checker (`src/check/`)
 * validates the same schemas, with positions and fixes, before Astro loads anything.
 * @see https://docs.astro.build/en/guides/content-collections/
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { hasCommentsFolder } from './comments/site-settings.ts';
import { COLLECTION_FILES, type CollectionFiles } from './model/collections.ts';
import { CONTENT_DIR } from './environment.ts';
import { articleSchema, auditSchema, commentSchema, productSchema } from './model/schema.ts';

function loader({ folder, pattern, idOf }: CollectionFiles) {
	return glob({
		base: `./${CONTENT_DIR}/${folder}`,
		pattern,
		generateId: ({ entry }) => idOf(entry),
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

const comments = defineCollection({
	loader: hasCommentsFolder()
		? loader(COLLECTION_FILES.comments)
		: { name: 'hangar:no-comments', load: () => Promise.resolve() },
	schema: commentSchema,
});

export const collections = { articles, products, audits, comments };
