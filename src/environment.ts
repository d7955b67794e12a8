/**
 * The build's environment settings (`HANGAR_*`), checked against their schema
 * (`src/model/environment-schema.ts`) when anything starts: a wrong value stops the command with a
 * report naming the variable and the fix. Also where the content lives, which they decide.
 */
import { resolve, sep } from 'node:path';
import { checkSettings } from './check/settings.ts';
import { environmentSchema } from './model/environment-schema.ts';

/** The environment settings of this process. */
export const ENV = checkSettings(environmentSchema, process.env, {
	file: 'environment',
	rule: 'environment',
	what: 'the environment',
	docs: 'docs/configuration.md',
});

/** The content folder as given (relative to the repository root), e.g. `content`. */
export const CONTENT_DIR = ENV.HANGAR_CONTENT_DIR.replace(/\/+$/, '');

/** The content folder as an absolute path. */
export const CONTENT_PATH = resolve(CONTENT_DIR);

/**
 * The time the build treats as "now": articles dated later are scheduled, not published.
 * `HANGAR_BUILD_TIME` (ISO 8601) fixes it, so tests and reproducible builds can choose it.
 */
export function buildTime(): Date {
	return ENV.HANGAR_BUILD_TIME ? new Date(ENV.HANGAR_BUILD_TIME) : new Date();
}

/**
 * Astro's `cacheDir` for a content folder, relative to the repository root: `node_modules/.astro`
 * for `content`, and one of its own for any other (a fixture site), so that builds of different
 * content never share a content-layer cache. The tests empty it to build from cold.
 */
export function cacheDirFor(contentDir: string): string {
	const dir = contentDir.replace(/\/+$/, '');
	return dir === 'content'
		? 'node_modules/.astro'
		: `node_modules/.astro-${dir.replace(/[^\w-]+/g, '_')}`;
}

/**
 * Folders of the repository that hold no source of the site: build output, benchmark corpora and
 * their builds, test scratch copies. They can hold tens of thousands of files.
 */
const SCRATCH = ['dist', 'bench/work', 'tests/.out'].map((dir) => resolve(dir));

const within = (path: string, dir: string) => path === dir || path.startsWith(dir + sep);

/**
 * Whether `astro dev` leaves a path unwatched, for a content folder at `contentPath`: everything in
 * the scratch folders but that content folder (a benchmark's or a test's corpus lives in one) and
 * the folders above it. Watching the scratch folders made the dev server slow to start and to stop:
 * with two benchmark corpora built it took 1.4–1.9 s to exit on SIGTERM instead of 0.5 s.
 */
export function unwatchedBy(contentPath: string): (path: string) => boolean {
	return (path) => {
		const file = resolve(path);
		if (within(file, contentPath) || within(contentPath, file)) return false;
		return SCRATCH.some((dir) => within(file, dir));
	};
}

/** Whether `astro dev` leaves `path` unwatched (`unwatchedBy` this process's content folder). */
export const unwatched = unwatchedBy(CONTENT_PATH);
