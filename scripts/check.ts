/**
 * `npm run check [-- --format json]`: lints the content without building, printing every finding
 * at once (errors, warnings, scheduled articles). Exits 1 when there is an error, 0 otherwise:
 * warnings never fail. Uses the same rules as `npm run build`, and never writes anything.
 */
import { parseArgs } from 'node:util';
import { CONTENT_DIR } from '../src/environment.ts';
import { checkContent } from '../src/check/read.ts';
import {
	countNonErrors,
	formatProblems,
	problemReport,
	problemsJson,
} from '../src/check/report.ts';

const USAGE = 'usage: npm run check [-- --format text|json]';

let format: string;
try {
	const { values } = parseArgs({ options: { format: { type: 'string', default: 'text' } } });
	format = values.format;
	if (format !== 'text' && format !== 'json') throw new Error(`unknown format "${format}"`);
} catch (error) {
	console.error(`${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}

const problems = checkContent(process.cwd(), CONTENT_DIR);
const failed = problems.some((p) => p.severity === 'error');
process.exitCode = failed ? 1 : 0;

if (format === 'json') {
	console.log(problemsJson(problems));
} else if (failed) {
	console.error(
		problemReport(problems).replace('Nothing was built.', 'Fix them and run `npm run check` again.')
	);
} else {
	if (problems.length) console.log(`${formatProblems(problems)}\n`);
	console.log(`Content in ${CONTENT_DIR}/ is valid: no errors, ${countNonErrors(problems)}.`);
}
