/**
 * `npm run import -- <file|folder> [--dry-run] [--download-images] [--skip-invalid]`: moves an
 * existing blog in. Reads RSS and Atom feeds, WordPress exports (WXR) and saved HTML pages, writes
 * one article per post into `<content>/articles/`, and adds a redirect from each old address on the
 * blog's own site to `<content>/redirects.yaml`. Never overwrites a file; a second run with the
 * same input changes nothing; malformed input writes nothing and names every bad post, unless
 * `--skip-invalid` imports the rest and lists what it skipped. `--dry-run` only shows. A write that
 * fails takes back the files this run wrote.
 */
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { imageSize } from 'image-size';
import { isSeq, parseDocument } from 'yaml';
import { CONTENT_DIR } from '../src/environment.ts';
import { readContent, readContentRedirects } from '../src/check/read.ts';
import { parseSource, type ImportEntry } from '../src/import/feed.ts';
import { htmlToMarkdown } from '../src/import/html.ts';
import {
	appendRedirects,
	articleText,
	isSitePath,
	linkKey,
	newAuthorFiles,
	planImport,
} from '../src/import/plan.ts';
import { decodeSource } from '../src/import/source-text.ts';
import { REDIRECTS_FILE } from '../src/check/redirects-file.ts';
import { articleSlugOf } from '../src/model/slugs.ts';
import { errorReport, fail, parseCommandLine, reportUncaught } from './cli.ts';

reportUncaught('import');

const USAGE =
	'usage: npm run import -- <feed, export or HTML file | folder> [--dry-run] [--download-images] [--skip-invalid]';
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
			'skip-invalid': { type: 'boolean', default: false },
		},
	},
	USAGE
);
const dryRun = parsed.values['dry-run'];
const download = parsed.values['download-images'];
const skipInvalid = parsed.values['skip-invalid'];
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

// Read every post first: one bad post anywhere and nothing is written (unless --skip-invalid).
const entries: ImportEntry[] = [];
const errors: string[] = [];
const skipped: string[] = [];
const warnings: string[] = [];
for (const file of sources) {
	const name = relative(root, file).split(sep).join('/');
	let bytes: Uint8Array;
	try {
		bytes = readFileSync(file);
	} catch (error) {
		errors.push(errorReport(error));
		continue;
	}
	const source = decodeSource(bytes, name);
	warnings.push(...source.warnings);
	if (source.error) {
		errors.push(source.error);
		continue;
	}
	const result = parseSource(source.text, name);
	entries.push(...result.entries);
	errors.push(...result.errors);
	skipped.push(...result.skipped);
	warnings.push(...result.warnings);
}
if (errors.length && skipInvalid) {
	skipped.push(...errors.map((e) => `${e} (--skip-invalid)`));
} else if (errors.length) {
	fail([
		...errors.map((e) => `error: ${e}`),
		'',
		`${errors.length} problem(s) in the input. Nothing was imported: fix them, or run again with --skip-invalid to import the rest.`,
	]);
}

/** The first path segment of every route and public file of the site: paths it serves. */
function siteTopLevel(): Set<string> {
	const names = new Set<string>();
	for (const folder of ['src/pages', 'public']) {
		if (!existsSync(join(root, folder))) continue;
		for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
			const name =
				folder === 'public' ? entry.name : entry.name.replace(/\.(astro|md|mdx|ts|js)$/, '');
			if (name !== 'index' && !name.startsWith('[')) names.add(name);
		}
	}
	return names;
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
const topLevel = siteTopLevel();
const plan = planImport(entries, {
	articles: new Map(content.articles.map((f) => [articleSlugOf(f.path), f.path])),
	redirects: readContentRedirects(root, CONTENT_DIR).rules,
	isSitePath: (path) => isSitePath(path, topLevel),
});
for (const line of plan.unredirected) warnings.push(`${line}; imported without a redirect`);

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
/** Images the old blog gave no alt text, per article slug: the to-do list the import prints. */
const imagesWithoutAlt = new Map<string, number>();
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
	const withoutAlt = markdown.match(/!\[\]\(/g)?.length ?? 0;
	if (withoutAlt) imagesWithoutAlt.set(slug, withoutAlt);
	const path = local.size
		? `${CONTENT_DIR}/articles/${slug}/index.md`
		: `${CONTENT_DIR}/articles/${slug}.md`;
	outputs.push({ path, data: articleText(entry, markdown) }, ...images);
}
const redirectsNext = appendRedirects(redirectsText, plan.redirects);
// Bylines are author slugs: a byline without an author file gets one with the name it had.
for (const { slug, text } of newAuthorFiles(
	plan.articles.map((a) => a.entry),
	(author) => existsSync(join(root, `${CONTENT_DIR}/authors/${author}.yaml`))
)) {
	outputs.push({ path: `${CONTENT_DIR}/authors/${slug}.yaml`, data: text });
}

// Refuse before writing anything if any target is there already (a folder of the same name, say).
const clashes = outputs.filter((o) => existsSync(join(root, o.path)));
if (clashes.length) {
	fail([
		...clashes.map((o) => `error: ${o.path} already exists and is never overwritten`),
		'Nothing was imported: move those files, or remove those posts from the input.',
	]);
}

/**
 * Writes every file, and `redirects.yaml` last; when a write fails (a full disk, a folder it may
 * not write), removes what this run wrote, so the content is as it was, and says why.
 */
function writeAll(): void {
	const redirectsTemporary = join(root, CONTENT_DIR, `.${REDIRECTS_FILE}.import.tmp`);
	const written: string[] = [];
	const folders: string[] = [];
	let current = '';
	try {
		for (const output of outputs) {
			current = output.path;
			const folder = dirname(join(root, output.path));
			if (!existsSync(folder)) folders.push(folder);
			mkdirSync(folder, { recursive: true });
			writeFileSync(join(root, output.path), output.data, { flag: 'wx' });
			written.push(join(root, output.path));
		}
		current = redirectsPath;
		if (redirectsNext !== undefined) {
			// Through a temporary file: the dealer's own redirects are never left cut short.
			writeFileSync(redirectsTemporary, redirectsNext);
			renameSync(redirectsTemporary, join(root, redirectsPath));
		}
	} catch (error) {
		try {
			rmSync(redirectsTemporary, { force: true });
		} catch {
			// Not a file this run made (a folder of that name): left as it is.
		}
		for (const file of written) rmSync(file, { force: true });
		for (const folder of folders.reverse()) rmSync(folder, { recursive: true, force: true });
		fail([
			`error: could not write ${current}: ${errorReport(error)}`,
			`Nothing was imported: the ${written.length} file(s) written before it were removed again. Fix that and run the import again.`,
		]);
	}
}

if (!dryRun) writeAll();
const verb = dryRun ? 'Would write' : 'Wrote';
for (const output of outputs) console.log(`${verb} ${output.path}`);
if (redirectsNext !== undefined) {
	console.log(
		`${dryRun ? 'Would add' : 'Added'} ${plan.redirects.length} redirect(s) to ${redirectsPath}:`
	);
	for (const r of plan.redirects) console.log(`  ${r.from} → ${r.to}`);
}
for (const line of [...skipped, ...plan.skipped]) console.log(`Skipped ${line}`);
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (imagesWithoutAlt.size) {
	const count = [...imagesWithoutAlt.values()].reduce((a, b) => a + b, 0);
	console.warn(
		`to do: ${count} imported image(s) in ${imagesWithoutAlt.size} article(s) have no alt text (${[...imagesWithoutAlt.keys()].join(', ')}). The site builds meanwhile; \`npm run check\` lists every one (warning missing-alt-imported) with its line until it is described.`
	);
}
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
