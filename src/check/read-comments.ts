/**
 * Reads the comment files of a content folder and validates them, for the content check
 * (`npm run check` and the build), which lists their problems with every other content error.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isTemporaryCommentFile } from '../comments/yaml.ts';
import { articleSlugOf } from '../model/slugs.ts';
import type { ContentProblem, ContentSnapshot } from './problems.ts';
import { validateComments } from './comments.ts';

/** Validates `<contentDir>/comments/**` against the snapshot's articles. */
export function checkComments(root: string, snapshot: ContentSnapshot): ContentProblem[] {
	const prefix = `${snapshot.contentDir}/comments/`;
	const files = [...snapshot.files]
		// A write the comment service had not finished (it removes them when it starts).
		.filter((path) => path.startsWith(prefix) && !isTemporaryCommentFile(basename(path)))
		.sort()
		.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
	if (files.length === 0) return [];
	return validateComments({
		contentDir: snapshot.contentDir,
		files,
		articleSlugs: snapshot.articles.map((a) => articleSlugOf(a.path)),
	});
}
