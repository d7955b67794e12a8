/**
 * The browser editor's own Content-Security-Policy, for `/admin/*` only: the public pages keep
 * theirs. Sveltia CMS styles itself with inline styles, shows uploads and previews as `blob:` and
 * `data:` URLs and saves through the Git host's API; it needs no `eval` and nothing from a CDN.
 * @see https://github.com/sveltia/sveltia-cms#setting-up-content-security-policy
 */
import { serializeCsp } from '../publish/headers.ts';
import type { EditorBackend } from './config.ts';

/** The origins the editor talks to for a Git host: its API, and where its avatars come from. */
function hostSources(backend: EditorBackend | undefined): { api: string[]; images: string[] } {
	if (!backend) return { api: [], images: [] };
	const own = backend.apiRoot ? [new URL(backend.apiRoot).origin] : [];
	switch (backend.name) {
		case 'github':
			return {
				api: own.length ? own : ['https://api.github.com'],
				images: ['https://avatars.githubusercontent.com'],
			};
		case 'gitlab':
			return {
				api: own.length ? own : ['https://gitlab.com'],
				images: [...(own.length ? own : ['https://gitlab.com']), 'https://secure.gravatar.com'],
			};
		case 'gitea':
			return { api: own, images: own };
	}
}

/**
 * The policy of `/admin/*`. `hashes` are the CSP hashes of the editor page's inline scripts (its
 * import map), collected from the built page as the public pages' are.
 */
export function editorCsp(backend?: EditorBackend, hashes: readonly string[] = []): string {
	const host = hostSources(backend);
	const directives: Record<string, string[]> = {
		'default-src': ["'none'"],
		'script-src': ["'self'", ...hashes],
		'style-src': ["'self'", "'unsafe-inline'"],
		'img-src': ["'self'", 'data:', 'blob:', ...host.images],
		'media-src': ["'self'", 'blob:'],
		'font-src': ["'self'", 'data:'],
		'connect-src': ["'self'", 'data:', 'blob:', ...host.api],
		'frame-src': ["'self'", 'blob:'],
		'worker-src': ["'self'", 'blob:'],
		'manifest-src': ["'self'", 'blob:'],
		'base-uri': ["'self'"],
		'form-action': ["'none'"],
		'object-src': ["'none'"],
		'frame-ancestors': ["'none'"],
	};
	return serializeCsp(directives);
}
