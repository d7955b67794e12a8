/**
 * Checks the content before Astro loads anything, so that a broken reference or an impossible
 * date fails the build with every problem listed (Astro alone logs a broken `reference()` and
 * exits 0, and YAML rolls 2021-02-30 over into March). Warnings and scheduled articles are printed
 * but never stop the build. The checking itself is `src/check/`'s.
 */
import { reportError } from './build-error.ts';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../check/read.ts';
import { formatProblems, problemReport } from '../check/report.ts';

/**
 * Astro integration: fails `astro build` on content errors before any page is written, and
 * prints warnings and scheduled articles without stopping.
 */
export function contentCheck(options: { root: string; contentDir: string }): AstroIntegration {
	return {
		name: 'hangar:content-check',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				const problems = checkContent(options.root, options.contentDir);
				const errors = problems.filter((p) => p.severity === 'error');
				if (errors.length === 0) {
					const warnings = problems.filter((p) => p.severity === 'warning');
					// `astro sync` and `astro check` are about code, not content: no warnings there.
					const writing = command === 'build' || command === 'dev';
					if (warnings.length && writing) logger.warn(`\n${formatProblems(warnings)}`);
					// In dev drafts and scheduled articles are shown, so there is nothing to announce.
					const scheduled = problems.filter((p) => p.severity === 'info');
					if (scheduled.length && command === 'build')
						logger.info(`\n${formatProblems(scheduled)}`);
					return;
				}
				if (command === 'build') {
					throw reportError(`Content errors:\n\n${problemReport(problems)}`);
				}
				logger.error(
					`\n${problemReport(problems).replace('Nothing was built.', 'Fix them before building.')}`
				);
			},
		},
	};
}
