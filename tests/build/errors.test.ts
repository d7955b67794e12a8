/**
 * Bad input: each error of the contract's Errors section fails `npm run check` and `npm run build`
 * with a message naming the file and the field, every error in one run, and the content folder
 * byte-identical afterwards.
 */
import assert from 'node:assert/strict';
import {
	appendFileSync,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildSite, checkSite, OUT, ROOT, scratchCopy } from '../helpers/build.ts';
import { fingerprint } from '../helpers/files.ts';

const FIXTURE = 'tests/fixtures/site';

/** A way to break the fixture, and what the error must say. */
interface BadCase {
	name: string;
	break: (dir: string) => void;
	/** The file the message must name, relative to the content folder. */
	file: string;
	/** Text the report must contain (field, rule, suggestion). */
	expect: RegExp[];
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
	const path = join(ROOT, dir, file);
	const text = readFileSync(path, 'utf8');
	const next = text.replace(from, to);
	assert.notEqual(next, text, `fixture edit did nothing in ${file}`);
	writeFileSync(path, next);
}

/** An article outside the content folder, for a link to point at. */
function outsideArticle(): string {
	const dir = join(OUT, 'outside-content');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'linked-in.md');
	writeFileSync(file, '---\ntitle: Linked in\ndate: 2020-01-01\n---\n\n![](x.png)\n');
	return file;
}

const CASES: BadCase[] = [
	{
		name: 'a symbolic link to a file outside the content folder',
		break: (d) => symlinkSync(outsideArticle(), join(ROOT, d, 'articles/linked-in.md')),
		file: 'articles/linked-in.md',
		expect: [/symlink/, /is a symbolic link \(to .*linked-in\.md\)/, /replace the link by a copy/],
	},
	{
		name: 'an unknown product slug names the closest one',
		break: (d) =>
			edit(d, 'articles/html-title.md', 'products: [alpha-drone]', 'products: [alpha-dron]'),
		file: 'articles/html-title.md:5',
		expect: [/unknown-product/, /products\[0\]/, /did you mean "alpha-drone"/],
	},
	{
		name: 'an unknown audit slug names the closest one',
		break: (d) =>
			edit(d, 'articles/html-title.md', 'audits: [first-audit]', 'audits: [frist-audit]'),
		file: 'articles/html-title.md:6',
		expect: [/unknown-audit/, /audits\[0\]/, /did you mean "first-audit"/],
	},
	{
		name: 'an impossible calendar date',
		break: (d) => edit(d, 'articles/case-variant.md', 'date: 2020-07-03', 'date: 2021-02-30'),
		file: 'articles/case-variant.md:3',
		expect: [/invalid-date/, /date: "2021-02-30" does not exist/],
	},
	{
		name: 'updated before date',
		break: (d) => edit(d, 'articles/html-title.md', 'updated: 2020-07-10', 'updated: 2020-06-10'),
		file: 'articles/html-title.md:12',
		expect: [/date-order/, /updated: 2020-06-10 is before the date, 2020-07-02/],
	},
	{
		name: 'a missing image file',
		break: (d) => edit(d, 'articles/lead-image-story/index.md', './lead.png', './leed.png'),
		file: 'articles/lead-image-story/index.md:4',
		expect: [/missing-image/, /image: the image "\.\/leed\.png" does not exist/],
	},
	{
		name: 'an image without alt text',
		break: (d) => edit(d, 'articles/lead-image-story/index.md', /imageAlt: .*\n/, ''),
		file: 'articles/lead-image-story/index.md',
		expect: [/missing-alt/, /imageAlt: is required when `image` is set/],
	},
	{
		name: 'two articles with the same slug',
		break: (d) =>
			writeFileSync(
				join(ROOT, d, 'articles/filler-01.md'),
				readFileSync(join(ROOT, d, 'articles/2019/filler-01.md'))
			),
		file: 'articles/filler-01.md',
		expect: [/duplicate-slug/, /"filler-01"/, /articles\/2019\/filler-01\.md/],
	},
	{
		name: 'malformed YAML',
		break: (d) => edit(d, 'articles/mdx-story.mdx', 'tags: [Guides]', 'tags: [Guides'),
		file: 'articles/mdx-story.mdx',
		expect: [/yaml-syntax/, /the YAML cannot be read/],
	},
	{
		name: 'a missing required field',
		break: (d) => edit(d, 'articles/mdx-story.mdx', /title: .*\n/, ''),
		file: 'articles/mdx-story.mdx',
		expect: [/required-field/, /title: is required/],
	},
	{
		name: 'an unknown type names the closest one',
		break: (d) => edit(d, 'articles/mdx-story.mdx', 'type: guide', 'type: guid'),
		file: 'articles/mdx-story.mdx:4',
		expect: [/unknown-type/, /closest: "guide"/],
	},
	{
		name: 'a product without a manufacturer',
		break: (d) => edit(d, 'products/gamma-drone.yaml', /manufacturer: .*\n/, ''),
		file: 'products/gamma-drone.yaml',
		expect: [/required-field/, /manufacturer: is required/],
	},
	{
		name: 'a body link to a product page that does not exist',
		break: (d) =>
			edit(d, 'articles/2019/filler-02.md', 'Filler body 02.', 'See [it](/products/alpha-dron/).'),
		file: 'articles/2019/filler-02.md:8:5',
		expect: [/broken-link/, /no product "alpha-dron"/, /did you mean \/products\/alpha-drone\//],
	},
	{
		name: 'a body image without alt text',
		break: (d) =>
			edit(
				d,
				'articles/2019/filler-03.md',
				'Filler body 03.',
				'Look: ![](../lead-image-story/body.png)'
			),
		file: 'articles/2019/filler-03.md:8:7',
		expect: [/missing-alt/, /the image "\.\.\/lead-image-story\/body\.png" has no alt text/],
	},
	{
		name: 'an audit naming an unknown product',
		break: (d) => edit(d, 'audits/second-audit.yaml', '- gamma-drone', '- gama-drone'),
		file: 'audits/second-audit.yaml:5',
		expect: [/unknown-product/, /did you mean "gamma-drone"/],
	},
];

describe('npm run check', () => {
	for (const bad of CASES) {
		test(`fails on ${bad.name}, naming the file and field`, () => {
			const dir = scratchCopy(FIXTURE, 'check');
			bad.break(dir);
			const before = fingerprint(join(ROOT, dir));
			const result = checkSite(dir);
			assert.equal(result.status, 1, result.output);
			assert.ok(
				result.stderr.includes(`${dir}/${bad.file}`),
				`names ${dir}/${bad.file}:\n${result.output}`
			);
			for (const pattern of bad.expect) assert.match(result.stderr, pattern);
			assert.deepEqual(fingerprint(join(ROOT, dir)), before, 'the check changed content files');
		});
	}

	test('reports a folder link loop once, quickly, without following it', () => {
		const dir = scratchCopy(FIXTURE, 'check-loop');
		symlinkSync('..', join(ROOT, dir, 'articles/loop'));
		symlinkSync(join(ROOT, 'node_modules'), join(ROOT, dir, 'products/modules'));
		const started = Date.now();
		const result = checkSite(dir);
		assert.equal(result.status, 1, result.output);
		assert.ok(Date.now() - started < 20_000, 'the check ran long: it followed a link');
		assert.equal(result.stderr.match(/error {2}symlink/g)?.length, 2, result.stderr);
		assert.match(
			result.stderr,
			new RegExp(`${dir}/articles/loop .*is a symbolic link \\(to \\.\\.\\)`)
		);
		assert.doesNotMatch(result.stderr, /duplicate-slug/);
		rmSync(join(ROOT, dir), { recursive: true, force: true });
	});

	test('passes on valid content', () => {
		const result = checkSite(FIXTURE);
		assert.equal(result.status, 0, result.output);
		assert.match(result.stdout, /is valid/);
	});
});

describe('npm run build', () => {
	test('fails before writing any page, listing every error at once, content untouched', () => {
		const dir = scratchCopy(FIXTURE, 'build');
		// One break per file: a YAML error in a file hides that file's other problems.
		const files = new Set<string>();
		const cases = CASES.filter((bad) => {
			const file = bad.file.split(':')[0] ?? '';
			if (files.has(file)) return false;
			files.add(file);
			return true;
		});
		assert.ok(cases.length >= 7);
		for (const bad of cases) bad.break(dir);
		appendFileSync(join(ROOT, dir, 'products/beta-drone.yml'), 'colour: grey\n');
		const before = fingerprint(join(ROOT, dir));
		const result = buildSite(dir, 'bad-build');
		assert.notEqual(result.status, 0, result.output);
		for (const bad of cases) {
			assert.ok(
				result.output.includes(`${dir}/${bad.file}`),
				`build names ${bad.file}:\n${result.output}`
			);
		}
		assert.match(result.output, /unknown-field {2}colour:/);
		assert.match(result.output, /\d+ errors in \d+ files in the content\. Nothing was built\./);
		// The report, not Hangar's internals: no stack trace, not even its empty heading.
		assert.doesNotMatch(result.output, /Stack trace|^\s+at /m);
		assert.equal(existsSync(join(result.outDir, 'index.html')), false);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before, 'the build changed content files');
		rmSync(join(ROOT, dir), { recursive: true, force: true });
	});
});
