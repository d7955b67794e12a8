/**
 * `npm run import -- <file|folder> [--dry-run] [--download-images]`: moves an existing blog in.
 * Reads RSS and Atom feeds, WordPress exports (WXR) and saved HTML pages, writes one article per
 * post into `<content>/articles/`, and adds a redirect from each old address to
 * `<content>/redirects.yaml`. Never overwrites a file; a second run with the same input changes
 * nothing; malformed input writes nothing and names every bad post. `--dry-run` only shows.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import { isSeq, parseDocument } from 'yaml';
import { CONTENT_DIR } from '../src/environment.ts';
import { readContent, readContentRedirects } from '../src/check/read.ts';
import { parseSource, type ImportEntry } from '../src/import/feed.ts';
import { htmlToMarkdown } from '../src/import/html.ts';
import { appendRedirects, articleText, linkKey, planImport } from '../src/import/plan.ts';
import { REDIRECTS_FILE } from '../src/check/redirects-file.ts';
import { articleSlugOf } from '../src/model/slugs.ts';
import { fail, parseCommandLine } from './cli.ts';

const USAGE =
	'usage: npm run import -- <feed, export or HTML file | folder> [--dry-run] [--download-images]';
const SOURCE_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.html', '.htm']);
/** Image types the site's pipeline publishes; SVG is left remote, as it can carry scripts. */
const IMAGE_TYPES: Record<string, string> = {
	jpg: '.jpg',
	png: '.png',
	webp: '.webp',
	gif: '.gif',
	avif: '.avif',
};
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;

const parsed = parseCommandLine(
	{
		allowPositionals: true,
		options: {
			'dry-run': { type: 'boolean', default: false },
			'download-images': { type: 'boolean', default: false },
		},
	},
	USAGE
);
const dryRun = parsed.values['dry-run'];
const download = parsed.values['download-images'];
if (parsed.positionals.length !== 1) fail(['give one file or folder to import', USAGE], 2);

const root = process.cwd();
const input = resolve(parsed.positionals[0] ?? '');
if (!existsSync(input)) fail([`${parsed.positionals[0]}: no such file or folder`, USAGE], 2);
const sources = statSync(input).isDirectory()
	? readdirSync(input, { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && SOURCE_EXTENSIONS.has(extname(e.name).toLowerCase()))
			.map((e) => join(e.parentPath, e.name))
			.sort()
	: [input];
if (sources.length === 0)
	fail([`${parsed.positionals[0]}: no .xml, .rss, .atom or .html files in it`]);

// Read every post first: one bad post anywhere and nothing is written.
const entries: ImportEntry[] = [];
const errors: string[] = [];
const skipped: string[] = [];
for (const file of sources) {
	const name = relative(root, file).split(sep).join('/');
	const result = parseSource(readFileSync(file, 'utf8'), name);
	entries.push(...result.entries);
	errors.push(...result.errors);
	skipped.push(...result.skipped);
}
if (errors.length) {
	fail([
		...errors.map((e) => `error: ${e}`),
		'',
		`${errors.length} bad post(s). Nothing was imported.`,
	]);
}

const content = readContent(root, CONTENT_DIR);
const redirectsPath = `${CONTENT_DIR}/${REDIRECTS_FILE}`;
const redirectsText = existsSync(join(root, redirectsPath))
	? readFileSync(join(root, redirectsPath), 'utf8')
	: undefined;
if (redirectsText !== undefined) {
	const doc = parseDocument(redirectsText);
	if (
		doc.errors.length ||
		(doc.contents !== null && !(isSeq(doc.contents) && !doc.contents.flow))
	) {
		fail([
			`error: ${redirectsPath} is not a list of redirects this import can add to; run \`npm run check\` to see why.`,
			'Nothing was imported.',
		]);
	}
}
const plan = planImport(entries, {
	articles: new Map(content.articles.map((f) => [articleSlugOf(f.path), f.path])),
	redirects: readContentRedirects(root, CONTENT_DIR).rules,
});

const rewriteLink = (url: string) => {
	const key = linkKey(url);
	return (key && plan.links.get(key)) ?? url;
};

/** Downloads an image; the reason it could not be, when it could not. */
async function fetchImage(url: string): Promise<{ bytes: Uint8Array; ext: string } | string> {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
		if (!response.ok) return `HTTP ${response.status}`;
		const bytes = new Uint8Array(await response.arrayBuffer());
		if (bytes.length > MAX_IMAGE_BYTES) return `larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
		let type: string | undefined;
		try {
			type = imageSize(bytes).type;
		} catch {
			return 'not an image';
		}
		const ext = type ? IMAGE_TYPES[type] : undefined;
		return ext ? { bytes, ext } : `a ${type ?? 'unknown'} image, which the site does not publish`;
	} catch (error) {
		return (error as Error).message;
	}
}

/** A file name for a downloaded image, from its address, unique in its folder. */
function imageName(url: string, ext: string, used: Set<string>): string {
	const stem =
		basename(new URL(url).pathname, extname(new URL(url).pathname))
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'image';
	let name = `${stem}${ext}`;
	for (let n = 2; used.has(name); n++) name = `${stem}-${n}${ext}`;
	used.add(name);
	return name;
}

interface Output {
	path: string;
	data: string | Uint8Array;
}

const outputs: Output[] = [];
const warnings: string[] = [];
const remoteOrigins = new Set<string>();
for (const { entry, slug } of plan.articles) {
	const first = htmlToMarkdown(entry.html, { base: entry.base, rewriteLink });
	for (const note of first.notes) warnings.push(`${entry.label}: ${note}`);
	const local = new Map<string, string>();
	const images: Output[] = [];
	if (download && !dryRun) {
		const used = new Set<string>();
		for (const url of new Set(first.images)) {
			const result = await fetchImage(url);
			if (typeof result === 'string') {
				warnings.push(
					`${entry.label}: could not download ${url} (${result}); it stays a remote image`
				);
				continue;
			}
			const name = imageName(url, result.ext, used);
			local.set(url, `./${name}`);
			images.push({ path: `${CONTENT_DIR}/articles/${slug}/${name}`, data: result.bytes });
		}
	}
	for (const url of first.images) if (!local.has(url)) remoteOrigins.add(new URL(url).origin);
	const markdown = local.size
		? htmlToMarkdown(entry.html, {
				base: entry.base,
				rewriteLink,
				rewriteImage: (url) => local.get(url) ?? url,
			}).markdown
		: first.markdown;
	const path = local.size
		? `${CONTENT_DIR}/articles/${slug}/index.md`
		: `${CONTENT_DIR}/articles/${slug}.md`;
	outputs.push({ path, data: articleText(entry, markdown) }, ...images);
}
const redirectsNext = appendRedirects(redirectsText, plan.redirects);

// Refuse before writing anything if any target is there already (a folder of the same name, say).
const clashes = outputs.filter((o) => existsSync(join(root, o.path)));
if (clashes.length) {
	fail([
		...clashes.map((o) => `error: ${o.path} already exists and is never overwritten`),
		'Nothing was imported: move those files, or remove those posts from the input.',
	]);
}

const verb = dryRun ? 'Would write' : 'Wrote';
for (const output of outputs) {
	if (!dryRun) {
		mkdirSync(dirname(join(root, output.path)), { recursive: true });
		writeFileSync(join(root, output.path), output.data, { flag: 'wx' });
	}
	console.log(`${verb} ${output.path}`);
}
if (redirectsNext !== undefined) {
	if (!dryRun) writeFileSync(join(root, redirectsPath), redirectsNext);
	console.log(
		`${dryRun ? 'Would add' : 'Added'} ${plan.redirects.length} redirect(s) to ${redirectsPath}:`
	);
	for (const r of plan.redirects) console.log(`  ${r.from} → ${r.to}`);
}
for (const line of [...skipped, ...plan.skipped]) console.log(`Skipped ${line}`);
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (remoteOrigins.size) {
	console.warn(
		`warning: images stay on ${[...remoteOrigins].join(', ')}. The site's Content-Security-Policy only shows images from the site itself: add those origins to cspAdditions['img-src'] in src/site.config.ts${download ? '' : ', or run again with --download-images to copy the images beside the articles'}.`
	);
}
if (dryRun && download) console.log('A dry run downloads no images.');
const count = plan.articles.length;
console.log(
	count === 0
		? 'Nothing to import: every post is already here.'
		: `${dryRun ? 'Dry run: would import' : 'Imported'} ${count} ${count === 1 ? 'post' : 'posts'}${dryRun ? '; nothing was written.' : '. Run `npm run check` to review them.'}`
);
