import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageKey, withPageKeys } from '../../../src/publish/page-keys.ts';
import { makeArticle } from '../../helpers/factories.ts';

test('a page keeps its key while its data is the same, and gets a new one when any of it changes', () => {
	const article = makeArticle({ slug: 'a', title: 'A', digest: 'd1' });
	const related = [makeArticle({ slug: 'b', title: 'B', digest: 'd2' })];
	const key = pageKey({ article, related });
	assert.equal(pageKey({ article: { ...article }, related: [...related] }), key);
	assert.notEqual(pageKey({ article: { ...article, digest: 'd1-edited' }, related }), key);
	assert.notEqual(pageKey({ article, related: [{ ...related[0], title: 'B, renamed' }] }), key);
	assert.notEqual(pageKey({ article, related: [] }), key);
});

test('reads Maps and Sets by their contents', () => {
	assert.notEqual(pageKey(new Map([['x', 1]])), pageKey(new Map([['x', 2]])));
	assert.notEqual(pageKey(new Set(['a'])), pageKey(new Set(['b'])));
	assert.equal(pageKey(new Set(['a'])), pageKey(new Set(['a'])));
});

test('keys every path of getStaticPaths by its props', () => {
	const paths = withPageKeys([
		{ params: { page: undefined }, props: { n: 1 } },
		{ params: { page: '2' }, props: { n: 2 } },
	]);
	assert.equal(paths[0]?.cacheKey, pageKey({ n: 1 }));
	assert.notEqual(paths[0]?.cacheKey, paths[1]?.cacheKey);
	assert.deepEqual(paths[1]?.params, { page: '2' });
});
