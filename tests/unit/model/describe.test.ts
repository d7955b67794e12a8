import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { docFromModel, MODEL_DOCS } from '../../../scripts/docs.ts';
import { describeModel, fieldTable, withFieldTables } from '../../../src/model/describe.ts';

describe('the model described', () => {
	for (const file of MODEL_DOCS) {
		test(`${file} has the tables the schemas make (run \`npm run docs\` if not)`, async () => {
			const text = readFileSync(file, 'utf8');
			assert.equal(await docFromModel(file, text), text);
		});
	}

	test('lists every kind of content file and its fields in declaration order', () => {
		const model = describeModel();
		assert.deepEqual(Object.keys(model), ['articles', 'products', 'audits', 'authors', 'comments']);
		assert.deepEqual(
			model['comments']?.map((f) => f.name),
			['name', 'date', 'body', 'replyTo']
		);
	});

	test('says what an editor needs: required, default, options, relation', () => {
		const fields = new Map(describeModel()['articles']?.map((f) => [f.name, f]));
		assert.equal(fields.get('title')?.required, true);
		assert.equal(fields.get('title')?.kind, 'text');
		assert.deepEqual(fields.get('type')?.options, ['news', 'statement', 'guide']);
		assert.equal(fields.get('type')?.default, 'news');
		assert.equal(fields.get('products')?.kind, 'references');
		assert.equal(fields.get('products')?.collection, 'products');
		assert.equal(fields.get('imageAlt')?.requiredWith, 'image');
		assert.equal(fields.get('draft')?.default, false);
		assert.equal(fields.get('description')?.kind, 'long-text');
	});

	test('writes a table between the markers and leaves the rest of the text alone', () => {
		const text = 'Intro.\n\n<!-- model:audits -->\nold\n<!-- /model -->\n\nOutro.\n';
		const out = withFieldTables(text);
		assert.ok(out.startsWith('Intro.\n\n<!-- model:audits -->\n'));
		assert.ok(out.endsWith('<!-- /model -->\n\nOutro.\n'));
		assert.ok(out.includes('| `auditor` | yes | non-empty string | who carried it out |'));
		assert.ok(!out.includes('old'));
	});

	test('escapes a pipe inside a cell', () => {
		const table = fieldTable([
			{
				name: 'x',
				title: 'X',
				description: 'a | b',
				kind: 'text',
				required: false,
				format: 'string',
			},
		]);
		assert.match(table, /a \\\| b/);
	});
});
