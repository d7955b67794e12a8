/**
 * Stopping the build with a report: Astro prints an error's stack, so a report's error carries its
 * message as its stack, and the reader sees the problems and their fixes, not Hangar's internals.
 */

/** An error that prints as `message` alone. */
export function reportError(message: string): Error {
	const error = new Error(message);
	error.stack = message;
	return error;
}

/** Stops the build when there are problems, listing them under `heading` (e.g. "Redirect errors"). */
export function failOn(heading: string, problems: readonly string[]): void {
	if (problems.length === 0) return;
	throw reportError(`${heading}:\n\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
