/**
 * `npm run bench [-- --articles 1000,5000,10000]`: builds a synthetic newsroom of each size with the
 * project's real build and with a bare Astro 7 site plus Pagefind's CLI, in the same run, and
 * reports times, memory, sizes, page weight and search bytes; then the writer's loop in `astro dev`
 * (`dev-loop.ts`) against a bare Astro dev server. `--dev-only` measures the loop alone, `--build-only`
 * the builds alone. Writes
 * bench/results/*.json and the tables in docs/benchmarks.md. A benchmark, not a test: never part
 * of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { devTable, measureDevLoop } from './dev-loop.ts';
import { EDITED_ARTICLE, generateCorpus } from './generate.ts';
import { measureSearchBytes } from './search-bytes.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench/work');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const QUERY = 'encryption audit';
const DEV_ONLY = process.argv.includes('--dev-only');
const BUILD_ONLY = process.argv.includes('--build-only');

/** Wall time, CPU time and peak memory of one command. */
interface Run {
	wallS: number;
	cpuS: number;
	peakRssMb: number;
	log: string;
}

function run(args: string[], env: Record<string, string>, cwd = ROOT): Run {
	const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : [];
	const started = performance.now();
	const result = spawnSync(
		timeBin[0] ?? process.execPath,
		[...timeBin.slice(1), ...(timeBin.length ? [process.execPath] : []), ...args],
		{
			cwd,
			env: { ...process.env, ...env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
			encoding: 'utf8',
			maxBuffer: 512 * 1024 * 1024,
		}
	);
	const wallS = (performance.now() - started) / 1000;
	const log = `${result.stdout}\n${result.stderr}`;
	if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${log.slice(-4000)}`);
	const num = (re: RegExp) => Number(re.exec(log)?.[1] ?? NaN);
	return {
		wallS,
		cpuS: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
		peakRssMb: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
		log,
	};
}

function dirSize(dir: string): number {
	let total = 0;
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
	}
	return total;
}

function countFiles(dir: string, ext: string): number {
	return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
		(e) => e.isFile() && e.name.endsWith(ext)
	).length;
}

/** HTML + CSS + JS an article page downloads (images excluded), raw and gzip. */
function pageWeight(
	dist: string,
	path: string
): { rawKb: number; gzipKb: number; scripts: number } {
	const html = readFileSync(join(dist, path, 'index.html'));
	const assets = [...html.toString().matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map(
		(m) => readFileSync(join(dist, m[1] ?? ''))
	);
	const all = [html, ...assets];
	return {
		rawKb: all.reduce((s, b) => s + b.length, 0) / 1024,
		gzipKb: all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) / 1024,
		scripts: (html.toString().match(/<script[^>]+src=/g) ?? []).length,
	};
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Seconds of each phase Astro and our integrations log: where a cold build spends its time. */
function phases(colouredLog: string): Record<string, number> {
	const log = colouredLog.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
	// Astro writes "850ms", "12.3s" or "1m 17s"; the search index "1.8 s".
	const duration = String.raw`((?:\d+m )?[\d.]+ ?m?s)`;
	const seconds = (before: string) => {
		const text = new RegExp(before + duration).exec(log)?.[1];
		if (!text) return NaN;
		const [, minutes = '0', value = '0', unit] = /^(?:(\d+)m )?([\d.]+) ?(m?s)$/.exec(text) ?? [];
		return r1(Number(minutes) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1));
	};
	return {
		contentAndTypes: seconds(String.raw`\[types\] Generated `),
		routes: seconds(String.raw`generating static routes[\s\S]*?Completed in `),
		images: seconds(String.raw`generating optimized images[\s\S]*?Completed in `),
		searchIndex: seconds(String.raw`Indexed \d+ articles for search in `),
		total: seconds(String.raw`page\(s\) built in `),
	};
}

async function benchSize(articles: number) {
	const dir = join(WORK, String(articles));
	const content = join(dir, 'content');
	const contentRel = `bench/work/${articles}/content`;
	const dist = join(dir, 'dist');
	const refDist = join(dir, 'ref-dist');
	const cache = join(dir, 'cache');
	console.log(`\n== ${articles} articles: generating`);
	await generateCorpus(content, articles);
	let dev;
	if (!BUILD_ONLY) {
		console.log("   the writer's loop in astro dev: ours, then bare Astro");
		dev = await measureDevLoop({
			root: ROOT,
			contentRel,
			contentDir: content,
			referenceRoot: 'bench/reference',
			edited: EDITED_ARTICLE,
		});
	}
	if (DEV_ONLY) return { articles, dev };

	// Ours, cold: no content-layer cache, no image or social-image cache.
	rmSync(join(ROOT, `node_modules/.astro-${contentRel.replace(/[^\w-]+/g, '_')}`), {
		recursive: true,
		force: true,
	});
	rmSync(cache, { recursive: true, force: true });
	rmSync(dist, { recursive: true, force: true });
	const env = {
		HANGAR_CONTENT_DIR: contentRel,
		HANGAR_CACHE_DIR: cache,
		HANGAR_BUILD_TIME: '2026-06-01T00:00:00Z',
	};
	console.log('   ours, cold build');
	const cold = run([ASTRO, 'build', '--outDir', dist], env);
	const indexS = Number(/Indexed \d+ articles for search in ([\d.]+) s/.exec(cold.log)?.[1] ?? NaN);

	// Each rebuild starts without dist/, as on CI, which keeps the caches (node_modules/.astro and
	// the social images) between runs but not the output: deleting thousands of old pages would
	// otherwise be timed too.
	console.log('   ours, warm rebuild after editing one article');
	rmSync(dist, { recursive: true, force: true });
	appendFileSync(
		join(content, 'articles', EDITED_ARTICLE),
		'\n\nOne more paragraph, added to measure a warm rebuild.\n'
	);
	const warmEdit = run([ASTRO, 'build', '--outDir', dist], env);
	console.log('   ours, rebuild after adding one article');
	cpSync(join(content, 'articles', EDITED_ARTICLE), join(content, 'articles', 'article-new.md'));
	rmSync(dist, { recursive: true, force: true });
	const warmAdd = run([ASTRO, 'build', '--outDir', dist], env);

	console.log('   reference: bare Astro 7, then the Pagefind CLI');
	rmSync(join(ROOT, 'bench/reference/node_modules/.astro'), { recursive: true, force: true });
	rmSync(refDist, { recursive: true, force: true });
	const ref = run([ASTRO, 'build', '--root', 'bench/reference', '--outDir', refDist], {
		BENCH_CONTENT: content,
	});
	const refPagefind = run([PAGEFIND, '--site', refDist], {});
	// The same one-article edit, rebuilt with the reference's content-layer cache kept: how much a
	// warm rebuild can save in Astro at all, since every build renders every page.
	appendFileSync(join(content, 'articles', EDITED_ARTICLE), '\nAnd one more, for the reference.\n');
	rmSync(refDist, { recursive: true, force: true });
	const refWarm = run([ASTRO, 'build', '--root', 'bench/reference', '--outDir', refDist], {
		BENCH_CONTENT: content,
	});

	console.log('   search bytes in Chromium');
	const search = await measureSearchBytes(dist, QUERY);

	return {
		articles,
		dev,
		ours: {
			coldWallS: r1(cold.wallS),
			coldCpuS: r1(cold.cpuS),
			peakRssMb: Math.round(cold.peakRssMb),
			pages: countFiles(dist, '.html'),
			distMb: r1(dirSize(dist) / 1048576),
			pagefindIndexS: indexS,
			pagefindIndexMb: r1(dirSize(join(dist, 'pagefind')) / 1048576),
			phases: phases(cold.log),
			warmEditWallS: r1(warmEdit.wallS),
			warmAddWallS: r1(warmAdd.wallS),
			articlePage: Object.fromEntries(
				Object.entries(pageWeight(dist, 'articles/article-00002')).map(([k, v]) => [k, r1(v)])
			),
			firstQueryKb: r1(search.oursKb),
			pagefindApiFirstQueryKb: r1(search.pagefindKb),
		},
		reference: {
			astroWallS: r1(ref.wallS),
			astroCpuS: r1(ref.cpuS),
			astroPeakRssMb: Math.round(ref.peakRssMb),
			pagefindCliWallS: r1(refPagefind.wallS),
			warmEditAstroWallS: r1(refWarm.wallS),
			pages: countFiles(refDist, '.html'),
		},
		ratios: {
			build: Math.round((cold.wallS / (ref.wallS + refPagefind.wallS)) * 100) / 100,
			peakRss: Math.round((cold.peakRssMb / ref.peakRssMb) * 100) / 100,
			warmEditOfCold: Math.round((warmEdit.wallS / cold.wallS) * 100) / 100,
			referenceWarmEditOfCold: Math.round((refWarm.wallS / ref.wallS) * 100) / 100,
			firstQuery: Math.round((search.oursKb / search.pagefindKb) * 100) / 100,
		},
	};
}

function argSizes(): number[] {
	const i = process.argv.indexOf('--articles');
	const value = i > -1 ? process.argv[i + 1] : undefined;
	return (value ?? '1000')
		.split(',')
		.map((n) => Number(n.trim()))
		.filter((n) => n > 0);
}

const machine = {
	cpu: cpus()[0]?.model ?? 'unknown',
	cores: cpus().length,
	memoryGb: Math.round(totalmem() / 1073741824),
	node: process.version,
	date: new Date().toISOString().slice(0, 10),
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
const results = [];
for (const size of argSizes()) {
	const result = await benchSize(size);
	console.log(JSON.stringify(result, null, 2));
	writeFileSync(
		join(ROOT, 'bench/results', `${machine.date}-${size}${DEV_ONLY ? '-dev' : ''}.json`),
		`${JSON.stringify({ machine, ...result }, null, 2)}\n`
	);
	results.push(result);
}

const measured = `Measured ${machine.date} on ${machine.cores} × ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}.`;
const docs = join(ROOT, 'docs/benchmarks.md');

/** Puts `table` between the `bench:<name>` markers of docs/benchmarks.md, or a new section at the end. */
function writeBlock(name: string, heading: string, table: string): void {
	const start = `<!-- bench:${name}:start -->`;
	const end = `<!-- bench:${name}:end -->`;
	const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
	const block = `${start}\n${measured}\n\n${table}\n${end}`;
	writeFileSync(
		docs,
		current.includes(start)
			? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block)
			: `${current.trimEnd()}\n\n## ${heading}\n\n${block}\n`
	);
	console.log(`\n${table}`);
}

const loops = results.flatMap(({ articles, dev }) => (dev ? [{ articles, ...dev }] : []));
if (loops.length > 0) writeBlock('dev', "The writer's loop (`npm run bench`)", devTable(loops));
const builds = results.flatMap(({ articles, ours, reference, ratios }) =>
	ours && reference && ratios ? [{ articles, ours, reference, ratios }] : []
);
const rows = builds.map((r) =>
	[
		r.articles,
		`${r.ours.coldWallS} s (${r.ours.coldCpuS} s CPU)`,
		`${r.reference.astroWallS} + ${r.reference.pagefindCliWallS} s`,
		`**${r.ratios.build}×**`,
		`${r.ours.peakRssMb} / ${r.reference.astroPeakRssMb} MB (${r.ratios.peakRss}×)`,
		`${r.ours.warmEditWallS} s (${Math.round(r.ratios.warmEditOfCold * 100)} %; bare Astro ${Math.round(r.ratios.referenceWarmEditOfCold * 100)} %)`,
		`${r.ours.warmAddWallS} s`,
		`${r.ours.pages}`,
		`${r.ours.distMb} MB`,
		`${r.ours.pagefindIndexS} s, ${r.ours.pagefindIndexMb} MB`,
		`${r.ours.phases['contentAndTypes']} / ${r.ours.phases['routes']} / ${r.ours.phases['images']} / ${r.ours.phases['searchIndex']} s`,
		`${r.ours.articlePage['gzipKb']} KB (${r.ours.articlePage['rawKb']} raw)`,
		`${r.ours.firstQueryKb} / ${r.ours.pagefindApiFirstQueryKb} KB (${r.ratios.firstQuery}×)`,
	].join(' | ')
);
if (builds.length > 0) {
	writeBlock(
		'build',
		'Build benchmark (`npm run bench`)',
		[
			'| articles | ours, cold | bare Astro + Pagefind CLI | ratio | peak RSS ours / bare | warm rebuild, one edit (of cold) | rebuild, one new article | pages | dist | Pagefind index | cold phases: content / pages / images / search | article page, gzip | first query: ours / Pagefind API |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...rows.map((r) => `| ${r} |`),
		].join('\n')
	);
}
