import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unwatchedBy } from '../../../src/environment.ts';

describe('what astro dev watches', () => {
	const unwatched = unwatchedBy(`${process.cwd()}/content`);
	test('the site code and its content, not build output, benchmark corpora or test scratch', () => {
		assert.equal(unwatched('src/pages/index.astro'), false);
		assert.equal(unwatched('content/articles/a.md'), false);
		assert.equal(unwatched('dist/articles/a/index.html'), true);
		assert.equal(unwatched('bench/work/5000/dist/index.html'), true);
		assert.equal(unwatched('tests/.out/site/index.html'), true);
	});

	test('a content folder inside a scratch folder, and the folders above it, stay watched', () => {
		const inBench = unwatchedBy(`${process.cwd()}/bench/work/1000/content`);
		assert.equal(inBench('bench/work/1000/content/articles/a.md'), false);
		assert.equal(inBench('bench/work/1000'), false);
		assert.equal(inBench('bench/work'), false);
		assert.equal(inBench('bench/work/1000/dist/index.html'), true);
		assert.equal(inBench('bench/work/5000/content/articles/a.md'), true);
	});
});
