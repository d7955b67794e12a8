/**
 * The search index of `astro dev`, in memory. It is made from documents the dev server builds
 * from the content (`search-documents.ts`, one request), not from rendered pages: fetching every
 * article page cost a full render each, and 294 of 1,000 articles were indexed after 10 minutes.
 * The index is made on the first query; once search was used, each change the content layer
 * reports brings it up to date at once, adding only the documents that changed.
 * @see https://pagefind.app/docs/node-api/
 */
import type { AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { contentVersion, onContentChange } from '../content-events.ts';
import type { SearchDocument } from '../search/records.ts';

/** Where the dev server answers with the content's version and every article's document. */
export const DOCUMENTS_PATH = '/_hangar/search-documents.json';

interface Documents {
	version: number;
	documents: SearchDocument[];
}

/** Turns Pagefind's error lists into one thrown error, so a bad index fails the build. */
export function orThrow<T extends { errors: string[] }>(step: string, response: T): T {
	if (response.errors.length > 0) {
		throw new Error(`Search index: ${step} failed:\n${response.errors.join('\n')}`);
	}
	return response;
}

/** A new, empty Pagefind index. */
export async function newIndex(): Promise<pagefind.PagefindIndex> {
	const { index } = orThrow('creating the index', await pagefind.createIndex({}));
	if (!index) throw new Error('Search index: Pagefind returned no index');
	return index;
}

interface Indexed {
	version: number;
	/** Each document's HTML by URL path, to tell what an edit changed. */
	documents: Map<string, string>;
	/** The index's files by path under /pagefind/. */
	files: Map<string, Uint8Array>;
}

/** The dev server's search index. */
export class DevSearch {
	#indexed: Indexed | undefined;
	/** Pagefind's index, kept between refreshes. */
	#index: pagefind.PagefindIndex | undefined;
	#pending: Promise<Indexed> | undefined;
	#origin: string | undefined;
	#closed = false;
	readonly #logger: AstroIntegrationLogger;
	readonly #unsubscribe: () => void;

	constructor(logger: AstroIntegrationLogger) {
		this.#logger = logger;
		// Once search was used, each change of the content starts bringing the index up to date at
		// once, so the next query finds it (or its making) under way.
		this.#unsubscribe = onContentChange(() => {
			if (this.#origin && !this.#closed) this.files(this.#origin).catch(() => {});
		});
	}

	/** The index's files, made or brought up to date first if the content changed since. */
	async files(origin: string): Promise<Map<string, Uint8Array>> {
		this.#origin = origin;
		while (!this.#indexed || this.#indexed.version !== contentVersion()) {
			this.#pending ??= this.#refresh(origin).finally(() => (this.#pending = undefined));
			const indexed = await this.#pending;
			// A change during the making is made again; one after it is the next query's.
			if (indexed.version === contentVersion() || this.#closed) return indexed.files;
		}
		return this.#indexed.files;
	}

	/** Stops Pagefind (its own process) and any indexing under way: the server is stopping. */
	async close(): Promise<void> {
		this.#closed = true;
		this.#unsubscribe();
		await pagefind.close();
	}

	async #refresh(origin: string): Promise<Indexed> {
		const last = this.#indexed;
		const started = performance.now();
		const response = await fetch(new URL(DOCUMENTS_PATH, origin));
		if (!response.ok) throw new Error(`${DOCUMENTS_PATH} answered ${response.status}`);
		const { version, documents } = (await response.json()) as Documents;
		const byUrl = new Map(documents.map((d) => [d.url, d.html]));
		const changed = [...byUrl].filter(([url, html]) => last?.documents.get(url) !== html);
		const removed = [...(last?.documents.keys() ?? [])].some((url) => !byUrl.has(url));
		if (last && changed.length === 0 && !removed) return (this.#indexed = { ...last, version });
		// Pagefind keeps the last page added per URL, so an index that lives on takes only what
		// changed: one edited article cost 7 ms to add and 1.5-2.9 s to write at 1,000 articles,
		// against 3.4 s more to add them all again. It cannot drop a page: a removal starts afresh.
		if (removed && this.#index) {
			await this.#index.deleteIndex();
			this.#index = undefined;
		}
		if (!this.#index) {
			this.#logger.info(`Indexing ${byUrl.size} articles for search in dev…`);
			this.#index = await newIndex();
		}
		const index = this.#index;
		const toAdd = last && !removed ? changed : [...byUrl];
		const added = await Promise.all(
			toAdd.map(([url, content]) => index.addHTMLFile({ url, content }))
		);
		orThrow('indexing', { errors: added.flatMap((r) => r.errors) });
		if (this.#closed) throw new Error('Search index: the dev server stopped');
		const { files } = orThrow('building', await index.getFiles());
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		this.#logger.info(
			last
				? `Search is up to date: ${changed.length} changed, ${byUrl.size} articles indexed in ${seconds} s`
				: `Search is ready: ${byUrl.size} articles indexed in ${seconds} s`
		);
		this.#indexed = {
			version,
			documents: byUrl,
			files: new Map(files.map((f) => [f.path.replace(/^\/+/, ''), f.content])),
		};
		return this.#indexed;
	}
}

/**
 * The files of the last few dev indexes, newest first. Pagefind names its chunks and fragments by
 * their content, so a search page that read the entry of one index can still fetch that index's
 * chunks after a newer index replaced it (they 404ed, and the page never showed results). Only a
 * few are kept: each edit makes a new index, and a day of writing kept every one in memory.
 */
export class RecentIndexes {
	readonly #kept: number;
	#indexes: Map<string, Uint8Array>[] = [];

	constructor(kept: number) {
		this.#kept = kept;
	}

	/** Makes `files` the newest index, dropping the oldest beyond the number kept. */
	use(files: Map<string, Uint8Array>): this {
		if (this.#indexes[0] !== files) this.#indexes = [files, ...this.#indexes].slice(0, this.#kept);
		return this;
	}

	/** A file by path, from the newest index that has it. */
	get(path: string): Uint8Array | undefined {
		return this.#indexes.find((files) => files.has(path))?.get(path);
	}
}
