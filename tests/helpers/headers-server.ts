/**
 * A static server that behaves like Netlify or Cloudflare Pages for the e2e tests: it reads the
 * site's `_headers` file and sends the headers of every rule whose path matches, on top of what
 * `serve.ts` does (directory URLs serve index.html, unknown paths /404.html with status 404).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type StaticServer } from './serve.ts';

/** One block of a `_headers` file. */
export interface HeaderRule {
	path: string;
	headers: [string, string][];
}

/** Reads `_headers`: an unindented line is a path pattern, indented `Name: value` lines its headers. */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			rules.push({ path: line.trim(), headers: [] });
			continue;
		}
		const rule = rules.at(-1);
		const colon = line.indexOf(':');
		if (!rule || colon < 0)
			throw new Error(`_headers: header outside a rule or without a colon: "${line}"`);
		rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	}
	return rules;
}

/** The hosts' matching: `*` matches anything (slashes too), `:name` one path segment. */
export function matches(pattern: string, path: string): boolean {
	const source = pattern
		.split(/(\*|:[A-Za-z]\w*)/)
		.map((part) =>
			part === '*'
				? '.*'
				: part.startsWith(':')
					? '[^/]+'
					: part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
		)
		.join('');
	return new RegExp(`^${source}$`).test(path);
}

/** The headers for a path: every matching rule's, values of a repeated name joined with ", ". */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const rule of rules) {
		if (!matches(rule.path, path)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			out[key] = out[key] ? `${out[key]}, ${value}` : value;
		}
	}
	return out;
}

/**
 * Serves `dir` on a free port on 127.0.0.1 with the headers of `dir/_headers`; `compress` gzips
 * text as the hosts do (for tests that weigh bytes, such as Lighthouse's).
 */
export async function serveWithHeaders(
	dir: string,
	{ compress = false }: { compress?: boolean } = {}
): Promise<StaticServer & { rules: HeaderRule[] }> {
	const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
	const server = await serve(dir, {
		headers: (path, found) => headersFor(rules, found ? path : '/404.html'),
		compress,
	});
	return { ...server, rules };
}
