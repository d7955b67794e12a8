import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RecentIndexes } from '../../../src/integrations/search-dev.ts';

const index = (...names: string[]) =>
	new Map(names.map((name) => [name, new TextEncoder().encode(name)]));

test('the dev server serves the files of its last few indexes, and forgets older ones', () => {
	const recent = new RecentIndexes(2);
	const first = index('entry.json', 'chunk-a');
	recent.use(first).use(first);
	recent.use(index('entry.json', 'chunk-b'));
	// A page that read the first index's entry still gets that index's chunks.
	assert.ok(recent.get('chunk-a'));
	assert.equal(new TextDecoder().decode(recent.get('entry.json')), 'entry.json');
	recent.use(index('entry.json', 'chunk-c'));
	assert.equal(recent.get('chunk-a'), undefined);
	assert.ok(recent.get('chunk-b'));
	assert.ok(recent.get('chunk-c'));
});
