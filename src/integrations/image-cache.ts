/**
 * Astro's cache of optimised images (`<cacheDir>/assets/`), kept whole. Astro writes a cached
 * image in place and, on a later build, copies any file of that name into the output without
 * reading it. A build stopped while writing one (a full disk, a killed process) leaves it empty or
 * cut short, and the next build, with space again, published it: pictures that show nothing, and
 * nothing said. (Tried: a build on a full 14 MB disk, then one with space, published 10 empty AVIF
 * files.) So a build that made every image records the cache's files and their sizes; the next
 * build first removes any file not recorded with its size, and Astro makes it again. Without a
 * record (a cache kept from before Hangar did this), only empty files are removed.
 * @see node_modules/astro/dist/assets/build/generate.js (generateImageInternal)
 */
import {
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

/** The record of the cache's finished files, beside the cache's folder. */
const RECORD = 'hangar-image-cache.json';

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

/** The integration: prunes before a build, records once the build has made every image. */
export function imageCache(): AstroIntegration {
	let dir = '';
	let record = '';
	return {
		name: 'hangar:image-cache',
		hooks: {
			'astro:config:done': ({ config }) => {
				dir = fileURLToPath(new URL('assets/', config.cacheDir));
				record = fileURLToPath(new URL(RECORD, config.cacheDir));
			},
			'astro:build:start': ({ logger }) => {
				const removed = pruneImageCache(dir, record);
				if (removed.length > 0) {
					logger.warn(
						`${removed.length} image(s) in the cache were left unfinished by a build that stopped (a full disk, say); they are made again: ${removed.join(', ')}`
					);
				}
			},
			// After the images: Astro makes them before this hook runs. A record that cannot be written
			// leaves the last one, which costs the next build only the images made since.
			'astro:build:generated': ({ logger }) => {
				try {
					recordImageCache(dir, record);
				} catch (error) {
					logger.warn(`could not record the image cache: ${(error as Error).message}`);
				}
			},
		},
	};
}
