/**
 * The comment settings of this build: the site config's `comments`, with `HANGAR_COMMENTS`
 * (`on`/`off`) and `HANGAR_COMMENTS_URL` applied, read once. Used by the article page, the
 * `/comments.json` list for the intake service, and the CSP of `_headers`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_PATH, ENV } from '../environment.ts';
import { commentsSettings } from './model.ts';
import { SITE } from '../site.config.ts';

/** Whether articles show the form, where it posts, and the intake's origin. */
export const COMMENTS = commentsSettings(SITE.comments, SITE.url, ENV);

/**
 * Whether the content folder has a `comments/` folder. A site without comments yet has none, and
 * is spared the warnings Astro prints for a missing folder and an empty collection.
 */
export function hasCommentsFolder(): boolean {
	return existsSync(join(CONTENT_PATH, 'comments'));
}
