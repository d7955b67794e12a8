/**
 * Settings checked when anything starts: the site configuration and the environment variables,
 * each against its schema in `src/model/`. A wrong setting is reported like a content error
 * (where, which setting, what is wrong, the fix) and ends the process before anything fails on it
 * deep inside `Intl` or `URL` with a stack trace.
 */
import type { z } from 'astro/zod';
import { kindOf, type ContentProblem } from './problems.ts';
import { formatProblems, summarizeProblems } from './report.ts';

/** Where a group of settings is written and documented, for the report. */
export interface SettingsSource {
	/** The file (or `environment`) the settings come from. */
	file: string;
	/** The rule name of the problems. */
	rule: string;
	/** What the settings are, for the summary: "the site configuration". */
	what: string;
	/** The document that lists every setting. */
	docs: string;
	/** The file's text, to find the line of a setting. */
	text?: string | undefined;
}

/** `callToAction.buttonUrl`, `redirects[1].to`. */
export function settingName(path: readonly PropertyKey[]): string {
	return path
		.map((part, i) =>
			typeof part === 'number' ? `[${part}]` : i ? `.${String(part)}` : String(part)
		)
		.join('');
}

/** The line of `text` where the setting's last named key is written, when it can be found. */
function lineOf(text: string | undefined, path: readonly PropertyKey[]): number | undefined {
	const key = [...path].reverse().find((p): p is string => typeof p === 'string');
	if (!text || !key) return undefined;
	const pattern = new RegExp(`^\\s*['"]?${key}['"]?\\s*:`);
	const index = text.split('\n').findIndex((line) => pattern.test(line));
	return index < 0 ? undefined : index + 1;
}

function messageOf(issue: z.core.$ZodIssue, docs: string): { message: string; fix: string } {
	const input = (issue as { input?: unknown }).input;
	const fix = `see ${docs} for what it takes`;
	if (issue.code === 'invalid_type' && input === undefined) {
		return { message: 'is missing', fix: `add it; every setting is described in ${docs}` };
	}
	if (issue.code === 'invalid_type') {
		const expected = issue.expected === 'string' ? 'text' : `a ${issue.expected}`;
		return { message: `must be ${expected}, not ${kindOf(input)}`, fix };
	}
	if (issue.code === 'unrecognized_keys') {
		return {
			message: `has settings Hangar does not know: ${issue.keys.join(', ')}`,
			fix: `remove them, or check their spelling in ${docs}`,
		};
	}
	const shown = input === undefined || typeof input === 'object' ? '' : `${JSON.stringify(input)} `;
	return { message: `${shown}${issue.message}`, fix };
}

/** Every problem of `values` against `schema`. */
export function settingsProblems(
	schema: z.ZodObject,
	values: unknown,
	source: SettingsSource
): ContentProblem[] {
	const parsed = schema.safeParse(values, { reportInput: true });
	return (parsed.error?.issues ?? []).map((issue) => {
		const field = settingName(issue.path);
		const { message, fix } = messageOf(issue, source.docs);
		return {
			severity: 'error',
			rule: source.rule,
			file: source.file,
			line: lineOf(source.text, issue.path),
			field,
			message: field ? `${field}: ${message}` : message,
			fix,
		};
	});
}

/**
 * `values` checked against `schema`. On a wrong setting it prints the report and ends the
 * process (exit 1); `text` is looked up (for lines) only then.
 */
export function checkSettings<S extends z.ZodObject>(
	schema: S,
	values: unknown,
	source: SettingsSource & { readText?: () => string | undefined }
): z.output<S> {
	let problems = settingsProblems(schema, values, source);
	if (problems.length && source.text === undefined && source.readText) {
		problems = settingsProblems(schema, values, { ...source, text: source.readText() });
	}
	if (problems.length) {
		const summary = summarizeProblems(problems);
		console.error(
			`${formatProblems(problems)}\n\n${summary} in ${source.what}. Nothing was built.`
		);
		process.exit(1);
	}
	return schema.parse(values);
}
