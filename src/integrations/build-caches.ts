/**
 * The caches a build copies from, kept true when a build stops half-way (a full disk, a cancelled
 * job, a killed process). Two of Astro's would otherwise publish what the stopped build left:
 * - Its optimised images (`<cacheDir>/assets/`): Astro writes each in place and later copies any
 *   file of that name into the output without reading it. Tried: a build on a full 14 MB disk,
 *   then one with space, published 10 empty AVIF files. So a build that made every image records
 *   the cache's files and sizes, and the next build first removes any file not recorded with its
 *   size (with no record, a cache kept from before this, only empty files), which Astro makes again.
 * - Its pages (`<cacheDir>/dist/`, listed in `incremental-build.json`): a build rewrites the copy
 *   of each page it renders, and records the pages' keys only once all are written. A build that
 *   stopped in between left the copies of its edited pages under the last build's keys; with the
 *   edit undone, the next build published the undone text (tried: a headline reverted after such a
 *   build stayed on 10 pages and feeds). So a build marks itself running until its last hook, and
 *   the next build after one that never got there renders every page again.
 * @see node_modules/astro/dist/assets/build/generate.js (generateImageInternal)
 * @see node_modules/astro/dist/core/build/incremental.js (IncrementalBuildCache)
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportError } from './build-error.ts';

/** The record of the image cache's finished files, beside its folder. */
const RECORD = 'hangar-image-cache.json';
/** There while a build runs: a build that finds it follows one that stopped. */
const RUNNING = 'hangar-build-running';
/** Astro's record of its page copies' keys, and the folder of the copies. */
const PAGE_RECORD = 'incremental-build.json';
const PAGE_COPIES = 'dist/';

/** Each file of `dir` with its size in bytes; none when there is no folder. */
function sizesIn(dir: string): Record<string, number> {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return {};
	}
	const sizes: Record<string, number> = {};
	for (const name of names) {
		const stat = statSync(join(dir, name), { throwIfNoEntry: false });
		if (stat?.isFile()) sizes[name] = stat.size;
	}
	return sizes;
}

function readRecord(file: string): Record<string, number> | undefined {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
	} catch {
		return undefined; // none yet, or cut short itself: trust only what is not empty
	}
}

/**
 * Removes from the cache folder `dir` every file the last finished build did not record with its
 * size (or, with no record, every empty file); returns their names.
 */
export function pruneImageCache(dir: string, record: string): string[] {
	const known = readRecord(record);
	const unfinished = Object.entries(sizesIn(dir))
		.filter(([name, size]) => (known ? known[name] !== size : size === 0))
		.map(([name]) => name);
	for (const name of unfinished) rmSync(join(dir, name), { force: true });
	return unfinished.sort();
}

/** Records every file of the cache folder `dir` with its size, written whole or not at all. */
export function recordImageCache(dir: string, record: string): void {
	const temporary = `${record}.tmp`;
	mkdirSync(dirname(record), { recursive: true });
	writeFileSync(temporary, JSON.stringify(sizesIn(dir)));
	renameSync(temporary, record);
}

/**
 * Before a build: when the last one never finished, forgets Astro's page copies (so every page is
 * rendered) and says so; then removes the unfinished images, and marks this build running.
 * Returns what it did, for the log.
 */
export function beforeBuild(cacheDir: string): { stopped: boolean; images: string[] } {
	const running = join(cacheDir, RUNNING);
	const stopped = existsSync(running);
	if (stopped) {
		rmSync(join(cacheDir, PAGE_RECORD), { force: true });
		rmSync(join(cacheDir, PAGE_COPIES), { recursive: true, force: true });
	}
	const images = pruneImageCache(join(cacheDir, 'assets'), join(cacheDir, RECORD));
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(running, `${new Date().toISOString()}\n`);
	return { stopped, images };
}

/**
 * Astro's copies of the last build's pages, which a rebuild restores the pages it does not render
 * from; empty when the last build stopped half-way, since `beforeBuild` then removes them. Read
 * before this integration's `astro:build:start` (the search index reads them ahead from its own).
 */
export function lastPageCopies(cacheDir: string): string | undefined {
	return existsSync(join(cacheDir, RUNNING)) ? undefined : join(cacheDir, PAGE_COPIES);
}

/** After a build's last hook: it finished. */
export function afterBuild(cacheDir: string): void {
	rmSync(join(cacheDir, RUNNING), { force: true });
}

/**
 * The integration. It must come last in the config: its `astro:build:done` runs after every other
 * integration's, so a build that fails in any of them is taken as stopped.
 */
export function buildCaches(): AstroIntegration {
	let cacheDir = '';
	return {
		name: 'hangar:build-caches',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:start': ({ logger }) => {
				let done: ReturnType<typeof beforeBuild>;
				try {
					done = beforeBuild(cacheDir);
				} catch (error) {
					throw reportError(
						`Cannot prepare the build cache in ${cacheDir}: ${(error as Error).message}\nFree some disk space (or make the folder writable) and build again.`
					);
				}
				const { stopped, images } = done;
				if (stopped) {
					logger.warn(
						'the last build stopped before it finished (a full disk or a cancelled job, say): every page is rendered again'
					);
				}
				if (images.length > 0) {
					logger.warn(
						`${images.length} image(s) in the cache were left unfinished by a build that stopped; they are made again: ${images.join(', ')}`
					);
				}
			},
			// After the images: Astro makes them before this hook runs. A record that cannot be written
			// leaves the last one, which costs the next build only the images made since.
			'astro:build:generated': ({ logger }) => {
				try {
					recordImageCache(join(cacheDir, 'assets'), join(cacheDir, RECORD));
				} catch (error) {
					logger.warn(`could not record the image cache: ${(error as Error).message}`);
				}
			},
			'astro:build:done': () => afterBuild(cacheDir),
		},
	};
}
