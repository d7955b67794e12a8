import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { commentFilePath, commentYaml } from '../../../src/comments/yaml.ts';
import type { Comment } from '../../../src/comments/model.ts';

const BASE: Comment = {
	id: '20240601-120000-abcdef',
	article: 'some-article',
	name: 'Ann Reader',
	date: new Date('2024-06-01T12:00:00Z'),
	body: 'Hello.',
};

describe('comment files', () => {
	test('are written field by field, in the contract order', () => {
		assert.equal(
			commentYaml({ ...BASE, replyTo: '20240531-090000-000001' }),
			'name: Ann Reader\ndate: 2024-06-01T12:00:00.000Z\nbody: Hello.\nreplyTo: 20240531-090000-000001\n'
		);
	});

	test('read back exactly what the reader wrote, whatever it looks like to YAML', () => {
		const bodies = [
			'line one\nline two\n\nparagraph',
			'  leading spaces\nmatter',
			'key: value\n# not a comment\n---\n...',
			'yes',
			'null',
			'123',
			'"quoted" and \'single\'',
			'- a list\n- of items',
			'|',
			'> folded?',
			'tab\there',
			'emoji 🚁, accents éü, right-to-left שלום',
			'{ "json": true }',
			'trailing newline\n',
		];
		for (const body of bodies) {
			const names = ['O\'Neil: "the" #1', 'true', '@handle', '- dash', 'Ann'];
			for (const name of names) {
				const parsed = parse(commentYaml({ ...BASE, name, body })) as Record<string, unknown>;
				assert.equal(parsed['body'], body, JSON.stringify(body));
				assert.equal(parsed['name'], name, JSON.stringify(name));
				assert.equal(parsed['date'], '2024-06-01T12:00:00.000Z');
			}
		}
	});

	test('never hold an e-mail address', () => {
		assert.throws(
			() => commentYaml({ ...BASE, body: 'write to ann@example.com' }),
			/e-mail address/
		);
		assert.throws(() => commentYaml({ ...BASE, name: 'ann@example.com' }), /e-mail address/);
	});

	test('live at <article-slug>/<id>.yaml, and no value can point elsewhere', () => {
		assert.equal(commentFilePath('some-article', 'c-1'), 'some-article/c-1.yaml');
		for (const [article, id] of [
			['../x', 'c'],
			['a', '../../etc/passwd'],
			['a/b', 'c'],
			['a', 'C'],
			['', 'c'],
		] as const) {
			assert.throws(() => commentFilePath(article, id), /is not/);
		}
	});
});
