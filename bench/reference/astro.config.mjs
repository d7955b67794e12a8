// @ts-check
// The benchmark's reference: a bare Astro 7 site over the same corpus, with article, product,
// audit and tag pages and nothing else (no images, feeds, search UI or validation).
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://example.com',
	trailingSlash: 'always',
	devToolbar: { enabled: false },
});
