/**
 * Reads the content folder and validates it before Astro loads anything, so that a broken
 * reference or an impossible date fails the build with every problem listed (Astro alone logs a
 * broken `reference()` and exits 0, and YAML rolls 2021-02-30 over into March).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
	formatProblems,
	summarizeProblems,
	validateContent,
	type ContentProblem,
	type ContentSnapshot,
	type SourceFile,
} from '../lib/validate.ts';

function listFiles(dir: string): string[] {
	try {
		return readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

/** Reads every content file under `contentDir` (relative to `root`). */
export function readContent(root: string, contentDir: string): ContentSnapshot {
	const toRepo = (file: string) => relative(root, file).split(sep).join('/');
	const all = listFiles(join(root, contentDir)).map(toRepo).sort();
	const read = (path: string): SourceFile => ({
		path,
		text: readFileSync(join(root, path), 'utf8'),
	});
	// The same patterns as the glob loaders in src/content.config.ts.
	const under = (folder: string, pattern: RegExp) => {
		const prefix = `${contentDir}/${folder}/`;
		return all
			.filter((p) => p.startsWith(prefix) && pattern.test(p.slice(prefix.length)))
			.map(read);
	};
	return {
		contentDir,
		articles: under('articles', /\.mdx?$/),
		products: under('products', /^[^/]+\.ya?ml$/),
		audits: under('audits', /^[^/]+\.ya?ml$/),
		files: new Set(all),
	};
}

/** Validates the content folder; returns every problem found. */
export function checkContent(root: string, contentDir: string): ContentProblem[] {
	return validateContent(readContent(root, contentDir));
}

/** The report printed when content has errors. */
export function problemReport(problems: readonly ContentProblem[]): string {
	return `${formatProblems(problems)}\n\n${summarizeProblems(problems)} in the content. Nothing was built.`;
}

/** Astro integration: fails `astro build` on content errors before any page is written. */
export function contentCheck(options: { root: string; contentDir: string }): AstroIntegration {
	return {
		name: 'hangar:content-check',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				const problems = checkContent(options.root, options.contentDir);
				const errors = problems.filter((p) => p.severity === 'error');
				if (errors.length === 0) return;
				if (command === 'build') {
					const error = new Error(`Content errors:\n\n${problemReport(problems)}`);
					error.stack = error.message;
					throw error;
				}
				logger.error(
					`\n${problemReport(problems).replace('Nothing was built.', 'Fix them before building.')}`
				);
			},
		},
	};
}
