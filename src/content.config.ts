/**
 * The collections: articles, products, audits and approved reader comments. Their rules are
 * checked in full, with friendly messages, by `src/check/validate.ts` (comments by
 * `src/check/comments.ts`) before Astro loads anything; these schemas type the data and
 * turn image paths into optimisable assets.
 * @see https://docs.astro.build/en/guides/content-collections/
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { hasCommentsFolder } from './comments/site-settings.ts';
import { CONTENT_DIR } from './model/content-root.ts';
import { articleSlugOf, dataSlugOf } from './check/validate.ts';
import { ARTICLE_TYPES } from './model/types.ts';

const articles = defineCollection({
	loader: glob({
		base: `./${CONTENT_DIR}/articles`,
		pattern: '**/*.{md,mdx}',
		// The slug is the file name (or the folder of an index.md), whatever folders group it.
		generateId: ({ entry }) => articleSlugOf(entry),
	}),
	schema: ({ image }) =>
		z.object({
			/** Headline; shown as text, never as HTML. */
			title: z.string(),
			/** First publication. */
			date: z.coerce.date(),
			/** Last substantial change; not before `date`. */
			updated: z.coerce.date().optional(),
			/** Teaser and meta description; defaults to the first paragraph. */
			description: z.string().optional(),
			/** Key points shown in a box at the top. */
			summary: z.array(z.string()).default([]),
			/** Products the article is about (slugs of `content/products/` files). */
			products: z.array(reference('products')).default([]),
			/** Audits the article is about (slugs of `content/audits/` files). */
			audits: z.array(reference('audits')).default([]),
			/** Free-form tags; case and spacing are folded. */
			tags: z.array(z.string()).default([]),
			/** What kind of article it is. */
			type: z.enum(ARTICLE_TYPES as [string, ...string[]]).default('news'),
			/** Lead image, relative to the article file. */
			image: image().optional(),
			/** Alternative text of the lead image. */
			imageAlt: z.string().optional(),
			/** Caption under the lead image. */
			imageCaption: z.string().optional(),
			/** Byline. */
			author: z.string().optional(),
			/** A draft is left out of everything the production build writes. */
			draft: z.boolean().default(false),
			/** `false` turns the comment form off on this article; its comments still show. */
			comments: z.boolean().default(true),
		}),
});

const products = defineCollection({
	loader: glob({
		base: `./${CONTENT_DIR}/products`,
		pattern: '*.{yaml,yml}',
		generateId: ({ entry }) => dataSlugOf(entry),
	}),
	schema: ({ image }) =>
		z.object({
			/** Display name. */
			name: z.string(),
			manufacturer: z.string(),
			category: z.string().optional(),
			/** One or two sentences for the product page. */
			summary: z.string().optional(),
			image: image().optional(),
			imageAlt: z.string().optional(),
			/** The dealer's shop page for the product. */
			url: z.url().optional(),
		}),
});

const audits = defineCollection({
	loader: glob({
		base: `./${CONTENT_DIR}/audits`,
		pattern: '*.{yaml,yml}',
		generateId: ({ entry }) => dataSlugOf(entry),
	}),
	schema: z.object({
		title: z.string(),
		/** Who carried it out. */
		auditor: z.string(),
		/** When the report was published. */
		date: z.coerce.date(),
		/** Who asked for it. */
		commissionedBy: z.string().optional(),
		/** Products in scope. */
		products: z.array(reference('products')).default([]),
		/** The finding in a sentence or two. */
		summary: z.string().optional(),
		/** Link to the report. */
		reportUrl: z.url().optional(),
	}),
});

const comments = defineCollection({
	loader: hasCommentsFolder()
		? glob({
				base: `./${CONTENT_DIR}/comments`,
				pattern: '*/*.{yaml,yml}',
				// `<article-slug>/<id>`: comment ids are unique only within their article.
				generateId: ({ entry }) => entry.replace(/\.ya?ml$/, ''),
			})
		: { name: 'hangar:no-comments', load: () => Promise.resolve() },
	schema: z.object({
		/** The name the reader gave. */
		name: z.string(),
		/** When the reader wrote it. */
		date: z.coerce.date(),
		/** Plain text: shown with its line breaks, links made safe, never as HTML. */
		body: z.string(),
		/** The id of the comment it answers (a file name in the same folder, without `.yaml`). */
		replyTo: z.string().optional(),
	}),
});

export const collections = { articles, products, audits, comments };
