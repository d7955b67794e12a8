/**
 * `npm run new`: writes a draft article that `npm run check` accepts, with today's date from the
 * build clock, prints its path and address, refuses to overwrite and refuses unknown slugs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkSite, ROOT, run, scratchCopy } from '../helpers/build.ts';
import { fingerprint } from '../helpers/files.ts';

function newArticle(dir: string, ...args: string[]) {
	return run(['scripts/new.ts', ...args], {
		HANGAR_CONTENT_DIR: dir,
		// 23:30 UTC is already the next day in the site's time zone (Europe/London, summer time).
		HANGAR_BUILD_TIME: '2024-06-01T23:30:00Z',
	});
}

describe('npm run new', () => {
	const dir = scratchCopy('tests/fixtures/site', 'new');
	const file = 'articles/alpha-drone-firmware-tested.md';

	test('writes a draft with valid front matter that npm run check accepts', () => {
		const result = newArticle(
			dir,
			'Alpha Drone firmware, tested',
			'--type',
			'statement',
			'--product',
			'alpha-drone',
			'--audit',
			'first-audit',
			'--tag',
			'Data Security',
			'--tag',
			'Firmware'
		);
		assert.equal(result.status, 0, result.output);
		assert.match(result.stdout, new RegExp(`Wrote ${dir}/${file}`));
		assert.match(
			result.stdout,
			/https:\/\/news\.northwind-drones\.example\/articles\/alpha-drone-firmware-tested\//
		);
		const text = readFileSync(join(ROOT, dir, file), 'utf8');
		assert.match(
			text,
			/^---\ntitle: Alpha Drone firmware, tested\ndate: 2024-06-02\nproducts:\n {2}- alpha-drone\naudits:\n {2}- first-audit\ntags:\n {2}- Data Security\n {2}- Firmware\ntype: statement\ndraft: true\n---\n/
		);
		const check = checkSite(dir);
		assert.equal(check.status, 0, check.output);
		assert.doesNotMatch(check.output, /alpha-drone-firmware-tested/);
	});

	test('refuses to overwrite an article with the same slug', () => {
		const before = fingerprint(join(ROOT, dir));
		const result = newArticle(dir, 'Alpha Drone Firmware – Tested!');
		assert.equal(result.status, 1, result.output);
		assert.match(result.stderr, new RegExp(`${dir}/${file} already has the slug`));
		assert.match(result.stderr, /Nothing was written/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});

	test('refuses unknown product, audit and type, naming the closest', () => {
		const before = fingerprint(join(ROOT, dir));
		const result = newArticle(
			dir,
			'Another story',
			'--product',
			'alpha-dron',
			'--audit',
			'frist-audit',
			'--type',
			'gide'
		);
		assert.equal(result.status, 1, result.output);
		assert.match(result.stderr, /--product "alpha-dron": .*did you mean "alpha-drone"\?/);
		assert.match(result.stderr, /--audit "frist-audit": .*did you mean "first-audit"\?/);
		assert.match(result.stderr, /--type "gide" is not an article type.*did you mean "guide"\?/);
		assert.deepEqual(fingerprint(join(ROOT, dir)), before);
	});

	test('asks for quotes when the title is several arguments', () => {
		const result = newArticle(dir, 'Two', 'words');
		assert.equal(result.status, 2);
		assert.match(result.stderr, /put the title in quotes/);
	});
});
