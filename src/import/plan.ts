/**
 * What `npm run import` writes: a slug for every post (from its old address), which posts are
 * already here (a second run changes nothing), the redirects from old paths to new articles, and
 * each article file. Pure: the script reads the content folder, downloads and writes.
 */
import { stringify } from 'yaml';
import { fileShapeOf } from '../model/describe.ts';
import { formatArticle, formatData } from '../model/file-format.ts';
import type { ImportEntry } from './entry.ts';
import { titleSlug } from './new-article.ts';
import type { RedirectRule } from '../model/redirect-rules.ts';
import { slugOfName } from '../model/slugs.ts';
import { articleUrl, isPageNumber } from '../model/urls.ts';

/** What the content folder already holds. */
export interface ImportContext {
	/** Existing article slugs, each with its file. */
	articles: ReadonlyMap<string, string>;
	/** The redirects already in `redirects.yaml`: an old path there was imported before. */
	redirects: readonly RedirectRule[];
	/** True for a path the site itself serves (see `isSitePath`); never redirected. */
	isSitePath?: ((path: string) => boolean) | undefined;
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
	/** Posts imported without a redirect from their old address, and why, one line each. */
	unredirected: string[];
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

/** A host name compared without case or `www.`. */
function hostOf(url: string): string | undefined {
	return URL.canParse(url) ? new URL(url).hostname.toLowerCase().replace(/^www\./, '') : undefined;
}

/** Folders and files of the built site that the build adds to the routes of `src/pages/`. */
const BUILT_FOLDERS = new Set(['_astro', 'pagefind', 'og']);
const BUILT_FILES = new Set([
	'404.html',
	'sitemap-index.xml',
	'sitemap-0.xml',
	'_headers',
	'_redirects',
]);

/**
 * True when the site itself serves `path`, given the first path segments of its routes and public
 * files (`articles`, `search`, `rss.xml`, `favicon.svg`…): the home page, a top-level page, feed or
 * file, anything the build puts under `_astro/`, `pagefind/` or `og/`, and any page or feed inside a
 * route folder (`/articles/x/`, `/tags/x/rss.xml`). An old file name inside a route folder
 * (`/articles/story.html`) is not the site's, and may be redirected.
 */
export function isSitePath(path: string, topLevel: ReadonlySet<string>): boolean {
	const segments = path.split('/').filter(Boolean);
	const [first] = segments;
	if (first === undefined || BUILT_FOLDERS.has(first)) return true;
	if (!topLevel.has(first) && !BUILT_FILES.has(first)) return false;
	const last = segments.at(-1) ?? '';
	return segments.length === 1 || !/\.[a-z0-9]+$/i.test(last) || /\.(xml|json)$/i.test(last);
}

/**
 * The old path of a post a redirect may come from, or why there is none: only an address on the
 * feed's own site (`site`), never a wildcard or placeholder of the host's redirect syntax (`*`,
 * `:name`, `!`), never a path the site serves. Undefined when the post has no old path at all.
 */
export function redirectSource(
	entry: Pick<ImportEntry, 'link' | 'site'>,
	isSite: (path: string) => boolean = () => false
): { path: string } | { reason: string } | undefined {
	const path = oldPathOf(entry.link);
	if (!path || !entry.link) return undefined;
	const siteHost = entry.site ? hostOf(entry.site) : undefined;
	if (!siteHost)
		return { reason: `the feed does not give its own address, so ${entry.link} is not trusted` };
	if (hostOf(entry.link) !== siteHost) {
		return { reason: `its address ${entry.link} is not on the blog's own site (${siteHost})` };
	}
	if (/[*!]/.test(path) || /\/:/.test(path)) {
		return { reason: `its old path ${path} would be a wildcard or placeholder in _redirects` };
	}
	if (isSite(path)) return { reason: `its old path ${path} is a page of this site` };
	return { path };
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
		if (slug && !isPageNumber(slug)) return slug;
	}
	return 'imported-post';
}

/**
 * Decides the import: a post whose old path is already redirected, or whose slug is taken by an
 * article at its own old address, is already here and is skipped; a post whose slug another
 * article has gets `<slug>-2`. Nothing existing is ever replaced.
 */
export function planImport(entries: readonly ImportEntry[], context: ImportContext): ImportPlan {
	const plan: ImportPlan = {
		articles: [],
		skipped: [],
		unredirected: [],
		redirects: [],
		links: new Map(),
	};
	const taken = new Map(context.articles);
	const redirected = new Map(context.redirects.map((r) => [r.from, r.to]));
	const seenPaths = new Map<string, string>();
	for (const entry of entries) {
		const source = redirectSource(entry, context.isSitePath);
		const oldPath = source && 'path' in source ? source.path : undefined;
		if (source && 'reason' in source) plan.unredirected.push(`${entry.label}: ${source.reason}`);
		// Links to the post are rewritten only when its address is the blog's own.
		const key = entry.link && oldPath ? linkKey(entry.link) : undefined;
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
	const data = {
		title: entry.title,
		date: isoInstant(entry.date),
		updated: entry.updated && isoInstant(entry.updated),
		description: entry.description,
		tags: entry.tags,
		author: entry.author ? slugOfName(entry.author) : undefined,
		draft: entry.draft,
		// Its images may have come without alt text: the check lists them as a to-do, not as errors.
		imported: entry.link ?? entry.label,
	};
	// In the editor's canonical form, so that its first save changes only what the writer changed.
	return formatArticle(data, markdown, fileShapeOf('articles'));
}

/**
 * The author files an import adds: one per byline (as a slug) that `exists` does not know yet,
 * holding the name as the old blog wrote it; role, bio and photo are for the dealer to add.
 */
export function newAuthorFiles(
	entries: readonly ImportEntry[],
	exists: (slug: string) => boolean
): { slug: string; text: string }[] {
	const files = new Map<string, string>();
	for (const { author } of entries) {
		const slug = author ? slugOfName(author) : '';
		if (author && slug && !exists(slug) && !files.has(slug)) {
			files.set(slug, formatData({ name: author.trim() }, fileShapeOf('authors')));
		}
	}
	return [...files].map(([slug, text]) => ({ slug, text }));
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
