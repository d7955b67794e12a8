/**
 * The kinds of article and the label readers see for each. A plain module (no zod) because the
 * search page's browser code needs the labels too; the article schema takes its `type` values
 * from here.
 */

/** The label readers see for each article type; its keys are the values `type:` accepts. */
export const TYPE_LABELS = {
	news: 'News',
	statement: 'Statement',
	guide: 'Guide',
} as const;

/** What kind of article it is: shown as a label and used as a search filter. */
export type ArticleType = keyof typeof TYPE_LABELS;

/** Every article type, in the order they are listed to readers. */
export const ARTICLE_TYPES = Object.keys(TYPE_LABELS) as [ArticleType, ...ArticleType[]];
