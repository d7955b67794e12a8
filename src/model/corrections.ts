/**
 * An article's corrections (`corrections:` in its front matter): the newest one, shown at the top,
 * and the date the article last changed, which a correction moves forward (`dateModified`, the
 * feeds' `updated`, `article:modified_time`).
 * @see https://developers.google.com/search/docs/appearance/publication-dates
 */

/** One correction: when it was made and what it says. */
export interface Correction {
	date: Date;
	text: string;
}

/** What the dates of an article are read from. */
export interface Dated {
	date: Date;
	updated?: Date | undefined;
	corrections?: readonly Correction[] | undefined;
}

/** The corrections, oldest first (the order the list at the end shows them in). */
export function correctionsInOrder(corrections: readonly Correction[]): Correction[] {
	return [...corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** When the article last changed: `updated`, or its newest correction when that is later. */
export function lastChanged(article: Dated): Date {
	const dates = (article.corrections ?? []).map((c) => c.date);
	return dates.reduce(
		(last, d) => (d.getTime() > last.getTime() ? d : last),
		article.updated ?? article.date
	);
}
