/**
 * Plain data shapes that pages and components receive from `src/content.ts`. They hold no Astro
 * entries, so every function in `src/lib` can be tested with hand-made objects.
 */
import type { ImageMetadata } from 'astro';

/** What kind of article it is: shown as a label and used as a search filter. */
export type ArticleType = 'news' | 'statement' | 'guide';

/** Every article type, in the order they are listed to readers. */
export const ARTICLE_TYPES: readonly ArticleType[] = ['news', 'statement', 'guide'];

/** A published article, ready to render. */
export interface Article {
	/** URL slug: the file name, or the folder name for `<slug>/index.md`. */
	slug: string;
	title: string;
	date: Date;
	updated?: Date | undefined;
	/** The front-matter description, or the first paragraph shortened when it has none. */
	description: string;
	/** Key points shown in a box at the top. */
	summary: string[];
	/** Product slugs. */
	products: string[];
	/** Audit slugs. */
	audits: string[];
	/** Tags as written in this article, whitespace tidied. */
	tags: string[];
	type: ArticleType;
	image?: ImageMetadata | undefined;
	imageAlt?: string | undefined;
	imageCaption?: string | undefined;
	author?: string | undefined;
	/** Estimated minutes to read the body. */
	readingMinutes: number;
	/** Only true in `astro dev`, which previews drafts; builds never contain one. */
	draft: boolean;
	/** `false` when the article turned its comment form off (`comments: false`). */
	comments?: boolean | undefined;
	/**
	 * A hash of the article's file, front matter and body, from the content layer: it changes
	 * whenever the article does, so a page that shows the article is rendered again.
	 */
	digest?: string | undefined;
}

/** A product the articles talk about. */
export interface Product {
	slug: string;
	name: string;
	manufacturer: string;
	category?: string | undefined;
	summary?: string | undefined;
	image?: ImageMetadata | undefined;
	imageAlt?: string | undefined;
	/** The dealer's shop page for it. */
	url?: string | undefined;
}

/** An audit, review or assessment the articles talk about. */
export interface Audit {
	slug: string;
	title: string;
	auditor: string;
	date: Date;
	commissionedBy?: string | undefined;
	/** Product slugs in scope. */
	products: string[];
	summary?: string | undefined;
	reportUrl?: string | undefined;
}

/** A tag folded across case and spacing variants. */
export interface Tag {
	/** URL slug shared by every variant. */
	slug: string;
	/** The spelling shown to readers: the one used by the oldest article. */
	name: string;
	/** Published articles carrying it. */
	count: number;
}
