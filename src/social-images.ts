/**
 * Draws social images: satori lays the card out and turns its text into SVG paths with the Inter
 * font shipped by `@fontsource/inter` (so the picture is the same on every machine, whatever fonts
 * it has), and sharp turns the SVG into a JPEG. Each image is cached under a hash of everything
 * that shapes it, in `node_modules/.cache/hangar/social/` (or `$HANGAR_CACHE_DIR/social/`), a folder
 * CI can keep between runs: an unchanged article costs one hash and one file read.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import {
	FONT_FAMILY,
	LEAD_PANEL_WIDTH,
	SOCIAL_HEIGHT,
	SOCIAL_WIDTH,
	socialCacheKey,
	socialCardTree,
	type SocialCard,
} from './lib/social-image.ts';
import { SITE } from './site.config.ts';

/** Where rendered images are kept between builds. */
export const SOCIAL_CACHE_DIR = join(
	resolve(process.env['HANGAR_CACHE_DIR'] ?? 'node_modules/.cache/hangar'),
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
	const path = (image as { fsPath?: unknown }).fsPath;
	if (typeof path !== 'string' || path === '') {
		throw new Error('Cannot find the file of a lead image: Astro no longer exposes `fsPath`');
	}
	return path;
}

/** The card drawn as a 1200×630 JPEG, from the cache when nothing that shapes it has changed. */
export async function socialImage(card: SocialCard, leadFile?: string): Promise<Buffer> {
	const [brand, lead] = await Promise.all([
		loadLogo(),
		leadFile ? readFile(leadFile) : Promise.resolve(undefined),
	]);
	const layout = socialCardTree(card, { logo: 'logo', lead: lead ? 'lead' : undefined });
	const images = lead ? [brand.bytes, lead] : [brand.bytes];
	const key = socialCacheKey(layout, images, [...RENDERER_VERSIONS, JSON.stringify(ENCODING)]);
	const file = join(SOCIAL_CACHE_DIR, `${key}.jpg`);
	try {
		return await readFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	const leadUri = lead
		? dataUri(
				await sharp(lead)
					.resize(LEAD_PANEL_WIDTH, SOCIAL_HEIGHT, { fit: 'cover' })
					.jpeg(ENCODING.lead)
					.toBuffer(),
				'image/jpeg'
			)
		: undefined;
	const svg = await satori(socialCardTree(card, { logo: brand.uri, lead: leadUri }), {
		width: SOCIAL_WIDTH,
		height: SOCIAL_HEIGHT,
		fonts: await loadFonts(),
	});
	const jpeg = await sharp(Buffer.from(svg)).jpeg(ENCODING.card).toBuffer();
	// Written under a temporary name and renamed, so a build stopped half-way never leaves a
	// truncated image that later builds would take for a finished one.
	await mkdir(SOCIAL_CACHE_DIR, { recursive: true });
	const temporary = `${file}.${createHash('sha256').update(String(process.pid)).digest('hex').slice(0, 8)}.tmp`;
	await writeFile(temporary, jpeg);
	await rename(temporary, file);
	return jpeg;
}
