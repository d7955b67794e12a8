/**
 * An internal link and image checker for a built site: every `href`, `src` and `srcset` URL (and
 * the URL of social-preview <meta> tags) that points inside the site must resolve to a file in it,
 * and every fragment to an id on its target.
 */
import { readFileSync } from 'node:fs';
import { tagsOf } from './html.ts';
import { fileFor, filesUnder, urlPathOf } from './site.ts';

/** One broken reference: the page it is on, the attribute and URL as written, and what is wrong. */
export interface BrokenLink {
	page: string;
	attr: string;
	url: string;
	problem: string;
}

const BASE = 'http://hangar.invalid';
/** <meta> properties whose content is a URL. */
const URL_META = new Set([
	'og:url',
	'og:image',
	'og:image:url',
	'og:image:secure_url',
	'twitter:image',
]);
const NOT_FOR_FILES = /^(mailto|tel|data|javascript|sms|geo):/i;

/** The URLs in a `srcset` value (candidates are "url descriptor", separated by commas). */
export function srcsetUrls(srcset: string): string[] {
	return srcset
		.split(/,(?=\s)|,$/)
		.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
		.filter(Boolean);
}

/** The ids (and legacy `<a name>` anchors) on a page. */
export function idsOf(html: string): Set<string> {
	const ids = new Set<string>();
	for (const tag of tagsOf(html)) {
		const id = tag.attrs.get('id');
		if (id) ids.add(id);
		const name = tag.name === 'a' ? tag.attrs.get('name') : undefined;
		if (name) ids.add(name);
	}
	return ids;
}

/**
 * Checks every page under `dir`. `siteOrigin` (e.g. the origin of the canonical URLs) makes
 * absolute URLs on the site's own domain count as internal too.
 */
export function checkLinks(dir: string, siteOrigin?: string): BrokenLink[] {
	const broken: BrokenLink[] = [];
	const idCache = new Map<string, Set<string>>();
	const idsIn = (file: string) => {
		let ids = idCache.get(file);
		if (!ids) {
			ids = idsOf(readFileSync(file, 'utf8'));
			idCache.set(file, ids);
		}
		return ids;
	};

	for (const file of filesUnder(dir, '.html')) {
		const pagePath = urlPathOf(dir, file);
		// The 404 page is served at any missing address, so its relative URLs resolve differently
		// on every request.
		const servedAnywhere = pagePath === '/404.html';
		const html = readFileSync(file, 'utf8');
		for (const tag of tagsOf(html)) {
			const refs: { attr: string; url: string }[] = [];
			for (const attr of ['href', 'src']) {
				const value = tag.attrs.get(attr);
				if (value !== undefined) refs.push({ attr: `<${tag.name} ${attr}>`, url: value.trim() });
			}
			// Social previews: og:image, og:url, twitter:image … name pages and images of the site too.
			const meta = tag.name === 'meta' ? (tag.attrs.get('property') ?? tag.attrs.get('name')) : '';
			if (meta && URL_META.has(meta)) {
				refs.push({ attr: `<meta ${meta}>`, url: (tag.attrs.get('content') ?? '').trim() });
			}
			const srcset = tag.attrs.get('srcset');
			if (srcset !== undefined) {
				for (const url of srcsetUrls(srcset)) refs.push({ attr: `<${tag.name} srcset>`, url });
			}
			for (const { attr, url } of refs) {
				const report = (problem: string) => broken.push({ page: pagePath, attr, url, problem });
				if (url === '') {
					report('empty URL');
					continue;
				}
				if (NOT_FOR_FILES.test(url) || url.startsWith('//')) continue;
				let target: URL;
				try {
					target = new URL(url, BASE + pagePath);
				} catch {
					report('not a valid URL');
					continue;
				}
				const isOwn = siteOrigin !== undefined && target.origin === siteOrigin;
				if (target.origin !== BASE && !isOwn) continue; // another site
				if (servedAnywhere && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) {
					report('relative URL on the 404 page: it breaks when a nested missing URL is asked for');
					continue;
				}
				let path: string;
				try {
					path = decodeURIComponent(target.pathname);
				} catch {
					report('badly percent-encoded path');
					continue;
				}
				const found = fileFor(dir, path);
				if (!found) {
					if (!path.endsWith('/') && fileFor(dir, `${path}/`)) {
						report(`links to the directory without its trailing slash (use ${path}/)`);
					} else {
						report(`nothing at ${path}`);
					}
					continue;
				}
				if (url === '#' || url.endsWith('#')) {
					report('empty fragment: links nowhere');
					continue;
				}
				if (target.hash) {
					const id = decodeURIComponent(target.hash.slice(1));
					if (!found.endsWith('.html')) report(`fragment #${id} on a file that is not a page`);
					else if (!idsIn(found).has(id)) report(`no element with id="${id}" on ${path}`);
				}
			}
		}
	}
	return broken;
}

/** One line per broken reference, grouped by page. */
export function formatBroken(broken: readonly BrokenLink[]): string {
	return broken.map((b) => `  ${b.page}: ${b.attr} "${b.url}" – ${b.problem}`).join('\n');
}
