/**
 * The intake service's settings, read from its environment variables (`COMMENTS_*`), which are
 * declared once in `serviceSettingsSchema` below. Pure: the caller passes the environment in; a bad
 * value throws an error naming the variable and what to write instead.
 */
import { z } from 'astro/zod';
import { parsePasswordHash } from './credentials.ts';

/** Everything `npm run comments -- serve` is configured with. */
export interface ServiceConfig {
	host: string;
	port: number;
	/** Path of the SQLite queue. */
	db: string;
	/** The moderators' password hash; moderation is refused without one. */
	passwordHash?: string | undefined;
	/** Origins the site is served from; the first is the canonical one. */
	siteOrigins: string[];
	/** Where approved comments are written; undefined when they are exported instead. */
	contentDir?: string | undefined;
	/** URL called (POST) after approvals, e.g. the static host's build hook. */
	webhook?: string | undefined;
	/** Path or URL of the built site's `/comments.json`. */
	articles: string;
	/** Comments a client may post: `limit` at once, refilled over `windowMs`. */
	rateLimit: { limit: number; windowMs: number };
	/** Behind a reverse proxy: take the client's address and scheme from X-Forwarded-For/-Proto. */
	trustProxy: boolean;
}

/** The default listen address: this machine only, so nothing is exposed by accident. */
export const DEFAULT_LISTEN = '127.0.0.1:8787';

function fail(variable: string, value: string, what: string): never {
	throw new Error(`${variable}="${value}" ${what}`);
}

function origin(variable: string, value: string): string {
	try {
		const url = new URL(value);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
		return url.origin;
	} catch {
		return fail(variable, value, 'is not a web address; write e.g. https://news.example.com');
	}
}

/** Reads `host:port` (`[::1]:8787` for IPv6). */
export function parseListen(value: string): { host: string; port: number } {
	const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value.trim());
	const port = Number(match?.[3]);
	if (!match || !(port >= 0 && port <= 65535)) {
		fail('COMMENTS_LISTEN', value, 'must be host:port, e.g. 127.0.0.1:8787 or [::1]:8787');
	}
	return { host: match[1] ?? match[2] ?? '', port };
}

/** Reads `count/seconds`, e.g. `5/600` for five comments per ten minutes. */
export function parseRateLimit(value: string): { limit: number; windowMs: number } {
	const match = /^(\d+)\s*\/\s*(\d+)$/.exec(value.trim());
	const limit = Number(match?.[1]);
	const seconds = Number(match?.[2]);
	if (!match || limit < 1 || seconds < 1) {
		fail('COMMENTS_RATE_LIMIT', value, 'must be count/seconds, e.g. 5/600 (five per ten minutes)');
	}
	return { limit, windowMs: seconds * 1000 };
}

/** A variable's value, blank read as unset. */
const setting = z
	.string()
	.optional()
	.transform((v) => (v?.trim() ? v.trim() : undefined));

/** A `yes`/`no` variable. */
const YES = ['1', 'true', 'yes'];
const NO = ['0', 'false', 'no'];

/**
 * The service's environment variables, each written once with what it means and its default;
 * `docs/comments.md` and the content contract list them from here (`npm run docs`).
 */
export const serviceSettingsSchema = z.object({
	COMMENTS_LISTEN: setting.meta({
		description:
			'host:port to listen on (`[::1]:8787` for IPv6); `127.0.0.1:8787` (default): only a reverse proxy on this machine reaches it',
	}),
	COMMENTS_DB: setting.meta({
		description: 'path of the SQLite queue (default `./comments.sqlite`)',
	}),
	COMMENTS_PASSWORD_HASH: setting.meta({
		description:
			'moderator password hash, made by `npm run comments -- hash-password`; without it moderation is refused',
	}),
	COMMENTS_SITE_ORIGIN: setting.meta({
		description:
			"the site's origin, for CORS and redirects (default: `url` from the site config); several, comma-separated, the first canonical",
	}),
	COMMENTS_CONTENT_DIR: z.string().optional().meta({
		description:
			'where approved comments are written (default `./content/comments`); `off` to keep them for `npm run comments -- export`',
	}),
	COMMENTS_WEBHOOK: setting.meta({
		description:
			"URL called (POST, JSON) after approvals, e.g. the static host's build hook (optional)",
	}),
	COMMENTS_ARTICLES: setting.meta({
		description:
			"path or URL of the built site's `/comments.json` (default `./dist/comments.json`)",
	}),
	COMMENTS_RATE_LIMIT: setting.meta({
		description: 'comments per reader, as `count/seconds` (default `5/600`: five per ten minutes)',
	}),
	COMMENTS_TRUST_PROXY: setting.meta({
		description:
			'`yes` behind a reverse proxy: client address and scheme from `X-Forwarded-For`/`-Proto` (default `no`)',
	}),
});

/**
 * The service settings from `env`; `siteUrl` (the site config's `url`) is the default origin.
 * Throws an error naming the first wrong variable, what is wrong and the fix.
 */
export function serviceConfig(
	env: Record<string, string | undefined>,
	siteUrl: string
): ServiceConfig {
	const value = serviceSettingsSchema.parse(env);
	const { host, port } = parseListen(value.COMMENTS_LISTEN ?? DEFAULT_LISTEN);
	const passwordHash = value.COMMENTS_PASSWORD_HASH;
	if (passwordHash && !parsePasswordHash(passwordHash)) {
		fail(
			'COMMENTS_PASSWORD_HASH',
			`${passwordHash.slice(0, 12)}…`,
			'is not a hash made by `npm run comments -- hash-password`; make one and paste all of it'
		);
	}
	const origins = (value.COMMENTS_SITE_ORIGIN ?? siteUrl)
		.split(/[\s,]+/)
		.filter(Boolean)
		.map((o) => origin('COMMENTS_SITE_ORIGIN', o));
	const contentDir = value.COMMENTS_CONTENT_DIR?.trim();
	const webhook = value.COMMENTS_WEBHOOK;
	if (webhook) origin('COMMENTS_WEBHOOK', webhook);
	const trust = (value.COMMENTS_TRUST_PROXY ?? 'no').toLowerCase();
	if (![...YES, ...NO].includes(trust)) fail('COMMENTS_TRUST_PROXY', trust, 'must be yes or no');
	return {
		host,
		port,
		db: value.COMMENTS_DB ?? './comments.sqlite',
		passwordHash,
		siteOrigins: [...new Set(origins)],
		contentDir:
			contentDir === undefined
				? './content/comments'
				: contentDir === '' || contentDir === 'off'
					? undefined
					: contentDir,
		webhook,
		articles: value.COMMENTS_ARTICLES ?? './dist/comments.json',
		rateLimit: parseRateLimit(value.COMMENTS_RATE_LIMIT ?? '5/600'),
		trustProxy: YES.includes(trust),
	};
}
