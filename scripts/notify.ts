/**
 * `npm run notify -- [--old <folder or address>] [--new <folder>] [--dry-run]`: after a deploy,
 * tells search engines and feed readers what changed. The pages of the new build (default `dist/`)
 * that the old one (default: the live site at the site config's `url`) lacks, or lists with another
 * `lastmod`, are read from the two builds' sitemaps and submitted to IndexNow (`indexNow` in the
 * site config); the WebSub hub (`websubHub`) is told the site feeds changed. `--dry-run` sends
 * nothing and shows what would be sent. `--endpoint` and `--hub` send elsewhere (a local stand-in).
 * Nothing else ever sends: not the build, not the tests.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
	changedPages,
	indexNowKeyPath,
	indexNowRequests,
	parseSitemap,
	websubPing,
} from '../src/publish/notify.ts';
import { absoluteUrl, rssUrl } from '../src/model/urls.ts';
import { SITE } from '../src/site.config.ts';
import { fail, parseCommandLine, reportUncaught } from './cli.ts';

reportUncaught('notify');

const USAGE =
	'usage: npm run notify -- [--old <folder or https://address>] [--new <folder>] [--dry-run] [--endpoint <url>] [--hub <url>]';
const { values } = parseCommandLine(
	{
		options: {
			old: { type: 'string', default: SITE.url },
			new: { type: 'string', default: 'dist' },
			'dry-run': { type: 'boolean', default: false },
			endpoint: { type: 'string' },
			hub: { type: 'string' },
		},
	},
	USAGE
);

/** Reads a file of a build: from a folder, or fetched from a site's address. */
function reader(where: string): (path: string) => Promise<string | undefined> {
	if (/^https?:\/\//.test(where)) {
		return async (path) => {
			const response = await fetch(new URL(path, where.endsWith('/') ? where : `${where}/`));
			if (response.status === 404) return undefined;
			if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
			return response.text();
		};
	}
	const dir = resolve(where);
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		fail([`error: ${where} is not a folder or an http(s) address`, USAGE], 2);
	}
	return (path) => {
		const file = join(dir, path);
		return Promise.resolve(existsSync(file) ? readFileSync(file, 'utf8') : undefined);
	};
}

/** Every page of a build's sitemaps with its `lastmod`; undefined when it has no sitemap. */
async function pagesOf(where: string): Promise<Map<string, string> | undefined> {
	const read = reader(where);
	const index = await read('sitemap-index.xml');
	if (index === undefined) return undefined;
	const pages = new Map<string, string>();
	for (const loc of parseSitemap(index).sitemaps) {
		// A sitemap names its production address; it is read from the same build.
		const text = await read(new URL(loc).pathname.replace(/^\//, ''));
		for (const [url, lastmod] of parseSitemap(text ?? '').pages) pages.set(url, lastmod);
	}
	return pages;
}

const dryRun = values['dry-run'];
const next = await pagesOf(values.new);
if (!next) fail([`error: ${values.new} has no sitemap-index.xml: run \`npm run build\` first`]);
const previous = await pagesOf(values.old);
if (!previous) console.log(`${values.old} has no sitemap: every page counts as new.`);
const changed = changedPages(previous ?? new Map(), next);
console.log(`${changed.length} page(s) changed since ${values.old}:`);
for (const url of changed) console.log(`  ${url}`);
if (changed.length === 0) process.exit(0);

const problems: string[] = [];

/** Sends one request, or says what it would send; a refusal is reported, not thrown. */
async function send(
	what: string,
	url: string,
	init: RequestInit & { body: string }
): Promise<void> {
	if (dryRun) {
		console.log(`Would send ${what} to ${url}: ${init.body}`);
		return;
	}
	try {
		const response = await fetch(url, { ...init, method: 'POST' });
		if (response.ok) console.log(`Sent ${what} to ${url}: ${response.status}`);
		else problems.push(`${url} refused ${what}: ${response.status} ${response.statusText}`);
	} catch (error) {
		problems.push(`could not reach ${url} for ${what}: ${(error as Error).message}`);
	}
}

if (SITE.indexNow) {
	const { key } = SITE.indexNow;
	if (!existsSync(join(resolve(values.new), indexNowKeyPath(key)))) {
		fail([
			`error: ${values.new}${indexNowKeyPath(key)} is missing: deploy a build made with this key`,
		]);
	}
	for (const body of indexNowRequests(SITE.url, key, changed)) {
		await send(
			`IndexNow (${body.urlList.length} URL(s))`,
			values.endpoint ?? SITE.indexNow.endpoint,
			{
				headers: { 'content-type': 'application/json; charset=utf-8' },
				body: JSON.stringify(body),
			}
		);
	}
} else
	console.log('IndexNow is off (`indexNow: false` in src/site.config.ts): no search engine told.');

const hub = values.hub ?? SITE.websubHub;
if (hub) {
	for (const feed of [rssUrl(), '/atom.xml', '/feed.json']) {
		await send('a WebSub ping', hub, {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: websubPing(absoluteUrl(SITE.url, feed)),
		});
	}
}
if (problems.length) fail(problems.map((p) => `error: ${p}`));
if (dryRun) console.log('Dry run: nothing was sent.');
