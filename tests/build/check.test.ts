/**
 * `npm run check` as a linter, on tests/fixtures/lint (one file or more per rule): every finding
 * with its file, line, column, severity, rule and message, in text and as JSON; exit code 1 only
 * on errors (warnings and scheduled articles never fail); nothing written.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { JsonProblem } from '../../src/check/report.ts';
import { ROOT, run, scratchCopy } from '../helpers/build.ts';
import { fingerprint } from '../helpers/files.ts';

const FIXTURE = 'tests/fixtures/lint';
const BUILD_TIME = '2024-06-01T12:00:00Z';

function check(dir: string, ...args: string[]) {
	return run(['scripts/check.ts', ...args], {
		HANGAR_CONTENT_DIR: dir,
		HANGAR_BUILD_TIME: BUILD_TIME,
	});
}

/** Every finding the fixture must produce: [file, line, column, severity, rule, message]. */
const EXPECTED: [string, number, number, string, string, RegExp][] = [
	[
		'articles/broken-body.md',
		9,
		1,
		'error',
		'missing-alt',
		/the image "\.\/photo\.png" has no alt text/,
	],
	[
		'articles/broken-body.md',
		11,
		33,
		'error',
		'missing-alt',
		/the image "https:\/\/images\.example\.com\/a\.jpg" has no alt text/,
	],
	[
		'articles/broken-body.md',
		13,
		54,
		'error',
		'missing-image',
		/"\.\/missing\.png" does not exist/,
	],
	[
		'articles/broken-body.md',
		15,
		10,
		'error',
		'broken-link',
		/links to \/articles\/no-such-story\/, but there is no article "no-such-story"/,
	],
	['articles/broken-body.md', 15, 50, 'error', 'broken-link', /no product "used-dron"/],
	['articles/broken-body.md', 16, 1, 'error', 'broken-link', /no audit "nope"/],
	['articles/broken-body.md', 16, 31, 'error', 'broken-link', /no tag "no-such-tag"/],
	[
		'articles/broken-body.md',
		17,
		1,
		'error',
		'broken-link',
		/links to https:\/\/news\.northwind-drones\.example\/articles\/long-descripton\//,
	],
	[
		'articles/long-description.md',
		5,
		1,
		'warning',
		'description-length',
		/description: is 190 characters long/,
	],
	['articles/scheduled-story.md', 3, 1, 'info', 'scheduled', /date: scheduled for 2099-01-01/],
	[
		'articles/small-lead/index.md',
		4,
		1,
		'warning',
		'updated-equals-date',
		/updated: is the same as the date/,
	],
	[
		'articles/small-lead/index.md',
		5,
		1,
		'warning',
		'small-image',
		/"\.\/lead\.png" is 800 px wide/,
	],
	[
		'articles/tag-variants.md',
		4,
		14,
		'warning',
		'tag-variant',
		/tags\[1\]: "data {2}security" is written "Data Security" 3 times elsewhere/,
	],
	[
		'articles/tag-variants.md',
		4,
		30,
		'warning',
		'tag-variant',
		/"DataSecurity" .* gets a page of its own, \/tags\/datasecurity\//,
	],
	['audits/unused-audit.yaml', 1, 1, 'warning', 'unused-audit', /no article mentions the audit/],
	[
		'products/unused-drone.yaml',
		1,
		1,
		'warning',
		'unused-product',
		/no article mentions the product/,
	],
];

describe('npm run check as a linter', () => {
	test('reports every rule at its file, line and column, and fails on the errors', () => {
		const before = fingerprint(join(ROOT, FIXTURE));
		const result = check(FIXTURE);
		assert.equal(result.status, 1, result.output);
		for (const [file, line, column, severity, rule, message] of EXPECTED) {
			const head = `${FIXTURE}/${file}:${line}:${column}  ${severity}  ${rule}  `;
			const found = result.stderr.split('\n').find((l) => l.startsWith(head));
			assert.ok(found, `expected a line starting "${head}" in:\n${result.stderr}`);
			assert.match(found, message);
		}
		assert.match(result.stderr, /fix: did you mean \/products\/used-drone\/\?/);
		assert.match(result.stderr, /fix: did you mean \/articles\/long-description\/\?/);
		assert.match(result.stderr, /8 errors in 1 file in the content\./);
		assert.deepEqual(fingerprint(join(ROOT, FIXTURE)), before, 'the check wrote into content');
	});

	test('prints the same findings as a JSON array with --format json', () => {
		const result = check(FIXTURE, '--format', 'json');
		assert.equal(result.status, 1, result.stderr);
		const rows = JSON.parse(result.stdout) as JsonProblem[];
		assert.deepEqual(
			rows.map((r) => [r.file, r.line, r.column, r.severity, r.rule]),
			EXPECTED.map(([file, line, column, severity, rule]) => [
				`${FIXTURE}/${file}`,
				line,
				column,
				severity,
				rule,
			])
		);
		rows.forEach((row, i) => assert.match(row.message, EXPECTED[i]?.[5] ?? /^$/));
		const product = rows.find((r) => r.rule === 'broken-link' && /used-dron/.test(r.message));
		assert.equal(product?.field, null);
		assert.match(product?.fix ?? '', /did you mean \/products\/used-drone\//);
	});

	test('passes with warnings only, printing them, and exit code 0', () => {
		const dir = scratchCopy(FIXTURE, 'lint-warnings');
		rmSync(join(ROOT, dir, 'articles/broken-body.md'));
		const result = check(dir);
		assert.equal(result.status, 0, result.output);
		assert.match(result.stdout, /small-lead\/index\.md:5:1 {2}warning {2}small-image/);
		assert.match(result.stdout, /scheduled-story\.md:3:1 {2}info {2}scheduled/);
		assert.match(result.stdout, /is valid: no errors, 7 warnings, 1 article scheduled\./);
		const json = check(dir, '--format', 'json');
		assert.equal(json.status, 0);
		assert.equal((JSON.parse(json.stdout) as JsonProblem[]).length, 8);
	});

	test('refuses an unknown option with exit code 2', () => {
		const result = check(FIXTURE, '--format', 'xml');
		assert.equal(result.status, 2);
		assert.match(result.stderr, /unknown format "xml"/);
	});

	test('finds no errors in the sample content', () => {
		const result = run(['scripts/check.ts', '--format', 'json'], { HANGAR_CONTENT_DIR: 'content' });
		const errors = (JSON.parse(result.stdout) as JsonProblem[]).filter(
			(p) => p.severity === 'error'
		);
		assert.deepEqual(errors, []);
		assert.equal(result.status, 0);
	});
});
