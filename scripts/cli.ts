/** What the command-line scripts share: reading their arguments and stopping on an error. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints `lines` to stderr and exits with `code`: 1 for bad input, 2 for a bad command line. */
export function fail(lines: string[], code = 1): never {
	console.error(lines.join('\n'));
	process.exit(code);
}

/** `parseArgs` of node:util, except that a malformed command line stops with its usage (exit 2). */
export function parseCommandLine<T extends ParseArgsConfig>(
	config: T,
	usage: string
): ReturnType<typeof parseArgs<T>> {
	try {
		return parseArgs(config);
	} catch (error) {
		fail([(error as Error).message, usage], 2);
	}
}
