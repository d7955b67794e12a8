/**
 * The build's environment variables: each written once, with what it means and what it takes.
 * `src/environment.ts` reads them when anything starts and reports a wrong value like a content
 * error. (The comment service's `COMMENTS_*` variables are its own: `src/comments/service/config.ts`.)
 */
import { z } from 'astro/zod';

/** Whether a text is a date-time `Date` can read. */
function isInstant(text: string): boolean {
	return !Number.isNaN(new Date(text).getTime());
}

/** The environment variables a build, `astro dev` and the scripts read. */
export const environmentSchema = z.object({
	HANGAR_CONTENT_DIR: z
		.string()
		.regex(/^[^/\\]/, { error: 'must be a folder relative to the repository root' })
		.default('content')
		.meta({
			description:
				'The content folder, relative to the repository root, when it is not `content/` (the tests build fixture sites this way).',
		}),
	HANGAR_BUILD_TIME: z
		.string()
		.refine(isInstant, { error: 'is not an ISO 8601 date, e.g. 2024-06-01T12:00:00Z' })
		.optional()
		.meta({
			description:
				'The time the build treats as now (ISO 8601): articles dated later are scheduled. Tests and reproducible builds set it; by default the clock.',
		}),
	HANGAR_CACHE_DIR: z.string().min(1).optional().meta({
		description:
			'Where drawn social images are kept between builds (default `node_modules/.cache/hangar`); CI can cache it.',
	}),
	HANGAR_COMMENTS: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(z.enum(['on', 'off'], { error: 'must be "on" or "off"' }))
		.optional()
		.meta({
			description: "`on` or `off`: overrides the site config's `comments.enabled` for one build.",
		}),
	HANGAR_COMMENTS_URL: z
		.url({
			protocol: /^https?$/,
			error: 'is not a web address: write e.g. https://comments.example.com',
		})
		.optional()
		.meta({
			description:
				'Another intake URL for one build (staging, tests); must be https when the site is, unless on this machine.',
		}),
});

/** The environment settings as read. */
export type Environment = z.output<typeof environmentSchema>;
