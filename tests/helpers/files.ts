/**
 * Reading a built site or a content folder in tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `dir`, as forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** A fingerprint of every file's bytes under `dir`, to prove nothing was written there. */
export function fingerprint(dir: string): Map<string, string> {
	return new Map(
		listFiles(dir).map((file) => [
			file,
			createHash('sha256')
				.update(readFileSync(join(dir, file)))
				.digest('hex'),
		])
	);
}

/** The HTML of a page of a built site, by URL path (`/articles/x/`). */
export function page(siteDir: string, path: string): string {
	const file = path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path);
	if (!existsSync(file)) throw new Error(`${path} was not built (no ${file})`);
	return readFileSync(file, 'utf8');
}

/** True when the site has a page at the URL path. */
export function hasPage(siteDir: string, path: string): boolean {
	return existsSync(path.endsWith('/') ? join(siteDir, path, 'index.html') : join(siteDir, path));
}

/** Text files of a built site whose content matches `pattern`. */
export function filesContaining(siteDir: string, pattern: RegExp): string[] {
	return listFiles(siteDir)
		.filter((f) => /\.(html|xml|json|txt|js|css)$/.test(f))
		.filter((f) => pattern.test(readFileSync(join(siteDir, f), 'utf8')));
}
