/**
 * The fixture site built once for every test file that only reads the output (site, comments,
 * publishing, search in the browser), as Starlight's fixture tests build once and read many times:
 * one `astro build` where each of those files used to start its own.
 *
 * The output is kept in `tests/.out/shared/<key>/`, keyed by a hash of everything the build reads
 * (src/, public/, the fixture, the config files, the lockfile, the Node version and the HANGAR_*
 * environment), so a later run with the same inputs reuses it and any changed input builds afresh.
 * `HANGAR_TEST_REBUILD=1` builds again regardless. Tests that need a build of their own (bad
 * input, incremental rebuilds, another build time, comments off, imports) call `buildSite`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSite, OUT, ROOT } from './build.ts';
import { fingerprint, listFiles } from './files.ts';

/** The fixture content the shared build is made of. */
export const SHARED_FIXTURE = 'tests/fixtures/site';
/**
 * The shared build's clock: noon two days after the newest fixture article (2020-07-04), so the
 * Google News window holds exactly one article, the 2099 article stays scheduled and every fixture
 * comment (the last at 2020-07-05 08:00) is in the past. Dates never depend on the real clock.
 */
export const SHARED_BUILD_TIME = '2020-07-05T12:00:00Z';
/** The comment service the shared build's forms post to (nothing listens there). */
export const SHARED_INTAKE = 'https://comments.example.test';

/** A finished shared build. */
export interface SharedBuild {
	/** The built site. */
	outDir: string;
	/** The social image cache the build filled, from empty (its HANGAR_CACHE_DIR). */
	cacheDir: string;
	status: number | null;
	/** What `astro build` printed, colours removed. */
	output: string;
	/** sha256 of every file of the fixture before the build, by path (to prove it wrote nothing there). */
	contentBefore: Map<string, string>;
}

interface BuildRecord {
	status: number | null;
	output: string;
	contentBefore: [string, string][];
	/** The test runner that made it: a failed build is reused only within the same run. */
	runner: number;
}

/** Files and folders the build reads besides node_modules (covered by the lockfile). */
const INPUTS = [
	'src',
	'public',
	SHARED_FIXTURE,
	'astro.config.mjs',
	'package.json',
	'package-lock.json',
	'tsconfig.json',
];

function env(dir: string): Record<string, string> {
	return {
		HANGAR_BUILD_TIME: SHARED_BUILD_TIME,
		HANGAR_COMMENTS_URL: SHARED_INTAKE,
		HANGAR_CACHE_DIR: join(dir, 'cache'),
	};
}

/** A hash of everything the shared build depends on. */
function inputsKey(): string {
	const hash = createHash('sha256');
	hash.update(`${process.version}\n`);
	for (const [name, value] of Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b))) {
		if (/^(HANGAR|COMMENTS)_/.test(name) && name !== 'HANGAR_TEST_REBUILD')
			hash.update(`${name}=${value}\n`);
	}
	for (const input of INPUTS) {
		const path = join(ROOT, input);
		if (!existsSync(path)) continue;
		const files = statSync(path).isFile() ? [''] : listFiles(path);
		for (const file of files) {
			hash.update(`${input}/${file}\n`).update(readFileSync(join(path, file)));
		}
	}
	return hash.digest('hex').slice(0, 16);
}

/** Sleeps the thread (the tests that call this are synchronous `before` hooks). */
function sleep(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Takes the build lock (a folder, made atomically), so that test files run in parallel build once.
 * False while another process holds it; a lock left by a process that died is removed.
 */
function tryLock(lock: string): boolean {
	mkdirSync(dirname(lock), { recursive: true });
	try {
		mkdirSync(lock);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const pidFile = join(lock, 'pid');
		const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
		const orphan = pid ? !isAlive(pid) : Date.now() - statSync(lock).mtimeMs > 10_000;
		if (orphan) rmSync(lock, { recursive: true, force: true });
		return false;
	}
	writeFileSync(join(lock, 'pid'), String(process.pid));
	return true;
}

/**
 * The shared build of the fixture site: built on the first call of a run (about 40 s on two
 * cores) unless an earlier run built the same inputs, then read from disk.
 */
export function sharedBuild(): SharedBuild {
	const key = inputsKey();
	const home = join(OUT, 'shared', key);
	const file = join(home, 'build.json');
	const lock = join(OUT, 'shared.lock');
	const usable = () => {
		if (!existsSync(file)) return false;
		const record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
		return record.status === 0 || record.runner === process.ppid;
	};
	if (process.env['HANGAR_TEST_REBUILD'] && !existsSync(join(home, `built-by-${process.ppid}`)))
		rmSync(file, { force: true });
	while (!usable()) {
		if (!tryLock(lock)) {
			sleep(500);
			continue;
		}
		try {
			if (usable()) break;
			rmSync(join(OUT, 'shared'), { recursive: true, force: true });
			const contentBefore = [...fingerprint(join(ROOT, SHARED_FIXTURE))];
			const result = buildSite(SHARED_FIXTURE, `shared/${key}/site`, env(home));
			const record: BuildRecord = {
				status: result.status,
				output: result.output,
				contentBefore,
				runner: process.ppid,
			};
			mkdirSync(home, { recursive: true });
			writeFileSync(join(home, `built-by-${process.ppid}`), '');
			writeFileSync(file, JSON.stringify(record));
		} finally {
			rmSync(lock, { recursive: true, force: true });
		}
	}
	const record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
	return {
		outDir: join(home, 'site'),
		cacheDir: join(home, 'cache'),
		status: record.status,
		output: record.output,
		contentBefore: new Map(record.contentBefore),
	};
}
