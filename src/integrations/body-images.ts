/**
 * Images in an article's body get the lead image's widths: a `srcset` of WebP files up to 1600 px
 * (never wider than the original) and the same `sizes`, where they were one full-width file for
 * every screen. A Sätteri hast plugin that runs before Astro's image marker, which hands an
 * image's properties to `getImage()`.
 * @see node_modules/@astrojs/markdown-satteri/dist/satteri-processor.js (createImageMarkerPlugin)
 */
import { defineHastPlugin } from 'satteri';
import { ARTICLE_IMAGE_SIZES, ARTICLE_IMAGE_WIDTHS } from '../publish/article-images.ts';

interface AstroImageData {
	localImagePaths?: Set<string>;
	remoteImagePaths?: Set<string>;
}

/** The plugin: pass it to `satteri({ hastPlugins: [bodyImages] })`. */
export const bodyImages = defineHastPlugin({
	name: 'hangar-body-images',
	element: {
		filter: ['img'],
		visit(node, ctx) {
			const src = node.properties['src'];
			const astro = ctx.data['astro'] as AstroImageData | undefined;
			if (typeof src !== 'string') return;
			const path = decodeURI(src);
			// Only images Astro optimises: any other keeps its HTML, where `widths` is no attribute.
			if (!astro?.localImagePaths?.has(path) && !astro?.remoteImagePaths?.has(path)) return;
			ctx.setProperty(node, 'widths', ARTICLE_IMAGE_WIDTHS);
			ctx.setProperty(node, 'sizes', ARTICLE_IMAGE_SIZES);
		},
	},
});
