/**
 * Builds a site the way users do, for build and bad-input tests: `astro build` (on the Node the test
 * runs on) over a content folder, into a folder under tests/.out/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cacheDirFor } from '../../src/environment.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where tests write: ignored by git, wiped per build. */
export const OUT = join(ROOT, 'tests/.out');

/** The result of running a command. */
export interface RunResult {
	status: number | null;
	stdout: string;
	stderr: string;
	/** stdout and stderr together, ANSI colours removed. */
	output: string;
}

/** Runs one of the project's tools on the current Node, from the repository root. */
export function run(args: string[], env: Record<string, string> = {}): RunResult {
	const result = spawnSync(process.execPath, args, {
		cwd: ROOT,
		env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
	return {
		status: result.status,
		stdout: strip(result.stdout ?? ''),
		stderr: strip(result.stderr ?? ''),
		output: strip(`${result.stdout ?? ''}\n${result.stderr ?? ''}`),
	};
}

/**
 * Runs `astro build` over `contentDir` (repo-relative) into `tests/.out/<name>`. `warm` keeps the
 * previous build's caches (content layer, incremental pages), as a CI run that restores them does.
 */
export function buildSite(
	contentDir: string,
	name: string,
	env: Record<string, string> = {},
	{ warm = false }: { warm?: boolean } = {}
): RunResult & { outDir: string } {
	const outDir = join(OUT, name);
	if (!warm) {
		rmSync(outDir, { recursive: true, force: true });
		// Start from empty caches, as a fresh clone does: the content layer keeps rendered Markdown
		// and would hide a change to the Markdown pipeline (see cacheDirFor in src/environment.ts).
		rmSync(join(ROOT, cacheDirFor(contentDir)), { recursive: true, force: true });
	}
	const result = run(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
		HANGAR_CONTENT_DIR: contentDir,
		...env,
	});
	return { ...result, outDir };
}

/** Runs `npm run check`'s script over `contentDir`. */
export function checkSite(contentDir: string): RunResult {
	return run(['scripts/check.ts'], { HANGAR_CONTENT_DIR: contentDir });
}

/** Copies a fixture content folder to a scratch folder under tests/.out/ that a test may break. */
export function scratchCopy(fixture: string, name: string): string {
	const dir = join(OUT, 'content', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	cpSync(join(ROOT, fixture), dir, { recursive: true });
	return `tests/.out/content/${name}`;
}
