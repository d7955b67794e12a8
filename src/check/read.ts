/**
 * Reads the content folder for the content check (`npm run check`, the build, `npm run new` and
 * `npm run import`): every file of each collection, the redirects file, and image widths on
 * demand. Then checks it all: the content files and site (`content.ts`) and the comment files.
 */
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import { join, matchesGlob, relative, sep } from 'node:path';
import { imageSize } from 'image-size';
import { parse } from 'yaml';
import { COLLECTION_FILES, type CollectionFiles } from '../model/collections.ts';
import { hasSeveralFrames } from '../model/image-files.ts';
import { buildTime } from '../environment.ts';
import type { RedirectRule } from '../model/redirect-rules.ts';
import { SITE } from '../site.config.ts';
import { validateContent } from './content.ts';
import type { ContentProblem, ContentSnapshot, SourceFile } from './problems.ts';
import { checkComments } from './read-comments.ts';
import { REDIRECTS_FILE } from './redirects-file.ts';

/** The files under a folder, and the symbolic links found there (never followed). */
interface Listing {
	files: string[];
	links: string[];
}

/**
 * Every file under `dir`, walked without following symbolic links: a link is listed apart, to be
 * reported. Following them let a link out of `content/` be read unchecked, and a link loop
 * produced hundreds of duplicate-slug errors, or ran past 100 s at 4 GB with a large folder.
 */
function listFiles(dir: string, listing: Listing = { files: [], links: [] }): Listing {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return listing;
		throw error;
	}
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isSymbolicLink()) listing.links.push(path);
		else if (entry.isDirectory()) listFiles(path, listing);
		else if (entry.isFile()) listing.files.push(path);
	}
	return listing;
}

/** The rule for symbolic links inside the content folder. */
export const SYMLINK_RULE = 'symlink';

/**
 * The symbolic links inside `contentDir`, each an error: neither the check nor the build follows
 * them (Astro's loader would build a linked file the check never read, and a linked folder can
 * loop), so the content must be real files and folders.
 */
export function symlinkProblems(root: string, contentDir: string): ContentProblem[] {
	const toRepo = (file: string) => relative(root, file).split(sep).join('/');
	return listFiles(join(root, contentDir))
		.links.sort()
		.map((link) => {
			let target = '?';
			try {
				target = readlinkSync(link);
			} catch {
				// Gone between the listing and now: it is still reported.
			}
			return {
				severity: 'error',
				rule: SYMLINK_RULE,
				file: toRepo(link),
				message: `is a symbolic link (to ${target}); the check and the build read only real files and folders inside ${contentDir}/`,
				fix: `put the file or folder itself here (replace the link by a copy: \`cp -RL\`), or move it into ${contentDir}/`,
			};
		});
}

/**
 * Bytes read to find an image's size: most files tell it in their first few kilobytes; a JPEG's
 * metadata (a thumbnail, a colour profile) can push its frame size further, so more is read when
 * the first read is not enough, and at last the whole file.
 */
const HEADER_READS = [16 * 1024, 256 * 1024];

/**
 * The width in pixels of an image file as it is shown (a JPEG rotated by its EXIF orientation
 * swaps width and height); undefined when the file cannot be read as an image.
 */
export function imageWidthOf(file: string): number | undefined {
	const size = (bytes: Uint8Array) => {
		try {
			return imageSize(bytes);
		} catch {
			return undefined;
		}
	};
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return undefined; // not readable at all (its permissions, say): reported as no image
	}
	let found: ReturnType<typeof imageSize> | undefined;
	try {
		for (const bytes of HEADER_READS) {
			// A buffer of its own, not a view of a larger one: image-size reads a view's whole
			// buffer, and took the zeros past a short file's end for an empty TGA image.
			const header = new Uint8Array(bytes);
			const length = readSync(fd, header, 0, bytes, 0);
			found = size(length === bytes ? header : header.slice(0, length));
			if (found || length < bytes) break;
		}
	} finally {
		closeSync(fd);
	}
	found ??= size(readFileSync(file));
	if (!found) return undefined;
	return (found.orientation ?? 1) >= 5 ? found.height : found.width;
}

/** The redirects of the content folder's `redirects.yaml`, and that file's path for messages. */
export interface ContentRedirects {
	file: string;
	rules: RedirectRule[];
}

/**
 * The well-formed redirects of `<contentDir>/redirects.yaml` (none when there is no such file).
 * The content check reports a malformed one, with its line, before anything uses this.
 */
export function readContentRedirects(root: string, contentDir: string): ContentRedirects {
	const file = `${contentDir}/${REDIRECTS_FILE}`;
	let text: string;
	try {
		text = readFileSync(join(root, file), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, rules: [] };
		throw error;
	}
	let list: unknown;
	try {
		list = parse(text);
	} catch {
		return { file, rules: [] };
	}
	const rules = (Array.isArray(list) ? list : []).filter(
		(r): r is RedirectRule =>
			typeof r === 'object' && r !== null && typeof (r as RedirectRule).from === 'string'
	);
	return { file, rules: rules.map(({ from, to, status }) => ({ from, to, status })) };
}

/** Reads every content file under `contentDir` (relative to `root`). */
export function readContent(root: string, contentDir: string): ContentSnapshot {
	const toRepo = (file: string) => relative(root, file).split(sep).join('/');
	const all = listFiles(join(root, contentDir)).files.map(toRepo).sort();
	const read = (path: string): SourceFile => ({
		path,
		text: readFileSync(join(root, path), 'utf8'),
	});
	// The files the collections' glob loaders load (src/content.config.ts).
	const under = ({ folder, pattern }: CollectionFiles) => {
		const prefix = `${contentDir}/${folder}/`;
		return all
			.filter((p) => p.startsWith(prefix) && matchesGlob(p.slice(prefix.length), pattern))
			.map(read);
	};
	const redirects = `${contentDir}/${REDIRECTS_FILE}`;
	return {
		contentDir,
		articles: under(COLLECTION_FILES.articles),
		products: under(COLLECTION_FILES.products),
		audits: under(COLLECTION_FILES.audits),
		authors: under(COLLECTION_FILES.authors),
		files: new Set(all),
		redirects: all.includes(redirects) ? read(redirects) : undefined,
		// Read lazily: only the image files that fields and bodies name are opened.
		imageWidth: (path) => imageWidthOf(join(root, path)),
		imageFrames: (path) => hasSeveralFrames(join(root, path)),
	};
}

/**
 * Validates the content folder; returns every finding. `now` (the build's time, by default from
 * HANGAR_BUILD_TIME or the clock) decides which articles are scheduled.
 */
export function checkContent(
	root: string,
	contentDir: string,
	options: { now?: Date; siteUrl?: string } = {}
): ContentProblem[] {
	const snapshot = {
		...readContent(root, contentDir),
		now: options.now ?? buildTime(),
		siteUrl: options.siteUrl ?? SITE.url,
	};
	// Comment files (content/comments/) have their own validator, owned by the comments feature.
	return [
		...symlinkProblems(root, contentDir),
		...validateContent(snapshot),
		...checkComments(root, snapshot),
	];
}
