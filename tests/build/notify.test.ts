/**
 * `npm run notify` against local stand-ins: two small builds' sitemaps (the old one served over
 * HTTP, as the live site is), and a stand-in IndexNow endpoint and WebSub hub that record what they
 * are sent. Nothing leaves the machine.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SITE } from '../../src/site.config.ts';
import { OUT, ROOT } from '../helpers/build.ts';
import { serve } from '../helpers/serve.ts';

const DIR = join(OUT, 'notify');
const page = (path: string) => new URL(path, SITE.url).href;

function writeBuild(dir: string, pages: [string, string][], key?: string): void {
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'sitemap-index.xml'),
		`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${page('/sitemap-0.xml')}</loc></sitemap></sitemapindex>`
	);
	const urls = pages.map(
		([p, lastmod]) => `<url><loc>${page(p)}</loc><lastmod>${lastmod}</lastmod></url>`
	);
	writeFileSync(
		join(dir, 'sitemap-0.xml'),
		`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`
	);
	if (key) writeFileSync(join(dir, `${key}.txt`), key);
}

interface Received {
	path: string;
	type: string;
	body: string;
}

let standIn: Server;
let standInUrl = '';
let oldSite: { url: string; close: () => Promise<void> };
const received: Received[] = [];

/** Runs the script; asynchronously, since the stand-ins it talks to live in this process. */
function notify(
	...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(process.execPath, ['scripts/notify.ts', ...args], { cwd: ROOT });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

before(async () => {
	assert.ok(SITE.indexNow, 'the shipped site config has an IndexNow key');
	rmSync(DIR, { recursive: true, force: true });
	writeBuild(join(DIR, 'old'), [
		['/', '2020-01-01T00:00:00.000Z'],
		['/articles/a/', '2020-01-01T00:00:00.000Z'],
		['/articles/b/', '2020-01-01T00:00:00.000Z'],
	]);
	writeBuild(
		join(DIR, 'new'),
		[
			['/', '2020-02-01T00:00:00.000Z'],
			['/articles/a/', '2020-01-01T00:00:00.000Z'],
			['/articles/b/', '2020-02-01T00:00:00.000Z'],
			['/articles/c/', '2020-02-01T00:00:00.000Z'],
		],
		SITE.indexNow.key
	);
	oldSite = await serve(join(DIR, 'old'));
	standIn = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => (body += chunk.toString()));
		request.on('end', () => {
			received.push({ path: request.url ?? '', type: request.headers['content-type'] ?? '', body });
			response.writeHead(request.url === '/indexnow' ? 202 : 204).end();
		});
	});
	await new Promise<void>((done) => standIn.listen(0, '127.0.0.1', done));
	const address = standIn.address();
	standInUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

after(async () => {
	await oldSite.close();
	await new Promise((done) => standIn.close(done));
	rmSync(DIR, { recursive: true, force: true });
});

describe('npm run notify', () => {
	const args = () => [
		'--old',
		oldSite.url,
		'--new',
		join(DIR, 'new'),
		'--endpoint',
		`${standInUrl}/indexnow`,
		'--hub',
		`${standInUrl}/hub`,
	];

	test('a dry run lists the changed pages and sends nothing', async () => {
		const result = await notify(...args(), '--dry-run');
		assert.equal(result.status, 0, result.stderr);
		assert.match(result.stdout, /3 page\(s\) changed/);
		assert.match(result.stdout, /Dry run: nothing was sent\./);
		assert.deepEqual(received, []);
	});

	test('submits the new and changed pages to IndexNow with the key, and pings the hub for each feed', async () => {
		const result = await notify(...args());
		assert.equal(result.status, 0, result.stderr);
		const [indexNow, ...pings] = received;
		assert.equal(indexNow?.path, '/indexnow');
		assert.match(indexNow?.type ?? '', /^application\/json/);
		assert.deepEqual(JSON.parse(indexNow?.body ?? '{}'), {
			host: new URL(SITE.url).host,
			key: SITE.indexNow && SITE.indexNow.key,
			keyLocation: page(`/${SITE.indexNow && SITE.indexNow.key}.txt`),
			urlList: [page('/'), page('/articles/b/'), page('/articles/c/')],
		});
		assert.deepEqual(
			pings.map((p) => [p.path, new URLSearchParams(p.body).get('hub.url')]),
			[
				['/hub', page('/rss.xml')],
				['/hub', page('/atom.xml')],
				['/hub', page('/feed.json')],
			]
		);
		assert.ok(pings.every((p) => new URLSearchParams(p.body).get('hub.mode') === 'publish'));
	});

	test('says what is wrong, without a stack trace, when the new build has no sitemap', async () => {
		const result = await notify('--new', join(DIR, 'nothing-here'));
		assert.equal(result.status, 2);
		assert.match(result.stderr, /is not a folder or an http\(s\) address/);
		assert.doesNotMatch(result.stderr, /\n\s+at /);
	});
});
