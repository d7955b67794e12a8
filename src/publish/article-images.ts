/**
 * The sizes an article's images are written at: the lead image (`LeadImage.astro`) and the images
 * of its body (`integrations/body-images.ts`) alike.
 */

/** Widths in pixels, never wider than the original. */
export const ARTICLE_IMAGE_WIDTHS = [480, 800, 1200, 1600];

/** How wide an article's images are shown: the article column on a wide screen, else the screen. */
export const ARTICLE_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';
