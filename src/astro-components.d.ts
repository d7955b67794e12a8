/**
 * What a `.astro` file exports, for TypeScript outside Astro's language tools (ESLint's type-aware
 * rules): `astro check` resolves these imports itself.
 */
declare module '*.astro' {
	const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
	export default Component;
}
