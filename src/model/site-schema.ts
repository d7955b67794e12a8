/**
 * The site configuration's schema: every setting of `src/site.config.ts` written once, with what it
 * means and what a valid value is. `src/check/site-config.ts` checks the dealer's values against it
 * when anything starts, and reports a wrong setting like a content error.
 */
import { z } from 'astro/zod';
import { redirectRuleFaults } from '../model/redirect-rules.ts';

/** Text with something other than spaces in it. */
const text = z.string().refine((s) => s.trim() !== '', { message: 'is empty' });

/** An http(s) address. */
const webAddress = z.url({
	protocol: /^https?$/,
	error: 'is not a web address: write it in full, starting with https://',
});

const count = (description: string) =>
	z.number().int().positive({ error: 'must be a whole number above 0' }).meta({ description });

/** Whether the platform knows a time zone, e.g. "Europe/London". */
function isTimeZone(zone: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return true;
	} catch {
		return false;
	}
}

/** Whether a text is a well-formed BCP 47 language tag, e.g. "en-GB". */
function isLocale(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

/** CSP directives a dealer may add sources to. */
export const CSP_DIRECTIVES = [
	'connect-src',
	'font-src',
	'form-action',
	'frame-src',
	'img-src',
	'media-src',
	'script-src',
	'style-src',
] as const;

/** One redirect from an old address to a new one. */
const redirect = z
	.object({
		from: z.string().meta({
			description:
				'The old path on this site, starting with `/`, e.g. "/news/old-story/". A trailing `*` matches anything below.',
		}),
		to: z.string().meta({
			description:
				'Where it goes now: a path on this site or a full URL. With a `*` in `from`, `:splat` is what it matched.',
		}),
		status: z
			.union([z.literal(301), z.literal(302), z.literal(307), z.literal(308)])
			.optional()
			.meta({ description: '301 (moved for good; the default), 302, 307 or 308.' }),
	})
	.superRefine((rule, ctx) => {
		for (const fault of redirectRuleFaults(rule)) {
			ctx.addIssue({ code: 'custom', path: [fault.field], message: fault.message });
		}
	});

/** Where the newsletter form posts: an https address, since it carries readers' e-mail addresses. */
const formEndpoint = z.url({
	protocol: /^https$/,
	error: "must be an https:// address: the form sends readers' e-mail addresses there",
});

/** The newsletter signup form: where it posts, its field names, and its words. */
const newsletter = z
	.object({
		action: formEndpoint.meta({ description: "The provider's form endpoint." }),
		emailField: text.meta({
			description: 'The name of the e-mail field the provider reads, e.g. `email`.',
		}),
		hidden: z
			.record(z.string(), z.string())
			.optional()
			.meta({ description: 'Hidden fields the provider expects, by name.' }),
		heading: text,
		text,
		buttonLabel: text,
		consent: text.meta({ description: 'What readers agree to, shown under the field.' }),
	})
	.strict();

/** The dealer's site configuration. */
export const siteSchema = z.object({
	name: text.meta({ description: "The dealer's name, used in the header, titles and footer." }),
	description: text.meta({
		description:
			'One-line description of the newsroom, used on the home page and as the default meta description.',
	}),
	url: webAddress
		.refine((url) => !url.endsWith('/'), { message: 'must not end with a slash' })
		.meta({
			description: 'The public URL of the site, with protocol and without a trailing slash.',
		}),
	locale: z
		.string()
		.refine(isLocale, { message: 'is not a language tag: write e.g. "en-GB" or "de"' })
		.meta({ description: 'BCP 47 language tag of the content, e.g. "en-GB".' }),
	timeZone: z
		.string()
		.refine(isTimeZone, {
			message:
				'is not a time zone: write an IANA name such as "Europe/London" or "America/New_York"',
		})
		.meta({ description: 'IANA time zone in which dates are shown, e.g. "Europe/London".' }),
	logo: z
		.object({
			src: z.string().startsWith('/', { error: 'must be a path in public/ starting with /' }),
			alt: text,
		})
		.meta({
			description: 'The logo shown in the header: a file in `public/`, and its text alternative.',
		}),
	shopUrl: webAddress.meta({
		description: "The dealer's main website or shop, linked from the header and footer.",
	}),
	contact: z
		.object({
			email: z.email({ error: 'is not an e-mail address' }).optional(),
			phone: z.string().optional(),
			address: z.array(z.string()).optional(),
			hours: z.string().optional(),
		})
		.meta({
			description:
				'How readers reach the dealer (e-mail, phone as dialled, address lines, opening hours); shown in the call-to-action block under every article.',
		}),
	callToAction: z.object({ heading: text, text, buttonLabel: text, buttonUrl: webAddress }).meta({
		description:
			'The block at the end of every article: a heading, one or two sentences about the dealer, and the main button (label and address).',
	}),
	disclosure: text.meta({
		description:
			"The dealer's own words on its interest in what it writes about, e.g. \"We sell the products reviewed here…\". Shown above the body of every article that names a product the shop sells (a product with a `url`), as the FTC's rule on consumer reviews (16 CFR 465) and Google's transparency guidance ask; an article leaves it out only with `withoutDisclosure: <reason>`.",
	}),
	newsletter: z.union([z.literal(false), newsletter]).meta({
		description:
			"The newsletter signup form after the call-to-action and on the home page, posting from plain HTML (no JavaScript) to the provider: `action` (its https form endpoint, added to the CSP's `form-action`), `emailField` (the e-mail field's name), `hidden` (fields the provider expects, by name), `heading`, `text`, `buttonLabel` and `consent` (what readers agree to). `false` shows none. Each provider's endpoint and field names: docs/configuration.md.",
	}),
	indexNow: z
		.union([
			z.literal(false),
			z.object({
				key: z.string().regex(/^[a-zA-Z0-9-]{8,128}$/, {
					error: 'must be 8 to 128 letters, digits and hyphens, e.g. a UUID',
				}),
				endpoint: formEndpoint,
			}),
		])
		.meta({
			description:
				'IndexNow (Bing, Yandex, Seznam, Naver…): `key` is written to `dist/<key>.txt` by the build, and `npm run notify` submits the pages changed since the last deploy to `endpoint` (e.g. `https://api.indexnow.org/indexnow`). `false`: no key file.',
		}),
	websubHub: z.union([z.literal(false), webAddress]).meta({
		description:
			'A WebSub hub (e.g. `https://pubsubhubbub.appspot.com/`): announced in the site feeds (`rel="hub"`) and told of changes by `npm run notify`, so feed readers update at once. `false`: none.',
	}),
	tableOfContents: count(
		'How many second-level headings (`##`) an article needs to get a table of contents after its key points (sticky beside the text on wide screens).'
	),
	pageSize: count(
		'Articles per page on paginated listings (all articles, product, audit and tag pages).'
	),
	homeArticleCount: count('How many articles the home page lists.'),
	relatedCount: count('How many related articles an article page suggests.'),
	wordsPerMinute: count('Words read per minute, for the reading-time estimate.'),
	titlePattern: z
		.string()
		.refine((p) => p.includes('{title}'), { message: 'must contain {title}' })
		.meta({
			description:
				"How page titles are written: `{title}` is the page's own title, `{site}` the dealer's name. The home page's title is the dealer's name alone.",
		}),
	feedSize: count(
		'How many of the newest articles each feed (site, product, audit, tag) carries, in full text.'
	),
	news: z.object({ publicationName: text, language: text }).meta({
		description:
			'Google News: the publication name exactly as in Google Publisher Center, and the ISO 639 language code of the articles ("en"; "zh-cn" and "zh-tw" for Chinese).',
	}),
	social: z.object({ twitter: z.string().optional(), profiles: z.array(webAddress) }).meta({
		description:
			"The dealer's profiles elsewhere: an X (Twitter) account without the @ for `twitter:site`, and the full URLs of official profiles, listed as `sameAs`.",
	}),
	brandColor: z
		.string()
		.regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb, e.g. "#0b5cad"' })
		.meta({
			description: 'The main colour of the generated social images (1200×630), as #rrggbb.',
		}),
	socialCards: z
		.union([z.number().int().nonnegative(), z.literal(Infinity)], {
			error: 'must be a whole number (0 for none) or Infinity',
		})
		.meta({
			description:
				'How many of the newest articles get a social image drawn with their headline (about 50 ms of CPU each without the image cache); older articles are shared with their lead image or the site card. `Infinity` draws one for every article; 0 none.',
		}),
	redirects: z.array(redirect).meta({
		description:
			'Old addresses sent on to new ones: written to `dist/_redirects` for the static host.',
	}),
	cspAdditions: z.partialRecord(z.enum(CSP_DIRECTIVES), z.array(z.string())).meta({
		description:
			"Sources added to the Content-Security-Policy of `dist/_headers`, by directive, e.g. `{ 'frame-src': ['https://www.youtube-nocookie.com'] }`; the site's own inline code is hashed by the build.",
	}),
	comments: z
		.object({
			enabled: z.boolean(),
			intakeUrl: webAddress,
			staff: z.array(text).optional(),
		})
		.meta({
			description:
				'Reader comments (docs/comments.md): `enabled` shows the form under every article (an article opts out with `comments: false`); `intakeUrl` is the address of the comment service the form posts to; `staff` lists the names the dealer\'s own people comment under, exactly as in their comments, whose published comments carry a "Staff" badge (anyone can type these names, so moderators approve a comment under them only from staff).',
		}),
	editor: z
		.union([
			z.literal(false),
			z.object({
				backend: z
					.object({
						name: z.enum(['github', 'gitlab', 'gitea']),
						repo: text.regex(/^[^/\s]+\/[^\s]+$/, { error: 'must be written owner/name' }),
						branch: text.optional(),
						baseUrl: webAddress.optional(),
						apiRoot: webAddress.optional(),
						appId: text.optional(),
					})
					.optional(),
				editorialWorkflow: z.boolean().optional(),
			}),
		])
		.meta({
			description:
				"The browser editor at `/admin/` (docs/editing.md): `false` builds none. `backend` is the Git host writers sign in to (`name`: github, gitlab or gitea; `repo`: owner/name; `branch`, default main; `baseUrl`: GitHub's OAuth helper's address; `appId`: the OAuth application's ID, for GitLab's and Gitea's sign-in without a helper; `apiRoot`: a self-hosted GitLab's or Gitea's API); without it the editor works on one computer only, over the checkout (local mode). `editorialWorkflow: true` makes each article a pull request an editor approves.",
		}),
});

/** The site configuration as the build uses it. */
export type SiteConfig = z.output<typeof siteSchema>;

/** The site configuration as a dealer writes it. */
export type SiteConfigInput = z.input<typeof siteSchema>;

/** A CSP directive a dealer may add sources to. */
export type CspDirective = (typeof CSP_DIRECTIVES)[number];

/** One redirect of the site config. */
export type Redirect = z.output<typeof redirect>;
