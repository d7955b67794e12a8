/**
 * Draws social images: satori lays the card out and turns its text into SVG paths with the Inter
 * font shipped by `@fontsource/inter` (so the picture is the same on every machine, whatever fonts
 * it has), and sharp turns the SVG into a JPEG. Each image is cached under a hash of everything
 * that shapes it, in `node_modules/.cache/hangar/social/` (or `$HANGAR_CACHE_DIR/social/`), a folder
 * CI can keep between runs: an unchanged article costs one hash and one file read.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Font } from 'satori';
import sharp from 'sharp';
import {
	FONT_FAMILY,
	LEAD_PANEL_WIDTH,
	SOCIAL_HEIGHT,
	SOCIAL_WIDTH,
	socialCacheKey,
	socialCardTree,
	type SocialCard,
} from './social-card.ts';
import { ENV } from '../environment.ts';
import { fileOfImage } from './article-images.ts';
import { SITE } from '../site.config.ts';
import type { CardJob, CardResult } from './social-card-worker.ts';

/** Where rendered images are kept between builds. */
export const SOCIAL_CACHE_DIR = join(
	resolve(ENV.HANGAR_CACHE_DIR ?? 'node_modules/.cache/hangar'),
	'social'
);

// Resolved from the project root: this module runs bundled from a build folder.
const require = createRequire(join(process.cwd(), 'package.json'));

function packageVersion(name: string): string {
	return (require(`${name}/package.json`) as { version: string }).version;
}

/** Versions of everything that draws the pixels: a change to any of them redraws every image. */
const RENDERER_VERSIONS = [
	...['satori', '@fontsource/inter'].map((name) => `${name}@${packageVersion(name)}`),
	// sharp's package.json is not exported; it reports its own and libvips's versions.
	`sharp@${sharp.versions.sharp ?? '?'}`,
	`libvips@${sharp.versions.vips}`,
];

/**
 * JPEG settings of the lead image embedded in the card and of the card itself (full-resolution
 * colour, so the text's edges stay crisp). Part of the cache key.
 */
const ENCODING = {
	lead: { quality: 85 },
	// Without mozjpeg: its trellis search tripled the cost of a card (≈130 of ≈180 ms) for files a
	// few per cent smaller.
	card: { quality: 82, chromaSubsampling: '4:4:4' },
} as const;

let fonts: Promise<Font[]> | undefined;

/** Inter regular and bold, Latin and Latin Extended (satori reads WOFF, not WOFF2). */
function loadFonts(): Promise<Font[]> {
	fonts ??= Promise.all(
		['latin', 'latin-ext'].flatMap((subset) =>
			([400, 700] as const).map(async (weight) => ({
				name: FONT_FAMILY,
				weight,
				style: 'normal' as const,
				data: await readFile(
					require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)
				),
			}))
		)
	);
	return fonts;
}

const MIME: Record<string, string> = {
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
};

function dataUri(bytes: Uint8Array, type: string): string {
	return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
}

let logo: Promise<{ bytes: Buffer; uri: string }> | undefined;

/** The dealer's logo from `public/`. */
function loadLogo(): Promise<{ bytes: Buffer; uri: string }> {
	logo ??= readFile(join(process.cwd(), 'public', SITE.logo.src)).then((bytes) => {
		const ext = SITE.logo.src.slice(SITE.logo.src.lastIndexOf('.')).toLowerCase();
		return { bytes, uri: dataUri(bytes, MIME[ext] ?? 'application/octet-stream') };
	});
	return logo;
}

/**
 * The file an image from a content collection was read from. Astro keeps it on the image's
 * metadata (as `fsPath`, not enumerable); a build without it fails here rather than drawing cards
 * without their lead images.
 */
export function sourceFileOf(image: object): string {
	const path = fileOfImage(image);
	if (path === undefined) {
		throw new Error('Cannot find the file of a lead image: Astro no longer exposes `fsPath`');
	}
	return path;
}

/** One card waiting for, or being drawn by, a worker. */
interface Pending {
	resolve: (jpeg: Buffer) => void;
	reject: (error: Error) => void;
}

interface Pool {
	idle: Worker[];
	queue: CardJob[];
	pending: Map<number, Pending>;
	/** Set when a worker crashed: every card then fails at once rather than wait forever. */
	failed?: Error;
}

let pool: Promise<Pool> | undefined;
let nextJob = 0;

/**
 * Workers that draw cards: one per core, at most four. The main thread renders pages meanwhile,
 * and waits on them only when it reaches the card routes. A worker holds the process open only
 * while it has a card to draw, so a build never hangs on an idle one.
 */
function cardPool(): Promise<Pool> {
	pool ??= loadFonts().then((loadedFonts) => {
		const state: Pool = { idle: [], queue: [], pending: new Map() };
		const size = Math.min(4, Math.max(1, availableParallelism()));
		for (let i = 0; i < size; i++) {
			const worker = new Worker(join(process.cwd(), 'src', 'publish', 'social-card-worker.ts'), {
				workerData: { fonts: loadedFonts },
			});
			worker.on('message', (result: CardResult) => {
				const waiting = state.pending.get(result.id);
				state.pending.delete(result.id);
				if ('error' in result)
					waiting?.reject(new Error(`Drawing a social image: ${result.error}`));
				else waiting?.resolve(Buffer.from(result.jpeg));
				dispatch(state, worker);
			});
			worker.on('error', (error: Error) => {
				state.failed = error;
				for (const waiting of state.pending.values()) waiting.reject(error);
				state.pending.clear();
			});
			worker.unref();
			state.idle.push(worker);
		}
		return state;
	});
	return pool;
}

/** Gives `worker` the next queued card, or marks it idle. */
function dispatch(state: Pool, worker: Worker): void {
	const job = state.queue.shift();
	if (job) {
		worker.ref();
		worker.postMessage(job);
	} else {
		worker.unref();
		state.idle.push(worker);
	}
}

/** Queues a card for the next free worker. */
async function drawInWorker(job: Omit<CardJob, 'id'>): Promise<Buffer> {
	const state = await cardPool();
	if (state.failed) throw state.failed;
	const id = nextJob++;
	const done = new Promise<Buffer>((resolve, reject) => state.pending.set(id, { resolve, reject }));
	state.queue.push({ ...job, id });
	const worker = state.idle.pop();
	if (worker) dispatch(state, worker);
	return done;
}

/** What a card is drawn from, and its cache key: a hash of all of it. */
async function cardInputs(card: SocialCard, leadFile: string | undefined) {
	const [brand, lead] = await Promise.all([
		loadLogo(),
		leadFile ? readFile(leadFile) : Promise.resolve(undefined),
	]);
	const layout = socialCardTree(card, { logo: 'logo', lead: lead ? 'lead' : undefined });
	const images = lead ? [brand.bytes, lead] : [brand.bytes];
	const key = socialCacheKey(layout, images, [...RENDERER_VERSIONS, JSON.stringify(ENCODING)]);
	return { key, brand, lead };
}

/**
 * The cache key of a card (its text, layout, logo, lead image, renderer versions and encoding):
 * also the key under which an incremental build keeps the card's page.
 */
export async function socialImageKey(card: SocialCard, leadFile?: string): Promise<string> {
	return (await cardInputs(card, leadFile)).key;
}

/** Cards being drawn, by cache key: two pages with the same card share one drawing. */
const drawing = new Map<string, Promise<Buffer>>();

/** The card drawn as a 1200×630 JPEG, from the cache when nothing that shapes it has changed. */
export async function socialImage(card: SocialCard, leadFile?: string): Promise<Buffer> {
	const { key, brand, lead } = await cardInputs(card, leadFile);
	const inFlight = drawing.get(key);
	if (inFlight) return inFlight;
	const file = join(SOCIAL_CACHE_DIR, `${key}.jpg`);
	try {
		return await readFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const drawn = drawing.get(key) ?? drawAndStore(card, brand.uri, lead, file);
	drawing.set(key, drawn);
	try {
		return await drawn;
	} finally {
		drawing.delete(key);
	}
}

async function drawAndStore(
	card: SocialCard,
	logoUri: string,
	lead: Buffer | undefined,
	file: string
): Promise<Buffer> {
	const jpeg = await drawInWorker({
		tree: socialCardTree(card, { logo: logoUri, lead: lead ? 'lead' : undefined }),
		lead,
		width: SOCIAL_WIDTH,
		height: SOCIAL_HEIGHT,
		leadWidth: LEAD_PANEL_WIDTH,
		leadQuality: ENCODING.lead.quality,
		card: ENCODING.card,
	});
	// Written under a temporary name and renamed, so a build stopped half-way never leaves a
	// truncated image that later builds would take for a finished one.
	await mkdir(SOCIAL_CACHE_DIR, { recursive: true });
	const temporary = `${file}.${process.pid}-${randomUUID()}.tmp`;
	await writeFile(temporary, jpeg);
	await rename(temporary, file);
	return jpeg;
}

/**
 * Starts drawing the given cards in the background (the build calls it with every article's card
 * before it renders the first page), so that they are ready, or nearly, when their routes ask
 * `socialImage` for them. Failures surface there, on the route that needs the card.
 */
export function prepareSocialImages(
	cards: Iterable<{ card: SocialCard; leadFile?: string }>
): void {
	for (const { card, leadFile } of cards) {
		socialImage(card, leadFile).catch(() => undefined);
	}
}
