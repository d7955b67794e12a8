/**
 * Run first by `npm test`: the two programs the suite needs that npm does not install, checked in
 * seconds instead of found missing minutes into the run. Chromium (the browser tests; CHROME_PATH
 * overrides `/usr/bin/chromium`) must start with the tests' own flags, and Java 17 or later must
 * run the Nu HTML Checker. Where one is missing and this runs as root with apt-get (a fresh CI
 * container), it is installed as `.ci/run` does; otherwise the run stops at once with one line per
 * missing program saying what to install or set. `HANGAR_NO_INSTALL=1` never installs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';
import { CHROMIUM, launch } from './helpers/browser.ts';
import { JAVA } from './helpers/vnu.ts';

/** What is wrong with the browser, or undefined when it starts. */
async function browserProblem(): Promise<string | undefined> {
	const install = 'install Chromium (`apt-get install chromium` on Debian)';
	const set = 'set CHROME_PATH to a Chromium or Chrome binary';
	if (!existsSync(CHROMIUM)) {
		return process.env['CHROME_PATH']
			? `CHROME_PATH=${CHROMIUM} does not exist: ${set}, or unset it to use /usr/bin/chromium`
			: `no Chromium at ${CHROMIUM}: ${install} or ${set}`;
	}
	try {
		const { close } = await launch();
		await close();
		return undefined;
	} catch (error) {
		const reason = String((error as Error).message).split('\n')[0];
		return `the browser at ${CHROMIUM} does not start (${reason}): ${install} or ${set}`;
	}
}

/** What is wrong with Java, or undefined when it is 17 or later. */
function javaProblem(): string | undefined {
	const fix =
		'install Java 17 or later (`apt-get install default-jre-headless` on Debian) or set JAVA_HOME';
	const result = spawnSync(JAVA, ['-version'], { encoding: 'utf8' });
	if (result.error || result.status !== 0)
		return `no Java for the Nu HTML Checker (${JAVA}): ${fix}`;
	const version = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
	const major = Number(version?.[1] === '1' ? version[2] : version?.[1]);
	if (major < 17) return `Java ${major} is too old for the Nu HTML Checker: ${fix}`;
	return undefined;
}

/** True when missing packages may be installed here: root, apt-get present, not told otherwise. */
function canInstall(): boolean {
	if (process.env['HANGAR_NO_INSTALL'] || process.getuid?.() !== 0) return false;
	return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian packages, its output shown; true when apt-get succeeded. */
function aptInstall(packages: string[]): boolean {
	console.error(`Installing ${packages.join(', ')} for the tests (apt-get)…`);
	const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit' }).status === 0;
	return apt(['update']) && apt(['install', '-y', ...packages]);
}

let browser = await browserProblem();
let java = javaProblem();
const packages = [
	// A CHROME_PATH that points nowhere is a setting to fix, not a package to install.
	...(browser && !process.env['CHROME_PATH'] ? ['chromium'] : []),
	...(java ? ['default-jre-headless'] : []),
];
if (packages.length > 0 && canInstall() && aptInstall(packages)) {
	browser = await browserProblem();
	java = javaProblem();
}
const problems = [browser, java].filter((p) => p !== undefined);
if (problems.length > 0) {
	for (const problem of problems) console.error(`npm test: ${problem}.`);
	process.exit(1);
}
