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

/** What a file-system error code means, in words. */
const FILE_ERRORS: Record<string, string> = {
	ENOENT: 'does not exist',
	EACCES: 'may not be read or written by this user (permission denied)',
	EPERM: 'may not be changed by this user (operation not permitted)',
	ENOSPC: 'cannot be written: the disk is full',
	EDQUOT: 'cannot be written: the disk quota is used up',
	EROFS: 'is on a read-only file system',
	EISDIR: 'is a folder where a file was expected',
	ENOTDIR: 'has a file where a folder was expected',
	EEXIST: 'already exists',
	EMFILE: 'could not be opened: too many files are open',
	ELOOP: 'is a loop of symbolic links',
};

/**
 * One line saying what went wrong, for any error: a file-system error names its path and what its
 * code means; anything else its message. Never a stack trace.
 */
export function errorReport(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	const meaning = e?.code ? FILE_ERRORS[e.code] : undefined;
	if (meaning && e.path) return `${e.path} ${meaning} (${e.code})`;
	return e instanceof Error ? e.message : String(error);
}

/**
 * Makes every error nothing caught into a report: `command: what went wrong`, a line saying it is a
 * bug worth reporting when it is not a file-system error, and exit code 1. No stack trace reaches
 * the user (HANGAR_DEBUG=1 prints it, for the bug report).
 */
export function reportUncaught(command: string): void {
	const report = (error: unknown) => {
		const known = Boolean((error as NodeJS.ErrnoException)?.code);
		console.error(`${command}: ${errorReport(error)}`);
		if (!known) {
			console.error(
				'This is a bug in Hangar: please report it with the command you ran (HANGAR_DEBUG=1 shows the details).'
			);
		}
		if (process.env['HANGAR_DEBUG'] === '1') console.error(error);
		process.exit(1);
	};
	process.on('uncaughtException', report);
	process.on('unhandledRejection', report);
}
