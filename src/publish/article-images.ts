/**
 * The sizes an article's images are written at: the lead image (`LeadImage.astro`) and the images
 * of its body (`integrations/body-images.ts`) alike, and which body images get an AVIF source.
 */
import { isBitmap } from '../model/fields.ts';
import { hasSeveralFrames } from '../model/image-files.ts';

/** Widths in pixels, never wider than the original. */
export const ARTICLE_IMAGE_WIDTHS = [480, 800, 1200, 1600];

/** How wide an article's images are shown: the article column on a wide screen, else the screen. */
export const ARTICLE_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';

/** The format a body image's `<source>` offers before its WebP `<img>`. */
export const BODY_SOURCE_TYPE = 'image/avif';

/**
 * Whether a body image in `format` (a file extension: `jpg`, `svg`…), read from `file` when it is a
 * local one, gets the AVIF source: still pictures in raster formats do. An SVG is served as it is
 * (Astro does not rasterise it); an AVIF made from a GIF, an animated WebP or a TIFF of several pages
 * would be one still strip of all its frames, where their WebP keeps them as an animation; an address
 * without a known extension is left to Astro's own `<img>`.
 */
export function takesAvifSource(format: string | undefined, file?: string): boolean {
	if (!format || !isBitmap(format) || format.toLowerCase() === 'gif') return false;
	return !(file !== undefined && hasSeveralFrames(file));
}

/**
 * The file an image of a content collection was read from: Astro keeps it on the image's metadata
 * (as `fsPath`, not enumerable). Undefined for a remote image, or if Astro stops keeping it.
 */
export function fileOfImage(image: unknown): string | undefined {
	const path = (image as { fsPath?: unknown } | null)?.fsPath;
	return typeof path === 'string' && path !== '' ? path : undefined;
}

/** The extension of an image's path or address, without its query or fragment. */
export function imageExtension(path: string): string | undefined {
	return /\.(\w+)(?:[?#].*)?$/.exec(path)?.[1];
}

const BODY_SOURCE = new RegExp(`<source\\b[^>]*\\btype="${BODY_SOURCE_TYPE}"[^>]*>`, 'g');
const IMG_ONLY_ATTRIBUTE = /\s(?:src|loading|decoding|data-image-component)="[^"]*"/g;

/**
 * A rendered body with its images' AVIF sources made valid: Astro fills a source's marker as it
 * fills an `<img>`'s, with `src`, `loading` and `decoding`, which a `<source>` in a `<picture>` may
 * not have. Any other `<source>` (a video's, say) is left as it is.
 */
export function pictureSources(html: string): string {
	return html.replace(BODY_SOURCE, (tag) =>
		tag.includes(' srcset=') ? tag.replace(IMG_ONLY_ATTRIBUTE, '') : tag
	);
}
