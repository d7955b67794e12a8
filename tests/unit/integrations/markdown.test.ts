import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hastPlugins, pluginSources } from '../../../src/integrations/markdown.ts';

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

test('the digest covers every Hangar file the plugins import, however deep', () => {
	const files = pluginSources().map((url) => url.pathname.replace(/^.*\/src\//, 'src/'));
	for (const file of [
		'src/integrations/prose-a11y.ts',
		'src/integrations/body-images.ts',
		'src/publish/article-images.ts', // the widths and sizes, imported by the plugin
		'src/model/image-files.ts', // which images get an AVIF source, imported by that
		'src/model/fields.ts',
	]) {
		assert.ok(files.includes(file), `${file} is not among ${files.join(', ')}`);
	}
});
