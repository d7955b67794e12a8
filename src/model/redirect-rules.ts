/**
 * What a valid redirect is, on its own: the shape of `from`, `to` and `status`. The site config's
 * schema, the build's check of all redirects (`src/publish/redirects.ts`) and the check of
 * `content/redirects.yaml` report these faults, each in its own file.
 */

/** One redirect as the site config lists it. */
export interface RedirectRule {
	from: string;
	to: string;
	status?: number | undefined;
}

const STATUSES = new Set([301, 302, 307, 308]);

/** One thing wrong with one redirect: the field at fault and what is wrong with it. */
export interface RedirectFault {
	field: 'from' | 'to' | 'status';
	message: string;
}

/**
 * What is wrong with one redirect on its own (shape of `from`, `to` and `status`), without
 * looking at the others or at the site's pages. Shared by the site config's schema, the build's check
 * of the redirects against its pages (`src/publish/redirects.ts`) and the content checker, which reports the same faults in `content/redirects.yaml` with their lines.
 */
export function redirectRuleFaults(rule: Readonly<RedirectRule>): RedirectFault[] {
	const faults: RedirectFault[] = [];
	const { from, to } = rule;
	if (typeof from !== 'string' || !from.startsWith('/')) {
		faults.push({
			field: 'from',
			message: `must be a path starting with "/", not ${JSON.stringify(from)}`,
		});
	} else if (/\s/.test(from)) {
		faults.push({ field: 'from', message: `must not contain spaces: ${JSON.stringify(from)}` });
	} else if (from.includes('*') && !/^\/(?:[^*]*\/)?\*$/.test(from)) {
		faults.push({
			field: 'from',
			message: `may only end with "/*" to match everything below a folder: ${JSON.stringify(from)}`,
		});
	}
	if (typeof to !== 'string' || !/^(\/|https?:\/\/)/.test(to)) {
		faults.push({
			field: 'to',
			message: `must be a path starting with "/" or a full http(s) URL, not ${JSON.stringify(to)}`,
		});
	} else if (/\s/.test(to)) {
		faults.push({ field: 'to', message: `must not contain spaces: ${JSON.stringify(to)}` });
	} else if (to === from) {
		faults.push({ field: 'to', message: `redirects "${from}" to itself` });
	} else if (to.includes(':splat') && !(typeof from === 'string' && from.endsWith('*'))) {
		faults.push({ field: 'to', message: `uses ":splat" but "from" does not end with "*"` });
	}
	if (rule.status !== undefined && !STATUSES.has(rule.status)) {
		faults.push({
			field: 'status',
			message: `must be 301, 302, 307 or 308, not ${JSON.stringify(rule.status)}`,
		});
	}
	return faults;
}
