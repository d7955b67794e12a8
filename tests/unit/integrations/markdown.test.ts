import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hastPlugins } from '../../../src/integrations/markdown.ts';

test('the Markdown plugins carry a digest of their code in what Astro compares to keep its content store', () => {
	assert.deepEqual(
		hastPlugins.map((plugin) => plugin.name),
		['hangar-prose-a11y', 'hangar-body-images']
	);
	for (const plugin of hastPlugins) {
		// Astro compares the config as JSON: functions drop out, the digest stays.
		const json = JSON.parse(JSON.stringify(plugin)) as { revision?: unknown };
		assert.match(String(json.revision), /^[0-9a-f]{16}$/, plugin.name);
	}
});
