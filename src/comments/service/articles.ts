/**
 * The site's articles as the intake service knows them: the built site's `/comments.json`, read
 * from a file (`./dist/comments.json` when the service runs beside the build) or fetched from the
 * live site. It is read again when the file changes, or every minute from a URL, so a new article
 * takes comments after its build without a restart; a failed re-read keeps the last good list (a
 * build empties `dist/` for a while).
 */
import { readFileSync, statSync } from 'node:fs';
import type { CommentsManifest } from '../model.ts';

/** How often a file's modification time is looked at, and a URL fetched again. */
const FILE_CHECK_MS = 2_000;
const URL_REFRESH_MS = 60_000;

/** Reads and checks the manifest's shape; throws a message naming `source` when it is wrong. */
export function parseManifest(text: string, source: string): CommentsManifest['articles'] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error(`${source} is not JSON; it should be the built site's /comments.json`);
	}
	const articles = (data as { articles?: unknown } | null)?.articles;
	if (!articles || typeof articles !== 'object' || Array.isArray(articles)) {
		throw new Error(`${source} has no "articles"; it should be the built site's /comments.json`);
	}
	const out: CommentsManifest['articles'] = {};
	for (const [slug, entry] of Object.entries(articles as Record<string, unknown>)) {
		const { open, threads } = (entry ?? {}) as { open?: unknown; threads?: unknown };
		if (typeof open !== 'boolean' || !Array.isArray(threads)) {
			throw new Error(`${source}: the entry of "${slug}" is not { open, threads }`);
		}
		out[slug] = { open, threads: threads.map(String) };
	}
	return out;
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** The current list of articles, kept fresh from its source. */
export class ArticleList {
	readonly source: string;
	private articles: CommentsManifest['articles'] = {};
	private checked = 0;
	private mtime = 0;
	private refreshing: Promise<void> | undefined;
	private readonly log: (line: string) => void;

	constructor(source: string, log: (line: string) => void) {
		this.source = source;
		this.log = log;
	}

	/** Loads the list the first time; throws, saying what to do, when it cannot be read. */
	async load(now: number): Promise<void> {
		try {
			if (isUrl(this.source)) await this.fetchList();
			else this.readFile();
		} catch (error) {
			throw new Error(
				`COMMENTS_ARTICLES: cannot read the list of articles from ${this.source} (${(error as Error).message}). Build the site first (npm run build writes dist/comments.json), or set COMMENTS_ARTICLES to the live site's https://…/comments.json.`,
				{ cause: error }
			);
		}
		this.checked = now;
	}

	/** The articles now; starts a re-read in the background when it is due. */
	current(now: number): CommentsManifest['articles'] {
		const due = now - this.checked >= (isUrl(this.source) ? URL_REFRESH_MS : FILE_CHECK_MS);
		if (due && !this.refreshing) {
			this.checked = now;
			if (isUrl(this.source)) {
				this.refreshing = this.fetchList()
					.catch((error: Error) =>
						this.log(`articles: kept the last list; ${this.source}: ${error.message}`)
					)
					.finally(() => (this.refreshing = undefined));
			} else {
				try {
					this.readFile();
				} catch (error) {
					this.log(`articles: kept the last list; ${(error as Error).message}`);
				}
			}
		}
		return this.articles;
	}

	/**
	 * Reads the list again now, whatever the time since the last read (before an approval: an
	 * article may have been deleted or renamed since). A failed read keeps the last good list.
	 */
	async refresh(now: number): Promise<CommentsManifest['articles']> {
		await this.refreshing;
		try {
			if (isUrl(this.source)) await this.fetchList();
			else this.readFile();
			this.checked = now;
		} catch (error) {
			this.log(`articles: kept the last list; ${this.source}: ${(error as Error).message}`);
		}
		return this.articles;
	}

	private readFile(): void {
		const mtime = statSync(this.source).mtimeMs;
		if (mtime === this.mtime) return;
		this.articles = parseManifest(readFileSync(this.source, 'utf8'), this.source);
		this.mtime = mtime;
	}

	private async fetchList(): Promise<void> {
		const response = await fetch(this.source, { signal: AbortSignal.timeout(10_000) });
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		this.articles = parseManifest(await response.text(), this.source);
	}
}
