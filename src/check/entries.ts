/**
 * The checks of one article, product or audit file: its YAML, its fields against the model's
 * schema (`fields.ts`), and the rules about an article that no single field states: the order of
 * its dates, whether it is scheduled, the length of its description, its tags' addresses.
 */
import { z } from 'astro/zod';
import { isScheduled } from '../model/articles.ts';
import { machineDate, parseContentDate } from '../model/dates.ts';
import { describeModel } from '../model/describe.ts';
import { articleSchema, auditSchema, authorSchema, productSchema } from '../model/schema.ts';
import { tagSlug } from '../model/taxonomy.ts';
import { splitFrontMatter } from '../model/text.ts';
import { bodyRefs, type BodyRef } from './body-refs.ts';
import { checkFields, FileFields, type FieldContext } from './fields.ts';
import type { SourceFile } from './problems.ts';
import { readFields } from './yaml.ts';

/** Search engines cut meta descriptions at about this many characters: the model's `maxLength`. */
export const DESCRIPTION_MAX_LENGTH =
	describeModel()['articles']?.find((f) => f.name === 'description')?.maxLength ?? Infinity;

/**
 * The checker's stand-ins for Astro's `image()` and `reference()`: both keep the text as written,
 * and `fields.ts` checks the file or slug it names against the content folder.
 */
const CHECK = { image: () => z.string(), reference: () => z.string().min(1) };
const SCHEMAS = {
	article: articleSchema(CHECK),
	product: productSchema(CHECK),
	audit: auditSchema(CHECK),
	author: authorSchema(CHECK),
};

const YAML_FIX =
	'check the indentation, and put values containing ": " or starting with a quote, [ or { in quotes';

/** What the site-wide checks need to know about one article, gathered while checking it. */
export interface ArticleFacts {
	file: SourceFile;
	slug: string;
	/** Its front matter, when it could be read. */
	fields?: FileFields | undefined;
	/** Not a draft, and not scheduled after the build's time. */
	published: boolean;
	/** The images and links of its body. */
	refs: BodyRef[];
}

/** Checks an article file; returns what the site-wide checks need of it. */
export function checkArticle(file: SourceFile, slug: string, ctx: FieldContext): ArticleFacts {
	const split = splitFrontMatter(file.text);
	if (!split) {
		ctx.problems.push({
			severity: 'error',
			rule: 'front-matter',
			file: file.path,
			line: 1,
			message: 'the file does not start with front matter between two `---` lines',
			fix: 'start the file with `---`, then `title: …` and `date: …` lines, then `---`',
		});
		return { file, slug, published: true, refs: [] };
	}
	const bodyLine = file.text.slice(0, file.text.length - split.body.length).split('\n').length;
	const refs = bodyRefs(split.body, bodyLine, { mdx: file.path.endsWith('.mdx') });
	const read = readFields(file.path, split.yaml, split.firstLine, YAML_FIX);
	if ('problems' in read) {
		ctx.problems.push(...read.problems);
		return { file, slug, published: true, refs };
	}
	const f = new FileFields(file.path, read.data, read.yaml, ctx.problems);
	checkFields(SCHEMAS.article, f, ctx);
	const published = articleRules(f, ctx);
	return { file, slug, fields: f, published, refs };
}

/** The rules over an article's fields together; returns whether it is published. */
function articleRules(f: FileFields, ctx: FieldContext): boolean {
	const dateOf = (field: string) => {
		const parsed = f.has(field) ? parseContentDate(f.data[field]) : undefined;
		return parsed?.ok ? parsed.date : undefined;
	};
	const date = dateOf('date');
	const updated = dateOf('updated');
	const written = (field: string) => String(f.data[field]);
	if (date && updated && updated.getTime() < date.getTime()) {
		f.report({
			rule: 'date-order',
			path: ['updated'],
			message: `${written('updated')} is before the date, ${written('date')}`,
			fix: '`updated` is when the article last changed: make it the same as or later than `date`',
		});
	} else if (date && updated && updated.getTime() === date.getTime()) {
		f.report({
			severity: 'warning',
			rule: 'updated-equals-date',
			path: ['updated'],
			message: `is the same as the date, ${written('date')}, so readers see a "Last updated" that says nothing`,
			fix: 'remove `updated`, or set it to when the article last changed',
		});
	}
	const draft = f.data['draft'] === true;
	const now = ctx.snapshot.now;
	correctionRules(f, { date, updated, now });
	const scheduled = date !== undefined && now !== undefined && isScheduled({ date, draft }, now);
	if (scheduled) {
		const when = machineDate(date);
		f.report({
			severity: 'info',
			rule: 'scheduled',
			path: ['date'],
			message: `scheduled for ${when}: it stays out of the site until a build runs after that time`,
			fix: 'nothing to do; to publish it now, set `date` to today',
		});
	}
	const description = f.data['description'];
	const length = typeof description === 'string' ? [...description.trim()].length : 0;
	if (length > DESCRIPTION_MAX_LENGTH) {
		f.report({
			severity: 'warning',
			rule: 'description-length',
			path: ['description'],
			message: `is ${length} characters long; search engines cut it after about ${DESCRIPTION_MAX_LENGTH}`,
			fix: `shorten it to ${DESCRIPTION_MAX_LENGTH} characters or fewer`,
		});
	}
	const tags = f.data['tags'];
	if (Array.isArray(tags)) {
		tags.forEach((tag: unknown, i) => {
			if (typeof tag !== 'string' || !tag.trim() || tagSlug(tag)) return;
			f.report({
				rule: 'invalid-tag',
				path: ['tags', i],
				message: `"${tag}" has no letters or digits to make a page address from`,
				fix: 'use a word as the tag',
			});
		});
	}
	return !draft && !scheduled;
}

/**
 * The dates of an article's corrections: none before the article was published, none in the
 * future (a correction is a record of what was done), and an `updated` older than the newest
 * correction is worth a warning, since readers see it beside the note.
 */
function correctionRules(
	f: FileFields,
	dates: { date?: Date | undefined; updated?: Date | undefined; now?: Date | undefined }
): void {
	const list = f.data['corrections'];
	if (!Array.isArray(list)) return;
	let latest: { date: Date; written: string } | undefined;
	list.forEach((item: unknown, i) => {
		const raw = (item as { date?: unknown } | null)?.date;
		const parsed = raw === undefined ? undefined : parseContentDate(raw);
		if (!parsed?.ok) return;
		const written = String(raw instanceof Date ? machineDate(raw) : raw);
		const path = ['corrections', i, 'date'];
		if (dates.date && parsed.date.getTime() < dates.date.getTime()) {
			f.report({
				rule: 'correction-date',
				path,
				message: `${written} is before the article was published (${machineDate(dates.date)})`,
				fix: 'a correction is dated when it was made: on or after `date`',
			});
		} else if (dates.now && parsed.date.getTime() > dates.now.getTime()) {
			f.report({
				rule: 'correction-date',
				path,
				message: `${written} is in the future`,
				fix: "date the correction when it was made: today's date at the latest",
			});
		}
		if (!latest || parsed.date.getTime() > latest.date.getTime()) {
			latest = { date: parsed.date, written };
		}
	});
	if (latest && dates.updated && dates.updated.getTime() < latest.date.getTime()) {
		f.report({
			severity: 'warning',
			rule: 'updated-before-correction',
			path: ['updated'],
			message: `is older than the latest correction (${latest.written}); structured data and feeds use the correction's date`,
			fix: `set \`updated\` to ${latest.written} or later, or remove it`,
		});
	}
}

/** Checks a product, audit or author file. */
export function checkDataFile(
	kind: 'product' | 'audit' | 'author',
	file: SourceFile,
	ctx: FieldContext
): void {
	const read = readFields(file.path, file.text, 1, YAML_FIX);
	if ('problems' in read) {
		ctx.problems.push(...read.problems);
		return;
	}
	if (Object.keys(read.data).length === 0) {
		ctx.problems.push({
			severity: 'error',
			rule: 'required-field',
			file: file.path,
			line: 1,
			message: 'the file is empty',
			fix: 'write the fields described in the README, or delete the file',
		});
		return;
	}
	checkFields(SCHEMAS[kind], new FileFields(file.path, read.data, read.yaml, ctx.problems), ctx);
}
