/**
 * The writer's loop in `astro dev`, for `npm run bench`: how long a page takes to render, how long
 * the first search waits for its index and the next one after an edit, how long the preview of an
 * edited article takes, and how long the server takes to stop, for Hangar and for the bare Astro 7
 * site on the same corpus, one after the other in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../tests/helpers/serve.ts';

/** The pages timed, by kind: the same URL on both sites. */
export const DEV_PAGES = {
	article: '/articles/article-00002/',
	product: '/products/product-5/',
	tag: '/tags/mapping/',
	listing: '/',
} as const;

type PageKind = keyof typeof DEV_PAGES;

/** What one dev server measured, in seconds. */
export interface DevFigures {
	/** Median of 7 requests after one warm-up request, per page kind. */
	pages: Record<PageKind, number>;
	/** From saving an edit to the article's page showing it. */
	previewAfterEdit: number;
	/** From SIGTERM to the process's exit. */
	stop: number;
	/** Hangar only: the first query's wait for the index, from a cold server. */
	firstQuery?: number;
	/** Hangar only: from saving an edit to the index that holds it. */
	queryAfterEdit?: number;
}

interface Server {
	origin: string;
	process: ChildProcess;
	log: () => string;
}

async function waitFor(check: () => boolean, what: string, log: () => string, seconds = 600) {
	const deadline = Date.now() + seconds * 1000;
	while (!check()) {
		if (Date.now() > deadline)
			throw new Error(`${what} after ${seconds} s:\n${log().slice(-3000)}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

async function start(root: string, args: string[], env: Record<string, string>): Promise<Server> {
	const port = await freePort();
	let log = '';
	const child = spawn(
		process.execPath,
		[
			'node_modules/astro/bin/astro.mjs',
			'dev',
			...args,
			'--host',
			'127.0.0.1',
			'--port',
			`${port}`,
		],
		{ cwd: root, env: { ...process.env, ...env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' } }
	);
	child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
	await waitFor(
		() => log.includes('watching for file changes'),
		'astro dev did not start',
		() => log
	);
	return { origin: `http://127.0.0.1:${port}`, process: child, log: () => log };
}

async function timed(url: string): Promise<number> {
	const started = performance.now();
	const response = await fetch(url);
	await response.arrayBuffer();
	if (!response.ok) throw new Error(`${url} answered ${response.status}`);
	return (performance.now() - started) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

async function pageTimes(server: Server): Promise<Record<PageKind, number>> {
	const times = {} as Record<PageKind, number>;
	for (const [kind, path] of Object.entries(DEV_PAGES) as [PageKind, string][]) {
		await timed(server.origin + path);
		const runs = [];
		for (let i = 0; i < 7; i++) runs.push(await timed(server.origin + path));
		times[kind] = median(runs);
	}
	return times;
}

const EDIT = 'A paragraph added in the dev benchmark, word';

/**
 * Saves an edit to `file` and asks for the page at `url` until it shows the edit: what a writer
 * waits for between saving and seeing the change. Returns when it was saved and the seconds taken.
 */
async function edit(server: Server, file: string, url: string): Promise<[number, number]> {
	const word = `${EDIT} ${Math.random().toString(36).slice(2)}`;
	const saved = performance.now();
	writeFileSync(file, `${readFileSync(file, 'utf8')}\n\n${word}.\n`);
	for (;;) {
		const html = await (await fetch(server.origin + url)).text();
		if (html.includes(word)) return [saved, (performance.now() - saved) / 1000];
		if (performance.now() - saved > 120_000) throw new Error(`${url} never showed the edit`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

async function stop(server: Server): Promise<number> {
	const exited = new Promise<void>((done) => server.process.once('exit', () => done()));
	const started = performance.now();
	server.process.kill('SIGTERM');
	await exited;
	return (performance.now() - started) / 1000;
}

/**
 * Runs the loop against Hangar's dev server (`root`, content in `contentRel`) and then the bare
 * site's (`referenceRoot`, reading `contentDir`). `edited` is the article file edited; it is put
 * back as it was.
 */
export async function measureDevLoop(options: {
	root: string;
	contentRel: string;
	contentDir: string;
	referenceRoot: string;
	edited: string;
}): Promise<{ ours: DevFigures; bare: DevFigures }> {
	const file = join(options.contentDir, 'articles', options.edited);
	const original = readFileSync(file, 'utf8');
	const article = DEV_PAGES.article.replace('article-00002', options.edited.replace(/\.md$/, ''));
	try {
		const ours = await start(options.root, [], { HANGAR_CONTENT_DIR: options.contentRel });
		const firstQuery = await timed(`${ours.origin}/pagefind/pagefind-entry.json`);
		const pages = await pageTimes(ours);
		const updates = ours.log().split('Search is up to date').length;
		const [saved, previewAfterEdit] = await edit(ours, file, article);
		await waitFor(
			() => ours.log().split('Search is up to date').length > updates,
			'search did not take the edit',
			ours.log
		);
		const queryAfterEdit = (performance.now() - saved) / 1000;
		const oursFigures = {
			pages,
			previewAfterEdit,
			stop: await stop(ours),
			firstQuery,
			queryAfterEdit,
		};

		writeFileSync(file, original);
		const bare = await start(options.root, ['--root', options.referenceRoot], {
			BENCH_CONTENT: options.contentDir,
		});
		const barePages = await pageTimes(bare);
		const [, barePreview] = await edit(bare, file, article);
		return {
			ours: oursFigures,
			bare: { pages: barePages, previewAfterEdit: barePreview, stop: await stop(bare) },
		};
	} finally {
		writeFileSync(file, original);
	}
}

const s2 = (seconds: number | undefined) =>
	seconds === undefined ? '–' : seconds < 0.1 ? seconds.toFixed(3) : seconds.toFixed(2);

/** The writer's loop as a Markdown table: one row per corpus size, ours beside the bare site. */
export function devTable(rows: { articles: number; ours: DevFigures; bare: DevFigures }[]): string {
	const kinds = Object.keys(DEV_PAGES) as PageKind[];
	const pair = (ours: number, bare: number) =>
		`${s2(ours)} / ${s2(bare)} s (**${(ours / bare).toFixed(1)}×**)`;
	return [
		`| articles | ${kinds.map((k) => `${k} page, ours / bare`).join(' | ')} | edited article's preview, ours / bare | search, first query | search, after an edit | stop on SIGTERM, ours / bare |`,
		`| --- | ${kinds.map(() => '---').join(' | ')} | --- | --- | --- | --- |`,
		...rows.map(
			(r) =>
				`| ${r.articles} | ${kinds.map((k) => pair(r.ours.pages[k], r.bare.pages[k])).join(' | ')} | ` +
				`${pair(r.ours.previewAfterEdit, r.bare.previewAfterEdit)} | ${s2(r.ours.firstQuery)} s | ` +
				`${s2(r.ours.queryAfterEdit)} s | ${s2(r.ours.stop)} / ${s2(r.bare.stop)} s |`
		),
	].join('\n');
}
