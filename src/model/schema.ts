/**
 * The content model: every field of an article, a product, an audit and an approved comment,
 * written once. The Astro collections (`src/content.config.ts`), the TypeScript types, the
 * checker's rules and messages (`src/check/`), the description other tools read
 * (`src/model/describe.ts`) and the field tables of `docs/content-contract.md` all come from here.
 *
 * The schemas are factories taking the two helpers only Astro has, as Starlight's `docsSchema()`
 * does: `image()` (a path beside the file, made an optimisable asset) and `reference()` (a slug
 * of another collection). The checker passes stand-ins that keep the text; `PLAIN` below types
 * the data the pages receive.
 * @see https://docs.astro.build/en/guides/content-collections/#defining-the-collection-schema
 */
import type { ImageMetadata } from 'astro';
import { z } from 'astro/zod';
import { ARTICLE_TYPES } from './article-types.ts';
import {
	choice,
	datedNote,
	fileSchema,
	flag,
	imageField,
	imageWithAlt,
	optionalDate,
	optionalText,
	recordList,
	reference,
	references,
	requiredDate,
	requiredText,
	textList,
	webAddress,
	webAddressList,
} from './fields.ts';

/** Social networks show cards 1,200 px wide: a narrower lead image is blurred there. */
export const LEAD_IMAGE_MIN_WIDTH = 1200;

/** What a schema needs from its caller: Astro's `image()` and `reference()`, or stand-ins. */
export interface SchemaHelpers<Image extends z.ZodType, Ref extends z.ZodType> {
	image: () => Image;
	reference: (collection: 'products' | 'audits' | 'authors') => Ref;
}

/** The front matter of an article (`content/articles/<slug>.md`). */
export function articleSchema<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
	return fileSchema(
		{
			title: requiredText({
				title: 'Title',
				description: 'headline; shown as text, never interpreted as HTML',
			}),
			date: requiredDate({
				title: 'Date',
				description: 'first publication; an impossible calendar date (e.g. 2021-02-30) is an error',
				example: '2024-05-31',
			}),
			updated: optionalDate({
				title: 'Last updated',
				description: 'shown as "Last updated"; drives `dateModified` and feed `updated`',
				format: 'same as `date`, not before it',
			}),
			description: optionalText({
				title: 'Description',
				description:
					"teaser and meta description; when absent, the first paragraph's text, shortened",
				long: true,
				// Search engines cut a meta description after about this many characters.
				maxLength: 160,
			}),
			summary: textList({
				title: 'Key points',
				description: 'key points, shown as a bulleted box at the top of the article',
			}),
			products: references(h.reference, 'products', {
				title: 'Products',
				description: 'each must exist in `content/products/`',
			}),
			audits: references(h.reference, 'audits', {
				title: 'Audits',
				description: 'each must exist in `content/audits/`',
			}),
			tags: textList({
				title: 'Tags',
				description:
					'free-form; case and spacing are folded, so "Data Security" and "data security" are one tag',
			}),
			type: choice(ARTICLE_TYPES, 'news', {
				title: 'Type',
				description: 'what kind of article it is; shown as a label and usable as a search filter',
				rule: 'unknown-type',
				noun: 'an article type',
			}),
			image: imageField(h.image, {
				title: 'Lead image',
				description: 'lead image; the file must exist; optimised to AVIF/WebP at several widths',
				format: 'path relative to the article file',
				minWidth: LEAD_IMAGE_MIN_WIDTH,
			}),
			imageAlt: optionalText({
				title: 'Lead image alt text',
				description: 'alternative text',
				requiredWith: 'image',
			}),
			imageCaption: optionalText({
				title: 'Lead image caption',
				description: 'caption under the lead image',
			}),
			author: reference(h.reference, 'authors', {
				title: 'Author',
				description:
					'the byline: an author slug (a file name in `content/authors/`); the byline links to the author page',
				format: 'an author slug',
			}),
			corrections: recordList(datedNote('correction'), {
				title: 'Corrections',
				description:
					'what was corrected and when: the latest is shown at the top, all of them at the end and in the feeds; the latest date is the `dateModified`. A date may not be before `date` nor in the future',
				format: 'list of `{ date, text }`',
				record: 'dated-note',
			}),
			withoutDisclosure: optionalText({
				title: 'Without disclosure',
				description:
					"why this article does not show the site's disclosure although it names a product the shop sells; the only way to turn the disclosure off",
				long: true,
			}),
			imported: optionalText({
				title: 'Imported from',
				description:
					'the old address of an article `npm run import` brought in; its body images without alt text are warnings (`missing-alt-imported`) instead of errors, a to-do, until described',
				format: 'web address or file name',
			}),
			draft: flag(false, {
				title: 'Draft',
				description:
					'a draft is absent from everything the production build writes: pages, listings, feeds, sitemap, search',
			}),
			comments: flag(true, {
				title: 'Comments',
				description:
					'`false` turns the comment form off on this article; its published comments still show',
				fix: 'write `comments: false` to turn the comment form off on this article',
			}),
		},
		[imageWithAlt('image', 'imageAlt')]
	);
}

/** A product file (`content/products/<slug>.yaml`). */
export function productSchema<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
	return fileSchema(
		{
			name: requiredText({
				title: 'Name',
				description: 'display name, e.g. "Mavic 2 Enterprise Dual"',
			}),
			manufacturer: requiredText({ title: 'Manufacturer', description: 'e.g. "DJI"' }),
			category: optionalText({ title: 'Category', description: 'e.g. "Enterprise"' }),
			summary: optionalText({
				title: 'Summary',
				description: 'one or two sentences shown on the product page',
				long: true,
			}),
			image: imageField(h.image, {
				title: 'Image',
				description: 'product image',
				format: 'path relative to the file',
			}),
			imageAlt: optionalText({
				title: 'Image alt text',
				description: 'alternative text of the product image',
				requiredWith: 'image',
			}),
			url: webAddress({
				title: 'Shop page',
				description: "the dealer's shop page for the product",
			}),
		},
		[imageWithAlt('image', 'imageAlt')]
	);
}

/** An audit file (`content/audits/<slug>.yaml`). */
export function auditSchema<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
	return fileSchema({
		title: requiredText({
			title: 'Title',
			description: 'e.g. "Booz Allen Hamilton audit of DJI Government Edition drones"',
		}),
		auditor: requiredText({ title: 'Auditor', description: 'who carried it out' }),
		date: requiredDate({
			title: 'Date',
			description: 'when the report was published',
			example: '2024-05-31',
		}),
		commissionedBy: optionalText({ title: 'Commissioned by', description: 'who asked for it' }),
		products: references(h.reference, 'products', {
			title: 'Products in scope',
			description: 'product slugs in scope',
		}),
		summary: optionalText({
			title: 'Summary',
			description: 'the finding in a sentence or two',
			long: true,
		}),
		reportUrl: webAddress({ title: 'Report', description: 'link to the report' }),
	});
}

/** An author (`content/authors/<slug>.yaml`), named in articles' `author`. */
export function authorSchema<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
	return fileSchema(
		{
			name: requiredText({
				title: 'Name',
				description: 'as the byline shows it, e.g. "Maren Holt"',
			}),
			role: optionalText({
				title: 'Role',
				description: 'job title, e.g. "Head of compliance"; the `jobTitle` of structured data',
			}),
			bio: optionalText({
				title: 'Bio',
				description:
					'two or three sentences shown on the author page (an imported author has none until written)',
				long: true,
			}),
			image: imageField(h.image, {
				title: 'Photo',
				description: 'portrait shown on the author page',
				format: 'path relative to the file',
			}),
			imageAlt: optionalText({
				title: 'Photo alt text',
				description: 'alternative text of the photo',
				requiredWith: 'image',
			}),
			credentials: textList({
				title: 'Credentials',
				description: 'qualifications readers can check, e.g. "Part 107 certified pilot"',
			}),
			links: webAddressList({
				title: 'Profiles',
				description:
					"full addresses of the author's profiles elsewhere (LinkedIn, Mastodon…); linked on the author page and listed as `sameAs`",
			}),
		},
		[imageWithAlt('image', 'imageAlt')]
	);
}

/** An approved reader comment (`content/comments/<article-slug>/<id>.yaml`). */
export const commentSchema = fileSchema({
	name: requiredText({ title: 'Name', description: 'the name the reader gave; shown as text' }),
	date: requiredDate({
		title: 'Date',
		description: 'when the reader wrote it; the order comments are shown in',
		format: 'ISO 8601 date-time (or a date)',
		example: '2024-05-31T09:30:00Z',
		fix: 'write an ISO 8601 date-time, e.g. 2024-05-31T09:30:00Z',
	}),
	body: requiredText({
		title: 'Comment',
		description:
			'plain text: line breaks kept, blank lines start a paragraph, web addresses become links',
		format: 'non-empty string (`|` for several lines)',
		long: true,
	}),
	replyTo: optionalText({
		title: 'Reply to',
		description:
			'the comment it answers, which must not itself be a reply (replies go one level deep)',
		format: 'a comment id in the same folder',
	}),
});

/**
 * The helpers that type the data pages receive: an image is Astro's `ImageMetadata`, a reference
 * its slug (`src/content.ts` unwraps Astro's `{ collection, id }`).
 */
export const PLAIN = {
	image: () => z.custom<ImageMetadata>(),
	reference: () => z.string(),
} satisfies SchemaHelpers<z.ZodType, z.ZodType>;

/** An article's front matter as loaded. */
export type ArticleData = z.output<
	ReturnType<typeof articleSchema<ReturnType<typeof PLAIN.image>, z.ZodString>>
>;
/** A product file as loaded. */
export type ProductData = z.output<
	ReturnType<typeof productSchema<ReturnType<typeof PLAIN.image>, z.ZodString>>
>;
/** An audit file as loaded. */
export type AuditData = z.output<
	ReturnType<typeof auditSchema<ReturnType<typeof PLAIN.image>, z.ZodString>>
>;
/** An author file as loaded. */
export type AuthorData = z.output<
	ReturnType<typeof authorSchema<ReturnType<typeof PLAIN.image>, z.ZodString>>
>;
/** A comment file as loaded. */
export type CommentData = z.output<typeof commentSchema>;

/** Every kind of content file and its schema made with `helpers`, by collection name. */
export function contentSchemas<I extends z.ZodType, R extends z.ZodType>(h: SchemaHelpers<I, R>) {
	return {
		articles: articleSchema(h),
		products: productSchema(h),
		audits: auditSchema(h),
		authors: authorSchema(h),
		comments: commentSchema,
	};
}
