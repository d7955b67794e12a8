/**
 * The plain data pages and components receive from `src/content.ts`: the schema's output
 * (`src/model/schema.ts`) plus what the site derives from each file. No Astro entries, so every
 * module of `src/` can be tested with hand-made objects.
 */
import type { ArticleData, AuditData, AuthorData, ProductData } from './schema.ts';

export { ARTICLE_TYPES, type ArticleType } from './article-types.ts';

/** A published article, ready to render: its front matter and what is derived from its file. */
export type Article = Omit<ArticleData, 'description'> & {
	/** URL slug: the file name, or the folder name for `<slug>/index.md`. */
	slug: string;
	/** The front-matter description, or the first paragraph shortened when it has none. */
	description: string;
	/** Estimated minutes to read the body. */
	readingMinutes: number;
	/**
	 * A hash of the article's file, front matter and body, from the content layer: it changes
	 * whenever the article does, so a page that shows the article is rendered again.
	 */
	digest?: string | undefined;
};

/** A product the articles talk about. */
export type Product = ProductData & { slug: string };

/** An audit, review or assessment the articles talk about. */
export type Audit = AuditData & { slug: string };

/** A person who writes the articles: the byline's page. */
export type Author = AuthorData & { slug: string };

/** A tag folded across case and spacing variants. */
export interface Tag {
	/** URL slug shared by every variant. */
	slug: string;
	/** The spelling shown to readers: the one used by the oldest article. */
	name: string;
	/** Published articles carrying it. */
	count: number;
}
