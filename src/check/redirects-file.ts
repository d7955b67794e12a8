/**
 * The content folder's `redirects.yaml`: old addresses sent on to new ones (`npm run import` adds
 * to it), checked with lines like every content file.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { redirectRuleFaults, type RedirectRule } from '../model/redirect-rules.ts';
import { siteTarget } from './body-refs.ts';
import type { FieldContext } from './fields.ts';
import { likelyMeant, type SourceFile } from './problems.ts';
import { checkTarget, pagesOf, type SitePages } from './site-lint.ts';
import { readYaml } from './yaml.ts';

/** Where old addresses are sent on to new ones, in the content folder. */
export const REDIRECTS_FILE = 'redirects.yaml';

const REDIRECT_FIELDS = ['from', 'to', 'status'] as const;

/**
 * `redirects.yaml`: a list of `from`, `to` and optional `status`, checked like the site config's
 * redirects, with lines; a redirect to an article, product, audit or tag page that does not exist
 * is a broken link.
 */
export function checkRedirectsFile(file: SourceFile, pages: SitePages, ctx: FieldContext): void {
	const problems = ctx.problems;
	const read = readYaml(
		file.path,
		file.text,
		1,
		'check the indentation: each redirect is `- from: /old/` with `to: /new/` under it'
	);
	if ('problems' in read) {
		problems.push(...read.problems);
		return;
	}
	const { doc, at } = read.yaml;
	const positionOf = (node: unknown) => at(node as Node | undefined);
	if (doc.contents === null) return;
	if (!isSeq(doc.contents)) {
		problems.push({
			severity: 'error',
			rule: 'redirects-file',
			file: file.path,
			...positionOf(doc.contents),
			message: 'must be a list of redirects',
			fix: 'write each redirect as `- from: /old-path/` and, under it, `to: /articles/new/`',
		});
		return;
	}
	const seen = new Map<string, number>();
	doc.contents.items.forEach((item, index) => {
		const entry = `[${index}]`;
		const report = (rule: string, node: unknown, field: string, message: string, fix: string) =>
			problems.push({
				severity: 'error',
				rule,
				file: file.path,
				...positionOf(node),
				field: `${entry}.${field}`,
				message: `${entry}.${field}: ${message}`,
				fix,
			});
		if (!isMap(item)) {
			problems.push({
				severity: 'error',
				rule: 'redirects-file',
				file: file.path,
				...positionOf(item),
				field: entry,
				message: `${entry}: must be a redirect with \`from\` and \`to\``,
				fix: 'write `- from: /old-path/` and, under it, `to: /articles/new/`',
			});
			return;
		}
		const keys = new Map<string, Node>();
		const values: Record<string, unknown> = {};
		for (const pair of item.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			keys.set(key, pair.key as Node);
			values[key] = isScalar(pair.value) ? pair.value.value : pair.value;
			if (!(REDIRECT_FIELDS as readonly string[]).includes(key)) {
				const meant = likelyMeant(key, REDIRECT_FIELDS);
				report(
					'unknown-field',
					pair.key,
					key,
					'is not a field of a redirect',
					meant ? `did you mean "${meant}"?` : 'a redirect has `from`, `to` and `status`'
				);
			}
		}
		const rule: RedirectRule = {
			from: values['from'] as string,
			to: values['to'] as string,
			status: values['status'] as number | undefined,
		};
		for (const fault of redirectRuleFaults(rule)) {
			report(
				'invalid-redirect',
				keys.get(fault.field) ?? item,
				fault.field,
				fault.message,
				fault.field === 'status'
					? 'write 301 (moved for good) or 302 (for now)'
					: 'write `from` as the old path, e.g. /blogs/news/story, and `to` as /articles/story/ or a full address'
			);
		}
		if (typeof rule.from === 'string' && rule.from.startsWith('/')) {
			const first = seen.get(rule.from);
			if (first !== undefined) {
				report(
					'duplicate-redirect',
					keys.get('from'),
					'from',
					`"${rule.from}" is already redirected by [${first}]`,
					'keep one redirect from each old address'
				);
			} else seen.set(rule.from, index);
			const page = siteTarget(rule.from);
			if (page && pagesOf(pages, page.kind).has(page.slug)) {
				report(
					'invalid-redirect',
					keys.get('from'),
					'from',
					`"${rule.from}" is a page of the site: the host would serve the page, never the redirect`,
					'remove this redirect'
				);
			}
		}
		if (typeof rule.to === 'string') {
			const target = siteTarget(rule.to, ctx.snapshot.siteUrl);
			if (target) {
				checkTarget(
					rule.to,
					target,
					{ file: file.path, ...positionOf(keys.get('to')), field: `${entry}.to` },
					true,
					pages,
					ctx
				);
			}
		}
	});
}
