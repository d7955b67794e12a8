/**
 * `npm run check`: validates the content without building, printing every problem at once and
 * exiting non-zero on any error. Uses the same rules as `npm run build`.
 */
import { CONTENT_DIR } from '../src/content-root.ts';
import { checkContent, problemReport } from '../src/integrations/content-check.ts';

const problems = checkContent(process.cwd(), CONTENT_DIR);
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length > 0) {
	console.error(
		problemReport(problems).replace('Nothing was built.', 'Fix them and run `npm run check` again.')
	);
	process.exitCode = 1;
} else {
	console.log(`Content in ${CONTENT_DIR}/ is valid.`);
}
