/**
 * The service's answers, built as plain values and written by the server in one place, with the
 * headers every answer carries: nothing is cached, sniffed, framed or sent a referrer.
 */
import type { IncomingMessage } from 'node:http';
import { serviceCsp } from './pages.ts';

/** An answer: status, headers and body. */
export interface Answer {
	status: number;
	headers?: Record<string, string | string[]>;
	body?: string;
}

/** Sent with every answer. */
export const BASE_HEADERS = {
	'Cache-Control': 'no-store',
	'X-Content-Type-Options': 'nosniff',
	// same-origin, not no-referrer: with no-referrer a browser sends `Origin: null` with the service's
	// own form (a refused comment sent again), which could then not be told from a foreign post.
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
};

/** An HTML page, under the service pages' Content-Security-Policy. */
export function html(
	status: number,
	body: string,
	headers: Record<string, string | string[]> = {}
): Answer {
	return {
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': serviceCsp(),
			...headers,
		},
		body,
	};
}

/** A JSON answer. */
export function json(status: number, data: unknown, headers: Record<string, string> = {}): Answer {
	return {
		status,
		headers: { 'Content-Type': 'application/json', ...headers },
		body: JSON.stringify(data),
	};
}

/** A 303 to `location` (after a POST, the browser then GETs it). */
export function redirect(
	location: string,
	headers: Record<string, string | string[]> = {}
): Answer {
	return { status: 303, headers: { Location: location, ...headers } };
}

/**
 * Reads the body up to `limit` bytes. A larger one (declared, or found while reading) is reported
 * as too large at once, and the rest of it is read and dropped by Node, never kept: the client
 * gets the answer (413) instead of a reset connection, and the server's request timeout still
 * ends a post that never stops.
 */
export function readBody(
	req: IncomingMessage,
	limit: number
): Promise<{ text: string; tooLarge: boolean }> {
	return new Promise((resolve, reject) => {
		const tooLarge = () => {
			req.off('data', onData);
			// Flowing with no listener: Node reads what is still coming and throws it away.
			req.resume();
			resolve({ text: '', tooLarge: true });
		};
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
			else tooLarge();
		};
		if (Number(req.headers['content-length']) > limit) {
			tooLarge();
			return;
		}
		req.on('data', onData);
		req.once('end', () =>
			resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: false })
		);
		req.once('error', reject);
		// A client that went away: nothing to answer, but nothing should wait for it either.
		req.once('close', () => resolve({ text: '', tooLarge: size > limit }));
	});
}
