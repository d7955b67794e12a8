/**
 * Images in an article's body get the lead image's treatment: a `<picture>` with an AVIF `srcset`
 * and a WebP `<img>` fallback, at the lead image's widths (never wider than the original) and
 * `sizes`. A Sätteri hast plugin that runs before Astro's image marker:
 * - in Markdown, it writes the markers that marker would write, `getImage()` options as JSON, on
 *   the `<img>` and on an AVIF `<source>` before it; Astro's renderer fills in both, and
 *   `pictureSources()` (`src/publish/article-images.ts`) then takes the attributes only an `<img>`
 *   may have off the source. (Written here because Sätteri turns the numbers of an array property
 *   into strings, and Astro then makes a file twice where a width appears as "800" and as 800.)
 * - MDX hands the `<img>` to a component (`BodyImage.astro`, in `BODY_COMPONENTS`), which makes the
 *   `<picture>` from the same widths and `sizes`.
 * A GIF, a file of several frames (an animated WebP, a multi-page TIFF) or an SVG gets no AVIF
 * source (`takesAvifSource`); an SVG no widths either.
 * @see node_modules/@astrojs/markdown-satteri/dist/satteri-processor.js (createImageMarkerPlugin)
 * @see node_modules/@astrojs/markdown-satteri/dist/mdx/hast-images-to-component.js
 * @see node_modules/astro/dist/content/runtime.js (updateImageReferencesInBody)
 */
import type { Element } from 'hast';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin } from 'satteri';
import {
	ARTICLE_IMAGE_SIZES,
	ARTICLE_IMAGE_WIDTHS,
	BODY_SOURCE_TYPE,
	imageExtension,
	takesAvifSource,
} from '../publish/article-images.ts';

interface AstroImageData {
	localImagePaths?: Set<string>;
	remoteImagePaths?: Set<string>;
}

/** An element that Astro's renderer fills with the attributes of `getImage(options)`. */
function marked(tagName: string, options: Record<string, unknown>): Element {
	return {
		type: 'element',
		tagName,
		properties: { __ASTRO_IMAGE_: JSON.stringify(options) },
		children: [],
	};
}

/** The file an image path of a body names, or undefined for one no file path can be made of. */
function fileBeside(document: URL | undefined, src: string): string | undefined {
	try {
		return document ? fileURLToPath(new URL(src, document)) : undefined;
	} catch {
		return undefined;
	}
}

/** The plugin: pass it to `satteri({ hastPlugins: [bodyImages] })`. */
export const bodyImages = defineHastPlugin({
	name: 'hangar-body-images',
	element: {
		filter: ['img'],
		visit(node, ctx) {
			const { src, ...attributes } = node.properties;
			const astro = ctx.data['astro'] as AstroImageData | undefined;
			if (typeof src !== 'string') return;
			const path = decodeURI(src);
			const local = astro?.localImagePaths?.has(path) ?? false;
			const remote = !local && (astro?.remoteImagePaths?.has(path) ?? false);
			// Only images Astro optimises: any other keeps its HTML, where `widths` is no attribute.
			const extension = imageExtension(path);
			if ((!local && !remote) || extension?.toLowerCase() === 'svg') return;
			if (ctx.sourceFormat === 'mdx') {
				// Astro's MDX image plugin splits `widths` on spaces; BodyImage.astro reads numbers.
				ctx.setProperty(node, 'widths', ARTICLE_IMAGE_WIDTHS.join(' '));
				ctx.setProperty(node, 'sizes', ARTICLE_IMAGE_SIZES);
				return;
			}
			const sized = {
				src: path,
				widths: ARTICLE_IMAGE_WIDTHS,
				sizes: ARTICLE_IMAGE_SIZES,
				...(remote && !('width' in attributes) && !('height' in attributes)
					? { inferSize: true }
					: {}),
			};
			// The `<img>` keeps what the author gave it (alt, title); the source takes only sizes.
			const img = marked('img', { ...attributes, ...sized });
			const file = local ? fileBeside(ctx.fileURL, src) : undefined;
			if (!takesAvifSource(extension, file)) return ctx.replaceNode(node, img);
			const source = marked('source', { ...sized, format: 'avif', type: BODY_SOURCE_TYPE });
			ctx.replaceNode(node, {
				type: 'element',
				tagName: 'picture',
				properties: {},
				children: [source, img],
			});
		},
	},
});
