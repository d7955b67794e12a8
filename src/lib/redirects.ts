/**
 * The `redirects` of the site config, checked and written as a `_redirects` file (one
 * `from to status` line per redirect, the format Netlify and Cloudflare Pages share).
 * @see https://docs.netlify.com/routing/redirects/
 * @see https://developers.cloudflare.com/pages/configuration/redirects/
 */

/** One redirect as the site config lists it. */
export interface RedirectRule {
	from: string;
	to: string;
	status?: number | undefined;
}

/** Where the redirects are configured, for error messages. */
export const REDIRECTS_SOURCE = 'src/site.config.ts';

const STATUSES = new Set([301, 302, 307, 308]);

/**
 * Every problem with the redirects, each naming the config file and the field. `pages` are the
 * paths the build wrote: a redirect from one of them would never apply, because static hosts serve
 * an existing file first.
 */
export function redirectProblems(
	redirects: readonly RedirectRule[],
	pages: ReadonlySet<string> = new Set()
): string[] {
	const problems: string[] = [];
	const seen = new Map<string, number>();
	redirects.forEach((rule, index) => {
		const at = (field: string, message: string) =>
			problems.push(`${REDIRECTS_SOURCE}: redirects[${index}].${field}: ${message}`);
		const { from, to } = rule;
		if (typeof from !== 'string' || !from.startsWith('/')) {
			at('from', `must be a path starting with "/", not ${JSON.stringify(from)}`);
		} else if (/\s/.test(from)) {
			at('from', `must not contain spaces: ${JSON.stringify(from)}`);
		} else if (from.includes('*') && !/^\/(?:[^*]*\/)?\*$/.test(from)) {
			at(
				'from',
				`may only end with "/*" to match everything below a folder: ${JSON.stringify(from)}`
			);
		} else {
			const first = seen.get(from);
			if (first !== undefined) at('from', `"${from}" is already redirected by redirects[${first}]`);
			else seen.set(from, index);
			if (pages.has(from) || pages.has(from.endsWith('/') ? from : `${from}/`)) {
				at(
					'from',
					`"${from}" is a page of the site: the host would serve the page, never the redirect`
				);
			}
		}
		if (typeof to !== 'string' || !/^(\/|https?:\/\/)/.test(to)) {
			at('to', `must be a path starting with "/" or a full http(s) URL, not ${JSON.stringify(to)}`);
		} else if (/\s/.test(to)) {
			at('to', `must not contain spaces: ${JSON.stringify(to)}`);
		} else if (to === from) {
			at('to', `redirects "${from}" to itself`);
		} else if (to.includes(':splat') && !from?.endsWith('*')) {
			at('to', `uses ":splat" but "from" does not end with "*"`);
		}
		if (rule.status !== undefined && !STATUSES.has(rule.status)) {
			at('status', `must be 301, 302, 307 or 308, not ${JSON.stringify(rule.status)}`);
		}
	});
	return problems;
}

/** The redirects as a `_redirects` file; 301 when no status is given. */
export function redirectsFile(redirects: readonly RedirectRule[]): string {
	return redirects.map((r) => `${r.from} ${r.to} ${r.status ?? 301}\n`).join('');
}
