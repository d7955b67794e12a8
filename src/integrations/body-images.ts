/**
 * Images in an article's body get the lead image's treatment: a `<picture>` with an AVIF `srcset`
 * and a WebP `<img>` fallback, at the lead image's widths (never wider than the original) and
 * `sizes`. A Sätteri hast plugin that runs before Astro's image marker:
 * - in Markdown, the `<img>` keeps the properties that marker hands to `getImage()`, and the AVIF
 *   `<source>` before it carries a marker of its own, which Astro's renderer fills in as it fills
 *   an image's; `pictureSources()` (`src/publish/article-images.ts`) then takes the attributes only
 *   an `<img>` may have off the source;
 * - MDX hands the `<img>` to a component (the page passes `BodyImage.astro`), which makes the
 *   `<picture>` from the same widths and `sizes`.
 * @see node_modules/@astrojs/markdown-satteri/dist/satteri-processor.js (createImageMarkerPlugin)
 * @see node_modules/@astrojs/markdown-satteri/dist/mdx/hast-images-to-component.js
 * @see node_modules/astro/dist/content/runtime.js (updateImageReferencesInBody)
 */
import type { Element } from 'hast';
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

// As strings: Sätteri drops the numbers from an array property of a node it is handed.
const WIDTHS = ARTICLE_IMAGE_WIDTHS.map(String);

/** The plugin: pass it to `satteri({ hastPlugins: [bodyImages] })`. */
export const bodyImages = defineHastPlugin({
	name: 'hangar-body-images',
	element: {
		filter: ['img'],
		visit(node, ctx) {
			const { src, width, height } = node.properties;
			const astro = ctx.data['astro'] as AstroImageData | undefined;
			if (typeof src !== 'string') return;
			const path = decodeURI(src);
			const local = astro?.localImagePaths?.has(path) ?? false;
			const remote = !local && (astro?.remoteImagePaths?.has(path) ?? false);
			// Only images Astro optimises: any other keeps its HTML, where `widths` is no attribute.
			if (!local && !remote) return;
			const mdx = ctx.sourceFormat === 'mdx';
			if (mdx || !takesAvifSource(imageExtension(path))) {
				// The widths alone, on the `<img>` (an SVG or GIF) or the MDX component. Astro's MDX
				// image plugin splits `widths` on spaces.
				ctx.setProperty(node, 'widths', mdx ? WIDTHS.join(' ') : WIDTHS);
				ctx.setProperty(node, 'sizes', ARTICLE_IMAGE_SIZES);
				return;
			}
			// The marker Astro's own plugin writes on an `<img>`: its `getImage()` options as JSON.
			const sourceOptions = {
				src: path,
				index: 0,
				widths: WIDTHS,
				sizes: ARTICLE_IMAGE_SIZES,
				format: 'avif',
				type: BODY_SOURCE_TYPE,
				...(width === undefined ? {} : { width }),
				...(height === undefined ? {} : { height }),
				...(remote && width === undefined && height === undefined ? { inferSize: true } : {}),
			};
			const source: Element = {
				type: 'element',
				tagName: 'source',
				properties: { __ASTRO_IMAGE_: JSON.stringify(sourceOptions) },
				children: [],
			};
			const img: Element = {
				...node,
				properties: { ...node.properties, sizes: ARTICLE_IMAGE_SIZES },
			};
			// hast types `widths` as a string; Astro's marker hands getImage() the array as it is.
			Object.assign(img.properties, { widths: WIDTHS });
			ctx.replaceNode(node, {
				type: 'element',
				tagName: 'picture',
				properties: {},
				children: [source, img],
			});
		},
	},
});
