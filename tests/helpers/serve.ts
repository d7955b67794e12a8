/**
 * A static file server over a built site, behaving like a static host: directory URLs serve their
 * index.html, unknown paths get /404.html with status 404.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

/** A running server and its base URL. */
export interface StaticServer {
	url: string;
	close: () => Promise<void>;
}

/** What a caller may add to the plain static host. */
export interface ServeOptions {
	/** Extra response headers for a request path (`found` is false when 404.html is served). */
	headers?: (path: string, found: boolean) => Record<string, string>;
	/** Gzip text responses for clients that accept it, as the static hosts do (default false). */
	compress?: boolean;
}

/** Whether a response of this content type is text a host would compress. */
function isText(type: string): boolean {
	return /^text\/|json|xml|svg|javascript/.test(type);
}

/** Sends `file` with `head`, gzipped when `compress` is on, the type is text and the client accepts it. */
function send(
	req: IncomingMessage,
	res: ServerResponse,
	file: string,
	status: number,
	head: Record<string, string>,
	compress: boolean
): void {
	const type = head['content-type'] ?? '';
	if (compress && isText(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
		res.writeHead(status, { ...head, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
		createReadStream(file).pipe(createGzip()).pipe(res);
		return;
	}
	res.writeHead(status, head);
	createReadStream(file).pipe(res);
}

/** Serves `dir` on a free port on 127.0.0.1. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		let file = normalize(join(dir, path));
		if (!file.startsWith(dir)) {
			res.writeHead(403).end();
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		const compress = options.compress ?? false;
		if (!existsSync(file)) {
			const head = { ...options.headers?.(path, false), 'content-type': TYPES['.html'] ?? '' };
			send(req, res, join(dir, '404.html'), 404, head, compress);
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		send(req, res, file, 200, { ...options.headers?.(path, true), 'content-type': type }, compress);
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((done) => server.close(() => done())),
	};
}

/** A TCP port free on 127.0.0.1 right now, for a server a test starts in another process. */
export async function freePort(): Promise<number> {
	return new Promise((done) => {
		const server = createNetServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}
