/** The files of a finished build, for the integrations that read them at `astro:build:done`. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The URL path a built file is served at: `/articles/x/` for `articles/x/index.html`. */
export function urlPathOf(dir: string, file: string): string {
	const path = `/${relative(dir, file).split(sep).join('/')}`;
	return path.replace(/\/index\.html$/, '/');
}

/** Every file under `dir`, at any depth. */
export function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}
