import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileShapeOf } from '../../../src/model/describe.ts';
import {
	formatArticle,
	formatData,
	parseArticle,
	parseData,
} from '../../../src/model/file-format.ts';

const ARTICLE = fileShapeOf('articles');
const CONTENT = join(import.meta.dirname, '../../../content');

/** The lines of `after` that are not the same line of `before`. */
function changedLines(before: string, after: string): string[] {
	const a = before.split('\n');
	const b = after.split('\n');
	assert.equal(a.length, b.length, 'the number of lines changed');
	return b.filter((line, i) => line !== a[i]);
}

/** Every file below `dir` whose name ends with one of `extensions`. */
function filesIn(dir: string, extensions: string[]): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => extensions.some((e) => name.endsWith(e)))
		.map((name) => join(dir, name));
}

describe('the canonical form of an article', () => {
	test('puts keys in the model order, then keys the model does not know', () => {
		const text = formatArticle(
			{ extra: 'kept', tags: ['B'], type: 'guide', title: 'T', date: '2024-06-01' },
			'Body.',
			ARTICLE
		);
		assert.equal(
			text,
			'---\ntitle: T\ndate: 2024-06-01\ntags:\n  - B\ntype: guide\nextra: kept\n---\n\nBody.\n'
		);
	});

	test('leaves out empty fields and fields at their default', () => {
		const text = formatArticle(
			{
				title: 'T',
				date: '2024-06-01',
				updated: '',
				description: undefined,
				summary: ['', ''],
				products: [],
				type: 'news',
				draft: false,
				comments: true,
				imageCaption: null,
			},
			'',
			ARTICLE
		);
		assert.equal(text, '---\ntitle: T\ndate: 2024-06-01\n---\n');
	});

	test('keeps a value that differs from its default', () => {
		const text = formatArticle(
			{ title: 'T', date: '2024-06-01', draft: true, comments: false },
			'x',
			ARTICLE
		);
		assert.match(text, /\ndraft: true\ncomments: false\n/);
	});

	test('never folds a long line, and quotes only what YAML would misread', () => {
		const long = 'word '.repeat(40).trim();
		const text = formatArticle(
			{ title: 'Audit: what it found', date: '2024-06-01', description: long, author: 'true' },
			'x',
			ARTICLE
		);
		assert.ok(text.includes(`\ndescription: ${long}\n`));
		assert.match(text, /\ntitle: (['"])Audit: what it found\1\n/);
		assert.match(text, /\nauthor: (['"])true\1\n/);
		assert.equal(parseArticle(text).data['author'], 'true');
	});

	test('writes a date as the model reads it', () => {
		const text = formatArticle(
			{ title: 'T', date: new Date('2024-06-01'), updated: new Date('2024-06-02T10:30:00Z') },
			'x',
			ARTICLE
		);
		assert.match(text, /\ndate: 2024-06-01\nupdated: 2024-06-02T10:30:00Z\n/);
	});

	test('has one blank line after the front matter and one newline at the end', () => {
		const text = formatArticle({ title: 'T', date: '2024-06-01' }, '\n\n\nBody.\n\n\n', ARTICLE);
		assert.ok(text.endsWith('---\n\nBody.\n'));
	});

	test('reads back what it writes, and writes it again the same', () => {
		const text = formatArticle(
			{ title: 'T', date: '2024-06-01', summary: ['One', 'Two: three'], draft: true },
			'# Heading\n\n    code\n\nText  \nmore.',
			ARTICLE
		);
		const { data, body } = parseArticle(text);
		assert.equal(formatArticle(data, body, ARTICLE), text);
	});

	test('changing one field changes only its line', () => {
		const before = readFileSync(
			join(CONTENT, 'articles/booz-allen-audit-dji-government-edition/index.md'),
			'utf8'
		);
		const { data, body } = parseArticle(before);
		const after = formatArticle({ ...data, title: 'A new title' }, body, ARTICLE);
		assert.deepEqual(changedLines(before, after), ['title: A new title']);
	});
});

describe('the sample content', () => {
	test('every article is in the canonical form, so its first save in the editor changes only what changed', () => {
		const files = filesIn(join(CONTENT, 'articles'), ['.md']);
		assert.ok(files.length >= 10);
		for (const file of files) {
			const text = readFileSync(file, 'utf8');
			const { data, body } = parseArticle(text);
			assert.equal(formatArticle(data, body, ARTICLE), text, relative(CONTENT, file));
		}
	});

	test('every product, audit and author is in the canonical form', () => {
		for (const collection of ['products', 'audits', 'authors']) {
			const shape = fileShapeOf(collection);
			const files = filesIn(join(CONTENT, collection), ['.yaml']);
			assert.ok(files.length >= 3, collection);
			for (const file of files) {
				const text = readFileSync(file, 'utf8');
				assert.equal(formatData(parseData(text), shape), text, relative(CONTENT, file));
			}
		}
	});
});
