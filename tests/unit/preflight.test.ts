/**
 * The check `npm test` runs first (tests/preflight.ts): a missing browser or Java stops the run
 * at once with one line saying what to install or set, and as root with apt-get it installs what
 * is missing first. apt-get is a stand-in here that records its arguments: nothing is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUT, ROOT } from '../helpers/build.ts';

function preflight(env: Record<string, string | undefined>) {
	const started = Date.now();
	const result = spawnSync(process.execPath, ['tests/preflight.ts'], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		encoding: 'utf8',
	});
	return {
		...result,
		lines: result.stderr.trim().split('\n'),
		seconds: (Date.now() - started) / 1000,
	};
}

test('stops at once with one line naming CHROME_PATH when it points nowhere', () => {
	const result = preflight({ CHROME_PATH: '/nowhere/chromium', HANGAR_NO_INSTALL: '1' });
	assert.equal(result.status, 1);
	assert.deepEqual(result.lines, [
		'npm test: CHROME_PATH=/nowhere/chromium does not exist: set CHROME_PATH to a Chromium or Chrome binary, or unset it to use /usr/bin/chromium.',
	]);
	assert.ok(result.seconds < 30, `took ${result.seconds} s`);
});

test('names the browser when one is there but does not start, and Java when it is missing', () => {
	const result = preflight({
		CHROME_PATH: '/bin/true',
		JAVA_HOME: '/nowhere/java',
		HANGAR_NO_INSTALL: '1',
	});
	assert.equal(result.status, 1);
	assert.equal(result.lines.length, 2, result.stderr);
	assert.match(
		result.lines[0] ?? '',
		/^npm test: the browser at \/bin\/true does not start \(.*\): install Chromium \(`apt-get install chromium` on Debian\) or set CHROME_PATH/
	);
	assert.equal(
		result.lines[1],
		'npm test: no Java for the Nu HTML Checker (/nowhere/java/bin/java): install Java 17 or later (`apt-get install default-jre-headless` on Debian) or set JAVA_HOME.'
	);
});

test('as root with apt-get, installs what is missing before it gives up', (t) => {
	if (process.getuid?.() !== 0) return t.skip('installing needs root');
	const bin = join(OUT, 'preflight-bin');
	rmSync(bin, { recursive: true, force: true });
	mkdirSync(bin, { recursive: true });
	const log = join(bin, 'apt-get.log');
	writeFileSync(join(bin, 'apt-get'), `#!/bin/sh\necho "$@" >> ${log}\n`);
	chmodSync(join(bin, 'apt-get'), 0o755);
	// A CHROME_PATH that points nowhere is a setting to fix: only Java is installed.
	const result = preflight({
		CHROME_PATH: '/nowhere/chromium',
		JAVA_HOME: '/nowhere/java',
		HANGAR_NO_INSTALL: undefined,
		PATH: `${bin}:${process.env['PATH'] ?? ''}`,
	});
	assert.deepEqual(readFileSync(log, 'utf8').split('\n'), [
		'--version',
		'update',
		'install -y default-jre-headless',
		'',
	]);
	assert.equal(result.status, 1, 'the stand-in installed nothing');
	assert.match(result.stderr, /CHROME_PATH=\/nowhere\/chromium does not exist/);
	assert.match(result.stderr, /no Java for the Nu HTML Checker/);
});

test('passes when the browser starts and Java 17 runs, as on this machine', () => {
	const result = preflight({ HANGAR_NO_INSTALL: '1' });
	assert.equal(result.status, 0, result.stderr);
});
