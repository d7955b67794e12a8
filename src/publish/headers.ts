/**
 * The static host's files: `_headers` (a strict Content-Security-Policy built from the inline
 * scripts and styles the built pages really contain, and caching rules) and `_redirects`, both in
 * the format Netlify and Cloudflare Pages read.
 * @see https://docs.netlify.com/routing/headers/
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 * @see https://www.w3.org/TR/CSP3/
 */
import { createHash } from 'node:crypto';
import {
	decodeEntities,
	eachElement,
	isExecutableScript,
	rawText,
	type HtmlDocument,
} from './html.ts';

/** The inline code of a page: what its CSP has to allow by hash. */
export interface InlineCode {
	/** Inline `<script>` elements that run. */
	scripts: string[];
	/** `<style>` elements. */
	styles: string[];
	/** `style="…"` attributes (Markdown tables write their alignment this way). */
	styleAttributes: string[];
}

/** Finds the inline scripts, style elements and style attributes of a parsed page. */
export function inlineCode(doc: HtmlDocument): InlineCode {
	const code: InlineCode = { scripts: [], styles: [], styleAttributes: [] };
	eachElement(doc, (element) => {
		const attrs = element.attributes;
		if (element.name === 'script' && attrs['src'] === undefined && isExecutableScript(attrs)) {
			code.scripts.push(rawText(element));
		}
		if (element.name === 'style') code.styles.push(rawText(element));
		if (attrs['style'] !== undefined) code.styleAttributes.push(decodeEntities(attrs['style']));
	});
	return code;
}

/** The CSP source expression of a piece of inline code: `'sha256-…'`. */
export function cspHash(code: string): string {
	return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/** Hashes collected over every page of the site (each once). */
export interface CspHashes {
	scripts: Set<string>;
	/** Of `<style>` elements. */
	styles: Set<string>;
	/** Of `style` attributes: they need `'unsafe-hashes'` besides their hash. */
	styleAttributes: Set<string>;
}

/** An empty collection of hashes. */
export function emptyHashes(): CspHashes {
	return { scripts: new Set(), styles: new Set(), styleAttributes: new Set() };
}

/** Adds a page's inline code to the site's hashes. */
export function addHashes(hashes: CspHashes, code: InlineCode): void {
	for (const script of code.scripts) hashes.scripts.add(cspHash(script));
	for (const style of code.styles) hashes.styles.add(cspHash(style));
	for (const style of code.styleAttributes) hashes.styleAttributes.add(cspHash(style));
}

/**
 * The site's Content-Security-Policy. Scripts and styles come from the site itself or match a hash
 * of the inline code the build found; `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly
 * (it allows no JavaScript `eval`); `'unsafe-hashes'` lets the hashed `style` attributes apply (only
 * when a page has one);
 * nothing may frame the site, and plugins, `<base>` and foreign form targets are refused.
 * `additions` are the dealer's extra sources by directive.
 */
export function contentSecurityPolicy(
	hashes: CspHashes,
	additions: Partial<Record<string, readonly string[]>> = {}
): string {
	const sorted = (set: Set<string>) => [...set].sort();
	const directives: Record<string, string[]> = {
		'default-src': ["'self'"],
		'script-src': ["'self'", "'wasm-unsafe-eval'", ...sorted(hashes.scripts)],
		'style-src': [
			"'self'",
			...(hashes.styleAttributes.size > 0 ? ["'unsafe-hashes'"] : []),
			...sorted(new Set([...hashes.styles, ...hashes.styleAttributes])),
		],
		'img-src': ["'self'"],
		'font-src': ["'self'"],
		'connect-src': ["'self'"],
		'media-src': ["'self'"],
		'frame-src': ["'none'"],
		'form-action': ["'self'"],
		'object-src': ["'none'"],
		'base-uri': ["'self'"],
		'frame-ancestors': ["'none'"],
	};
	for (const [name, sources] of Object.entries(additions)) {
		const current = directives[name] ?? [];
		directives[name] = [...current.filter((s) => s !== "'none'"), ...(sources ?? [])];
	}
	return serializeCsp(directives);
}

/** A policy's header value from its directives and their sources, in order. */
export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
	return Object.entries(directives)
		.map(([name, sources]) => `${name} ${sources.join(' ')}`)
		.join('; ');
}

/** One block of `_headers`: a path pattern and the headers sent with it. */
export interface HeaderRule {
	path: string;
	headers: Record<string, string>;
}

/** HTML, feeds and other unhashed files: always revalidated, so a rebuild shows at once. */
export const SHORT_CACHE = 'public, max-age=0, must-revalidate';
/** Files whose names carry a content hash (`/_astro/`): cached for a year, never revalidated. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** What the site's top level holds: folder names and file names of `dist/`. */
export interface TopLevel {
	folders: readonly string[];
	files: readonly string[];
}

/** The browser editor's folder and its own policy (`src/editor/csp.ts`). */
export interface EditorHeaders {
	folder: string;
	csp: string;
}

/**
 * The header rules of the site: security headers on every path, long caching for `/_astro/`, and
 * short caching for everything else. Each path gets exactly one Cache-Control, because both hosts
 * join the values of every rule that matches a path. For the same reason a site with the browser
 * editor gives the pages' policy to each top-level rule but the editor's, which has its own: two
 * policies on one response both apply, and the pages' would stop the editor.
 */
export function headerRules(csp: string, top: TopLevel, editor?: EditorHeaders): HeaderRule[] {
	const security = {
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
		'X-Frame-Options': 'DENY',
	};
	const policy = { 'Content-Security-Policy': csp };
	const short = { ...(editor ? policy : {}), 'Cache-Control': SHORT_CACHE };
	return [
		{ path: '/*', headers: editor ? security : { ...policy, ...security } },
		{ path: '/_astro/*', headers: { 'Cache-Control': IMMUTABLE_CACHE } },
		{ path: '/', headers: short },
		...[...top.folders]
			.filter((f) => f !== '_astro')
			.sort()
			.map((f) => ({
				path: `/${f}/*`,
				headers:
					f === editor?.folder
						? { 'Content-Security-Policy': editor.csp, 'Cache-Control': SHORT_CACHE }
						: short,
			})),
		...[...top.files]
			.filter((f) => f !== '_headers' && f !== '_redirects')
			.sort()
			.map((f) => ({ path: `/${f}`, headers: short })),
	];
}

/** The rules as a `_headers` file. */
export function headersFile(rules: readonly HeaderRule[]): string {
	return rules
		.map((rule) =>
			[
				rule.path,
				...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
			].join('\n')
		)
		.join('\n')
		.concat('\n');
}
