/**
 * Stopping the build with a report: Astro prints an error's message, then its stack under a
 * "Stack trace:" heading unless the stack is empty; a report's error has none, so the reader sees
 * the problems and their fixes, not Hangar's internals.
 * @see node_modules/astro/dist/core/messages/runtime.js (formatErrorMessage)
 */

/** An error that prints as `message` alone. */
export function reportError(message: string): Error {
	const error = new Error(message);
	error.stack = '';
	return error;
}

/** Stops the build when there are problems, listing them under `heading` (e.g. "Redirect errors"). */
export function failOn(heading: string, problems: readonly string[]): void {
	if (problems.length === 0) return;
	throw reportError(`${heading}:\n\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
