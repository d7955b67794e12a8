/**
 * Site-wide checks, after every file has been read: body images and links, tag spellings,
 * products and audits no article mentions. Returns the pages the site will have, for the
 * redirects file's check.
 */
import { posix } from 'node:path';
import { isBitmap } from '../model/fields.ts';
import { cleanTag, tagSlug } from '../model/taxonomy.ts';
import { dataSlugOf } from '../model/slugs.ts';
import { siteTarget, type BodyRef, type SiteTarget } from './body-refs.ts';
import type { ArticleFacts } from './entries.ts';
import { unreadableImage, unreadableReport, type FieldContext, type FileFields } from './fields.ts';
import { likelyMeant } from './problems.ts';

/** Where a finding points: a file, and a line and column in it. */
export interface Place {
	file: string;
	line?: number | undefined;
	column?: number | undefined;
	field?: string | undefined;
}

/** The pages of the site, and whether each has a published article to show. */
export interface SitePages {
	/** Article slug → published (not a draft, not scheduled). */
	articles: Map<string, boolean>;
	/** Tag slug → used by a published article. */
	tags: Map<string, boolean>;
	products: ReadonlySet<string>;
	audits: ReadonlySet<string>;
}

/** The strings of a list field as written, ignoring anything else (the field check reports it). */
function stringsOf(value: unknown): string[] {
	return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Site-wide checks, after every file has been read: body images and links, tag spellings,
 * products and audits no article mentions. Linear in the number of
 * images, links and tags: every lookup is in a map built once.
 */
export function lintSite(articles: readonly ArticleFacts[], ctx: FieldContext): SitePages {
	const pages: SitePages = {
		articles: new Map(),
		tags: new Map(),
		products: new Set(ctx.slugs['products']),
		audits: new Set(ctx.slugs['audits']),
	};
	const mentioned = { product: new Set<string>(), audit: new Set<string>() };
	for (const article of articles) {
		pages.articles.set(
			article.slug,
			pages.articles.get(article.slug) === true || article.published
		);
		const data = article.fields?.data ?? {};
		for (const tag of stringsOf(data['tags'])) {
			const slug = tagSlug(tag);
			if (slug) pages.tags.set(slug, pages.tags.get(slug) === true || article.published);
		}
		for (const slug of stringsOf(data['products'])) mentioned.product.add(slug);
		for (const slug of stringsOf(data['audits'])) mentioned.audit.add(slug);
	}
	for (const article of articles) {
		for (const ref of article.refs) {
			const place = { file: article.file.path, line: ref.line, column: ref.column };
			if (ref.kind === 'image') {
				checkBodyImage(ref, place, isImported(article), ctx);
				continue;
			}
			const target = siteTarget(ref.url, ctx.snapshot.siteUrl);
			if (!target) continue;
			if (target.kind === 'product' || target.kind === 'audit') {
				mentioned[target.kind].add(target.slug);
			}
			checkTarget(ref.url, target, place, article.published, pages, ctx);
		}
	}
	tagVariants(articles);
	for (const [kind, files] of [
		['product', ctx.snapshot.products],
		['audit', ctx.snapshot.audits],
	] as const) {
		for (const file of files) {
			const slug = dataSlugOf(file.path);
			if (mentioned[kind].has(slug)) continue;
			ctx.problems.push({
				severity: 'warning',
				rule: `unused-${kind}`,
				file: file.path,
				line: 1,
				column: 1,
				message: `no article mentions the ${kind} "${slug}", so its page lists nothing`,
				fix: `add "${slug}" to the \`${kind}s\` of the articles about it, or delete the file`,
			});
		}
	}
	return pages;
}

/** True when `npm run import` brought the article in (its front matter says `imported:`). */
function isImported(article: ArticleFacts): boolean {
	const imported = article.fields?.data['imported'];
	return typeof imported === 'string' && imported.trim() !== '';
}

/**
 * A body image's alt text and file. An image without alt text is an error in an article written
 * here, and a to-do (a warning) in an imported one, whose old blog seldom described its images:
 * an imported blog builds on the first run, and `npm run check` lists every image left to describe.
 */
function checkBodyImage(ref: BodyRef, place: Place, imported: boolean, ctx: FieldContext): void {
	if (!ref.alt?.trim()) {
		ctx.problems.push({
			severity: imported ? 'warning' : 'error',
			rule: imported ? 'missing-alt-imported' : 'missing-alt',
			...place,
			message: `the image "${ref.url}" has no alt text${imported ? ' (imported without one)' : ''}`,
			fix: 'describe what it shows for people who cannot see it: `![A drone over a field](…)`, or `alt="…"` on an <img>',
		});
	}
	const url = ref.url.trim();
	// Only a path relative to the article is a file of the content folder; addresses, site paths
	// (public/) and MDX expressions are not.
	if (!url || /^([a-z][a-z0-9+.-]*:|\/|#|\{)/i.test(url)) return;
	let path = url.replace(/[?#].*$/, '');
	try {
		path = decodeURI(path);
	} catch {
		// Compare a malformed escape as written.
	}
	const resolved = posix.normalize(posix.join(posix.dirname(place.file), path));
	if (!ctx.snapshot.files.has(resolved)) {
		ctx.problems.push({
			severity: 'error',
			rule: 'missing-image',
			...place,
			message: `the image "${url}" does not exist (looked for ${resolved})`,
			fix: 'check the file name, or add the image beside the article',
		});
	} else if (!ref.html && isBitmap(resolved) && unreadableImage(ctx, resolved)) {
		ctx.problems.push({
			severity: 'error',
			rule: 'unreadable-image',
			...place,
			...unreadableReport(url),
		});
	} else if (ref.html) {
		// Astro publishes the files of Markdown images only; an <img> tag is left as written.
		ctx.problems.push({
			severity: 'error',
			rule: 'html-image',
			...place,
			message: `the image "${url}" is an HTML <img>, whose file is not published with the page: readers would see a broken picture`,
			fix: `write it as a Markdown image, \`${markdownImage(ref.alt, url)}\`, in a paragraph of its own (a blank line before and after it, outside any HTML block such as <figure>); it is then published and served at several widths`,
		});
	}
}

/** An image as Markdown (`![alt](./photo.jpg)`) that parses as one, whatever its alt text and path. */
export function markdownImage(alt: string | undefined, url: string): string {
	const text = alt?.replace(/\s+/g, ' ').trim() || 'what it shows';
	const path = url.replace(/[?#].*$/, '').replace(/[<>]/g, encodeURIComponent);
	return `![${text.replace(/[\\[\]]/g, '\\$&')}](${/[\s()]/.test(path) ? `<${path}>` : path})`;
}

/** The slugs of the pages of one kind. */
export function pagesOf(
	pages: SitePages,
	kind: SiteTarget['kind']
): ReadonlyMap<string, boolean> | ReadonlySet<string> {
	if (kind === 'article') return pages.articles;
	if (kind === 'tag') return pages.tags;
	return kind === 'product' ? pages.products : pages.audits;
}

/** Reports a link (or a redirect) to an article, product, audit or tag page that will not exist. */
export function checkTarget(
	url: string,
	target: SiteTarget,
	place: Place,
	fromPublished: boolean,
	pages: SitePages,
	ctx: FieldContext
): void {
	const dir = ctx.snapshot.contentDir;
	const label = place.field ? `${place.field}: ` : '';
	const known = pagesOf(pages, target.kind);
	if (!known.has(target.slug)) {
		const meant = likelyMeant(target.slug, [...known.keys()]);
		const where =
			target.kind === 'tag'
				? 'tag pages exist for the tags articles use'
				: `addresses come from the file names in ${dir}/${target.kind}s/`;
		ctx.problems.push({
			severity: 'error',
			rule: 'broken-link',
			...place,
			message: `${label}links to ${url}, but there is no ${target.kind} "${target.slug}"`,
			fix: meant
				? `did you mean /${target.kind}s/${meant}/? ${where}`
				: `check the address (${where}), or remove the link`,
		});
	} else if (fromPublished && known instanceof Map && known.get(target.slug) === false) {
		ctx.problems.push({
			severity: 'warning',
			rule: 'unpublished-link',
			...place,
			message: `${label}links to ${url}, which is only a draft or scheduled article so far: the link is broken until it is published`,
			fix: 'publish that article first, or link to it later',
		});
	}
}

/**
 * Tags written in more than one way (case or spacing): each use that differs from the spelling
 * most articles use is reported, since the site names a tag's page after one spelling only, and
 * "DataSecurity" even gets a page apart from "Data Security".
 */
function tagVariants(articles: readonly ArticleFacts[]): void {
	interface Use {
		fields: FileFields;
		spelling: string;
		index: number;
	}
	const groups = new Map<string, Use[]>();
	for (const { fields } of articles) {
		if (!fields) continue;
		const tags = fields.data['tags'];
		if (!Array.isArray(tags)) continue;
		tags.forEach((spelling: unknown, index) => {
			if (typeof spelling !== 'string' || !tagSlug(spelling)) return;
			const key = cleanTag(spelling).toLowerCase().replace(/ /g, '');
			const group = groups.get(key);
			const use = { fields, spelling, index };
			if (group) group.push(use);
			else groups.set(key, [use]);
		});
	}
	for (const uses of groups.values()) {
		const counts = new Map<string, number>();
		for (const use of uses) counts.set(use.spelling, (counts.get(use.spelling) ?? 0) + 1);
		if (counts.size < 2) continue;
		// The most used spelling; on a tie, one without stray spaces, then the one met first.
		const rank = (s: string) => (counts.get(s) ?? 0) * 2 + (cleanTag(s) === s ? 1 : 0);
		let preferred = uses[0]?.spelling ?? '';
		for (const spelling of counts.keys()) {
			if (rank(spelling) > rank(preferred)) preferred = spelling;
		}
		const others = uses.filter((u) => u.spelling === preferred).length;
		for (const use of uses) {
			if (use.spelling === preferred) continue;
			const ownPage =
				tagSlug(use.spelling) === tagSlug(preferred)
					? ''
					: `, and gets a page of its own, /tags/${tagSlug(use.spelling)}/`;
			use.fields.report({
				severity: 'warning',
				rule: 'tag-variant',
				path: ['tags', use.index],
				message: `"${use.spelling}" is written "${preferred}" ${others === 1 ? 'once' : `${others} times`} elsewhere${ownPage}`,
				fix: `write "${preferred}", as elsewhere, so the tag has one spelling`,
			});
		}
	}
}
