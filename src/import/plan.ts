/**
 * What `npm run import` writes: a slug for every post (from its old address), which posts are
 * already here (a second run changes nothing), the redirects from old paths to new articles, and
 * each article file. Pure: the script reads the content folder, downloads and writes.
 */
import { stringify } from 'yaml';
import type { ImportEntry } from './feed.ts';
import { titleSlug } from './new-article.ts';
import type { RedirectRule } from '../model/redirect-rules.ts';
import { articleUrl } from '../model/urls.ts';

/** What the content folder already holds. */
export interface ImportContext {
	/** Existing article slugs, each with its file. */
	articles: ReadonlyMap<string, string>;
	/** The redirects already in `redirects.yaml`: an old path there was imported before. */
	redirects: readonly RedirectRule[];
}

/** A post to write, under its slug. */
export interface PlannedArticle {
	entry: ImportEntry;
	slug: string;
}

/** The whole import, decided before anything is written. */
export interface ImportPlan {
	articles: PlannedArticle[];
	/** Posts left alone, and why, one line each. */
	skipped: string[];
	/** New redirects for `redirects.yaml`, one per imported post with an old path. */
	redirects: RedirectRule[];
	/** Old post address (see `linkKey`) → the path of its article here, to rewrite links. */
	links: Map<string, string>;
}

/** The path of a post's old address, for a redirect; none for the home page (`/?p=12`). */
export function oldPathOf(link: string | undefined): string | undefined {
	if (!link || !URL.canParse(link)) return undefined;
	const path = new URL(link).pathname;
	return path === '/' || /\s/.test(path) ? undefined : path;
}

/** An address compared without scheme, `www.`, query, fragment or trailing slash. */
export function linkKey(url: string): string | undefined {
	if (!URL.canParse(url)) return undefined;
	const u = new URL(url);
	if (!/^https?:$/.test(u.protocol)) return undefined;
	return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The slug a post gets: the old blog's own (WordPress `post_name`), else the last part of its old
 * address (`/blogs/news/my-post` → `my-post`), else its title, made to pass the slug rule.
 */
export function entrySlug(entry: ImportEntry): string {
	const fromLink = () => {
		const path = oldPathOf(entry.link);
		const last = path?.split('/').filter(Boolean).pop() ?? '';
		try {
			return decodeURIComponent(last).replace(/\.(html?|php|aspx?)$/i, '');
		} catch {
			return last;
		}
	};
	for (const candidate of [entry.slug ?? '', fromLink(), entry.title]) {
		const slug = titleSlug(candidate);
		if (slug && !/^\d+$/.test(slug)) return slug;
	}
	return 'imported-post';
}

/**
 * Decides the import: a post whose old path is already redirected, or whose slug is taken by an
 * article at its own old address, is already here and is skipped; a post whose slug another
 * article has gets `<slug>-2`. Nothing existing is ever replaced.
 */
export function planImport(entries: readonly ImportEntry[], context: ImportContext): ImportPlan {
	const plan: ImportPlan = { articles: [], skipped: [], redirects: [], links: new Map() };
	const taken = new Map(context.articles);
	const redirected = new Map(context.redirects.map((r) => [r.from, r.to]));
	const seenPaths = new Map<string, string>();
	for (const entry of entries) {
		const oldPath = oldPathOf(entry.link);
		const key = entry.link ? linkKey(entry.link) : undefined;
		const before = oldPath ? redirected.get(oldPath) : undefined;
		if (oldPath && before) {
			plan.skipped.push(`${entry.label}: already imported (${oldPath} redirects to ${before})`);
			if (key) plan.links.set(key, before);
			continue;
		}
		if (oldPath && seenPaths.has(oldPath)) {
			plan.skipped.push(`${entry.label}: the same post as ${seenPaths.get(oldPath)}`);
			continue;
		}
		const base = entrySlug(entry);
		const existing = taken.get(base);
		if (existing && (!oldPath || oldPath === articleUrl(base))) {
			// Without an old address to tell them apart, an article with its slug is this post.
			plan.skipped.push(`${entry.label}: already here as ${existing}; left as it is`);
			if (key) plan.links.set(key, articleUrl(base));
			continue;
		}
		let slug = base;
		for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
		taken.set(slug, entry.label);
		if (oldPath) seenPaths.set(oldPath, entry.label);
		plan.articles.push({ entry, slug });
		if (key) plan.links.set(key, articleUrl(slug));
		if (oldPath && oldPath !== articleUrl(slug)) {
			plan.redirects.push({ from: oldPath, to: articleUrl(slug), status: 301 });
		}
	}
	return plan;
}

/** A date for front matter: the instant in UTC, to the second. */
function isoInstant(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An imported article's file: front matter mapped from the post, then its Markdown body. */
export function articleText(entry: ImportEntry, markdown: string): string {
	const data: Record<string, unknown> = { title: entry.title, date: isoInstant(entry.date) };
	if (entry.updated) data['updated'] = isoInstant(entry.updated);
	if (entry.description) data['description'] = entry.description;
	if (entry.tags.length) data['tags'] = entry.tags;
	if (entry.author) data['author'] = entry.author;
	if (entry.draft) data['draft'] = true;
	return `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n\n${markdown}`;
}

/** The head of a new `redirects.yaml`: what it is, so a dealer reading it knows. */
const REDIRECTS_HEADER = [
	'# Old addresses sent on to new ones: written to dist/_redirects by the build.',
	'# `npm run import` adds one entry per imported post; edit freely.',
	'',
].join('\n');

/**
 * `redirects.yaml` with `rules` added at the end; the existing text is kept byte for byte, so a
 * dealer's own entries and comments survive. Undefined when there is nothing to add.
 */
export function appendRedirects(
	existing: string | undefined,
	rules: readonly RedirectRule[]
): string | undefined {
	if (rules.length === 0) return undefined;
	const items = stringify(
		rules.map(({ from, to, status }) => ({ from, to, status: status ?? 301 })),
		{ lineWidth: 0 }
	);
	if (existing === undefined || !existing.trim()) return `${existing ?? REDIRECTS_HEADER}${items}`;
	return `${existing}${existing.endsWith('\n') ? '' : '\n'}${items}`;
}
