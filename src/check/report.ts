/**
 * How findings are printed: one line each with the fix under it (`npm run check`, the build), a
 * one-line count, and JSON for editors and CI (`--format json`).
 */
import type { ContentProblem, Severity } from './problems.ts';

/** One line per problem, `file:line:column  severity  rule  message`, then the fix indented. */
export function formatProblems(problems: readonly ContentProblem[]): string {
	return problems
		.map((p) => {
			const where = [p.file, p.line, p.line !== undefined ? p.column : undefined]
				.filter((x) => x !== undefined)
				.join(':');
			return `${where}  ${p.severity}  ${p.rule}  ${p.message}${p.fix ? `\n    fix: ${p.fix}` : ''}`;
		})
		.join('\n');
}

/** A one-line count of the problems, e.g. "3 errors in 2 files". */
export function summarizeProblems(problems: readonly ContentProblem[]): string {
	const errors = problems.filter((p) => p.severity === 'error');
	const files = new Set(errors.map((p) => p.file)).size;
	return `${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}`;
}

/** How many warnings and scheduled articles there are, e.g. "2 warnings, 1 article scheduled". */
export function countNonErrors(problems: readonly ContentProblem[]): string {
	const warnings = problems.filter((p) => p.severity === 'warning').length;
	const scheduled = problems.filter((p) => p.rule === 'scheduled').length;
	return [
		`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
		`${scheduled} ${scheduled === 1 ? 'article' : 'articles'} scheduled`,
	].join(', ');
}

/** One finding as `--format json` prints it: every key always present, `null` when absent. */
export interface JsonProblem {
	file: string;
	line: number | null;
	column: number | null;
	severity: Severity;
	rule: string;
	field: string | null;
	message: string;
	fix: string | null;
}

/**
 * The findings as a JSON array for editors and CI: the same keys in the same order for every
 * finding, so a consumer never has to guess, ordered like the text output.
 */
export function problemsJson(problems: readonly ContentProblem[]): string {
	const rows: JsonProblem[] = problems.map((p) => ({
		file: p.file,
		line: p.line ?? null,
		column: p.line !== undefined ? (p.column ?? null) : null,
		severity: p.severity,
		rule: p.rule,
		field: p.field ?? null,
		message: p.message,
		fix: p.fix ?? null,
	}));
	return JSON.stringify(rows, null, 2);
}

/** The report printed when content has errors. */
export function problemReport(problems: readonly ContentProblem[]): string {
	return `${formatProblems(problems)}\n\n${summarizeProblems(problems)} in the content. Nothing was built.`;
}
