/**
 * `npm run new -- "Title" [--type statement] [--product slug]… [--audit slug]… [--tag name]…
 * [--slug slug]`: writes `<content>/articles/<slug>.md`, a draft with valid front matter and
 * today's date (HANGAR_BUILD_TIME fixes "today" for tests), and prints its path and address.
 * Never overwrites: an existing slug is an error and nothing is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildTime, CONTENT_DIR } from '../src/environment.ts';
import { readContent } from '../src/check/read.ts';
import { newArticle } from '../src/import/new-article.ts';
import { absoluteUrl, articleUrl } from '../src/model/urls.ts';
import { articleSlugOf, dataSlugOf } from '../src/model/slugs.ts';
import { SITE } from '../src/site.config.ts';
import { fail, parseCommandLine } from './cli.ts';

const USAGE =
	'usage: npm run new -- "Title of the article" [--type news|statement|guide] [--product slug]… [--audit slug]… [--tag name]… [--author slug] [--slug slug]';

const parsed = parseCommandLine(
	{
		allowPositionals: true,
		options: {
			type: { type: 'string' },
			product: { type: 'string', multiple: true, default: [] },
			audit: { type: 'string', multiple: true, default: [] },
			tag: { type: 'string', multiple: true, default: [] },
			slug: { type: 'string' },
			author: { type: 'string' },
		},
	},
	USAGE
);
const { values, positionals } = parsed;
if (positionals.length !== 1) {
	fail(
		[
			positionals.length === 0
				? 'no title given'
				: `${positionals.length} titles given (${positionals.map((p) => `"${p}"`).join(', ')}): put the title in quotes`,
			USAGE,
		],
		2
	);
}

const root = process.cwd();
const content = readContent(root, CONTENT_DIR);
const result = newArticle(
	{
		title: positionals[0] ?? '',
		slug: values.slug,
		type: values.type,
		products: values.product,
		audits: values.audit,
		tags: values.tag,
		author: values.author,
	},
	{
		now: buildTime(),
		timeZone: SITE.timeZone,
		productSlugs: content.products.map((f) => dataSlugOf(f.path)),
		auditSlugs: content.audits.map((f) => dataSlugOf(f.path)),
		authorSlugs: (content.authors ?? []).map((f) => dataSlugOf(f.path)),
		articles: new Map(content.articles.map((f) => [articleSlugOf(f.path), f.path])),
		contentDir: CONTENT_DIR,
	}
);
if (!result.ok) fail([...result.errors.map((e) => `error: ${e}`), 'Nothing was written.']);

const file = join(root, result.path);
mkdirSync(dirname(file), { recursive: true });
try {
	// `wx`: even a file that appeared since the check above is never overwritten.
	writeFileSync(file, result.text, { flag: 'wx' });
} catch (error) {
	if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	fail([`error: ${result.path} already exists; nothing was written.`]);
}
console.log(`Wrote ${result.path}`);
console.log(
	`Its address will be ${absoluteUrl(SITE.url, articleUrl(result.slug))} once you remove \`draft: true\`.`
);
