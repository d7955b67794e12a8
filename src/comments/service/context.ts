/**
 * What the request handlers share: the settings, the queue, the article list, the clock and the
 * log, and how a request's client, scheme and article address are worked out.
 */
import type { IncomingMessage } from 'node:http';
import type { ServiceConfig } from './config.ts';
import { clientKey } from './rate-limit.ts';
import { absoluteUrl, articleUrl } from '../../model/urls.ts';
import type { ArticleList } from './articles.ts';
import type { CommentStore } from './store.ts';

/** The running service's parts, handed to each handler. */
export interface ServiceContext {
	config: ServiceConfig;
	store: CommentStore;
	articles: ArticleList;
	/** The clock (tests move it). */
	now: () => Date;
	/** `bytes` random bytes as hex, for comment ids (tests force two ids to collide). */
	randomHex: (bytes: number) => string;
	/** One event per line; never an e-mail address. */
	log: (line: string) => void;
}

/** True when the request came over HTTPS, to the service or (trusted) to the proxy before it. */
export function isSecure(req: IncomingMessage, config: ServiceConfig): boolean {
	return (
		('encrypted' in req.socket && req.socket.encrypted === true) ||
		(config.trustProxy && req.headers['x-forwarded-proto'] === 'https')
	);
}

/** The key the request's client is rate-limited by. */
export function clientOf(req: IncomingMessage, config: ServiceConfig): string {
	const forwarded = req.headers['x-forwarded-for'];
	return clientKey(
		req.socket.remoteAddress,
		Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
		config.trustProxy
	);
}

/** The absolute address of an article, on the site origin given or the canonical one. */
export function articleAddress(config: ServiceConfig, slug: string, origin?: string): string {
	return absoluteUrl(origin ?? config.siteOrigins[0] ?? '', articleUrl(slug));
}
