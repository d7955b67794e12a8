/**
 * The searchable part of every article page the last build wrote (`searchablePart`), kept in the
 * content's cache folder beside Astro's incremental cache. A rebuild hands these to Pagefind the
 * moment it starts, so the pages it will copy are indexed on the second core while Astro bundles
 * and copies, instead of being read from the output after the last page: that read was a quarter
 * of a rebuild after one edit (3 of 12 s at 1,000 articles). Each part is what a page rendered
 * into, so a part and the copy Astro restores agree; `search-index.ts` still checks every copied
 * page against its part before it trusts the index.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleUrl } from '../model/urls.ts';
import { filesUnder, urlPathOf } from './built-files.ts';

/**
 * The built files of the article pages, as a Pagefind glob: the only pages with
 * `data-pagefind-body`, as in `astro dev`. Reading the listing pages too cost Pagefind half again
 * as long (12.3 s instead of 6.8 s for 7,860 pages), to find nothing to index in them.
 */
export const ARTICLE_PAGES = `${articleUrl('*').slice(1)}index.html`;

const [ARTICLE_PREFIX = '', ARTICLE_SUFFIX = ''] = articleUrl('\0').split('\0');

/** Whether a URL path is an article page's (`articleUrl(slug)` for some slug). */
export function isArticlePath(path: string): boolean {
	if (!path.startsWith(ARTICLE_PREFIX) || !path.endsWith(ARTICLE_SUFFIX)) return false;
	const slug = path.slice(ARTICLE_PREFIX.length, path.length - ARTICLE_SUFFIX.length);
	return slug !== '' && !slug.includes('/');
}

/** The parts of one content folder, by URL path, in `dir`. */
export class SearchParts {
	readonly dir: string;

	constructor(dir: string) {
		this.dir = dir;
	}

	/** The URL paths of every part kept. */
	paths(): Set<string> {
		if (!existsSync(this.dir)) return new Set();
		return new Set(
			filesUnder(this.dir)
				.filter((file) => file.endsWith('.html'))
				.map((file) => urlPathOf(this.dir, file))
				.filter(isArticlePath)
		);
	}

	#file(path: string): string {
		return join(this.dir, path, 'index.html');
	}

	read(path: string): string | undefined {
		const file = this.#file(path);
		return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
	}

	/**
	 * Keeps `part` as the page's: written beside and then renamed over the old one, so Pagefind,
	 * which may be reading the folder, sees the old part or the new one, never half of one.
	 */
	async write(path: string, part: string): Promise<void> {
		const file = this.#file(path);
		await mkdir(dirname(file), { recursive: true });
		await writeFile(`${file}.tmp`, part);
		await rename(`${file}.tmp`, file);
	}

	remove(path: string): void {
		rmSync(dirname(this.#file(path)), { recursive: true, force: true });
	}
}
