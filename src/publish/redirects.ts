/**
 * The `redirects` of the site config, checked and written as a `_redirects` file (one
 * `from to status` line per redirect, the format Netlify and Cloudflare Pages share).
 * @see https://docs.netlify.com/routing/redirects/
 * @see https://developers.cloudflare.com/pages/configuration/redirects/
 */
import { redirectRuleFaults, type RedirectRule } from '../model/redirect-rules.ts';

/** Where the redirects are configured, for error messages. */
export const REDIRECTS_SOURCE = 'src/site.config.ts';

/** Where a redirect is written, for messages: its file and its entry, e.g. `redirects[2]`. */
export interface RedirectPlace {
	file: string;
	entry: string;
}

/** The paths of `pages` that start with `prefix`, sorted. */
function shadowed(prefix: string, pages: ReadonlySet<string>): string[] {
	return [...pages].filter((page) => page.startsWith(prefix)).sort();
}

/**
 * Every problem with the redirects, each naming the config file and the field. `pages` are the
 * paths the build wrote: a redirect from one of them would never apply, because static hosts serve
 * an existing file first. `where` names the file and the entry of a redirect (by default its place
 * in the site config), so redirects gathered from several files are each reported in their own.
 */
export function redirectProblems(
	redirects: readonly RedirectRule[],
	pages: ReadonlySet<string> = new Set(),
	where: (index: number) => RedirectPlace = (index) => ({
		file: REDIRECTS_SOURCE,
		entry: `redirects[${index}]`,
	})
): string[] {
	const problems: string[] = [];
	const seen = new Map<string, number>();
	redirects.forEach((rule, index) => {
		const place = where(index);
		const at = (field: string, message: string) =>
			problems.push(`${place.file}: ${place.entry}.${field}: ${message}`);
		const faults = redirectRuleFaults(rule);
		const { from } = rule;
		if (!faults.some((f) => f.field === 'from')) {
			const first = seen.get(from);
			if (first !== undefined) {
				const other = where(first);
				const name = other.file === place.file ? other.entry : `${other.file}: ${other.entry}`;
				at('from', `"${from}" is already redirected by ${name}`);
			} else seen.set(from, index);
			if (pages.has(from) || pages.has(from.endsWith('/') ? from : `${from}/`)) {
				at(
					'from',
					`"${from}" is a page of the site: the host would serve the page, never the redirect`
				);
			} else if (from.endsWith('*')) {
				const covered = shadowed(from.slice(0, -1), pages);
				if (covered.length > 0) {
					const others = covered.length > 1 ? ` and ${covered.length - 1} more` : '';
					at(
						'from',
						`"${from}" covers paths the site serves (${covered[0]}${others}): it would send them away, or hide the redirects after it; narrow it to the old addresses only`
					);
				}
			}
		}
		for (const fault of faults) at(fault.field, fault.message);
	});
	return problems;
}

/** The redirects as a `_redirects` file; 301 when no status is given. */
export function redirectsFile(redirects: readonly RedirectRule[]): string {
	return redirects.map((r) => `${r.from} ${r.to} ${r.status ?? 301}\n`).join('');
}
