/**
 * The W3C Nu HTML Checker (the `vnu-jar` package) over built sites: it parses as browsers do and
 * checks the HTML standard's content models, so it finds what html-validate's rules do not (a
 * `<script>` after `</html>`, attributes HTML does not have). It runs on Java 17+ (`java` on the
 * PATH, or JAVA_HOME): one JVM for every page, since starting one costs a few seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './build.ts';

/** The checker's jar, as the vnu-jar package ships it. */
export const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** The Java the checker runs on: `$JAVA_HOME/bin/java` when set, else `java` from the PATH. */
export const JAVA = process.env['JAVA_HOME']
	? join(process.env['JAVA_HOME'], 'bin', 'java')
	: 'java';

/** One error the checker reports, located in a site's page. */
export interface VnuMessage {
	/** The site's name and the page's URL path in it, e.g. `fixture /search/`. */
	page: string;
	line?: number;
	column?: number;
	message: string;
	/** A few characters of the source around the error. */
	extract: string;
}

interface VnuJson {
	messages: {
		type: string;
		subType?: string;
		url?: string;
		lastLine?: number;
		firstColumn?: number;
		message: string;
		extract?: string;
	}[];
}

/** A checked file's site name and URL path: `fixture /search/`. */
function pageOf(sites: [string, string][], url: string): string {
	const file = fileURLToPath(url);
	const [name, dir] = sites.find(([, d]) => file.startsWith(resolve(d) + sep)) ?? ['', ROOT];
	const path =
		'/' +
		relative(dir, file)
			.split(sep)
			.join('/')
			.replace(/(^|\/)index\.html$/, '$1');
	return `${name} ${path}`;
}

/**
 * Checks every HTML file of the sites (name → folder) in one run, errors only (warnings are
 * advice). Throws a one-line error naming what to install when Java or the jar is missing.
 */
export function vnuErrors(sites: Record<string, string>): VnuMessage[] {
	const dirs = Object.values(sites).map((dir) => resolve(dir));
	if (!existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} is missing: run \`npm ci\``);
	const result = spawnSync(
		JAVA,
		['-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', ...dirs],
		{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
	);
	if (result.error) {
		throw new Error(
			`The Nu HTML Checker needs Java 17 or later (${JAVA}: ${result.error.message}): install it, e.g. \`apt-get install -y default-jre-headless\`, or set JAVA_HOME`
		);
	}
	let report: VnuJson;
	try {
		report = JSON.parse(result.stderr) as VnuJson;
	} catch {
		throw new Error(`vnu exited with ${result.status} and no report:\n${result.stderr}`);
	}
	return report.messages
		.filter((m) => m.type === 'error' && m.subType !== 'fatal')
		.map((m) => ({
			page: m.url ? pageOf(Object.entries(sites), m.url) : '?',
			...(m.lastLine === undefined ? {} : { line: m.lastLine }),
			...(m.firstColumn === undefined ? {} : { column: m.firstColumn }),
			message: m.message,
			extract: (m.extract ?? '').replace(/\s+/g, ' ').trim(),
		}));
}

/** The errors grouped by message, each with the pages (up to six) where it occurs. */
export function formatVnu(errors: VnuMessage[]): string {
	const byMessage = new Map<string, VnuMessage[]>();
	for (const e of errors) byMessage.set(e.message, [...(byMessage.get(e.message) ?? []), e]);
	return [...byMessage]
		.map(([message, found]) => {
			const pages = [...new Set(found.map((e) => `${e.page} ${e.line ?? '?'}:${e.column ?? '?'}`))];
			const more = pages.length > 6 ? ` and ${pages.length - 6} more` : '';
			return `  ${message}\n    e.g. ${found[0]?.extract}\n    on ${pages.slice(0, 6).join(', ')}${more}`;
		})
		.join('\n');
}
