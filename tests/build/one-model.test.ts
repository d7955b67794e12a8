/**
 * The promise of `src/model/schema.ts`: a field is written in one place. A copy of `src/` gets one
 * new optional article field, `subtitle`, added to the article schema and nowhere else; the copy
 * must then type it (`tsc`), check it with its position (`npm run check`'s checker), load it (the
 * mapping `src/content.ts` uses) and describe it (the docs' tables, the editor's model).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../helpers/build.ts';

const COPY = join(ROOT, 'tests/.out/one-model');
const ANCHOR = '\t\t\timported: optionalText(';
const FIELD = `\t\t\tsubtitle: optionalText({ title: 'Subtitle', description: 'a line under the headline' }),\n`;

/** Imports a module of the copy of `src/`. */
async function load<T>(path: string): Promise<T> {
	return (await import(pathToFileURL(join(COPY, 'src', path)).href)) as T;
}

describe('a field added to the article schema, and nowhere else', () => {
	before(() => {
		rmSync(COPY, { recursive: true, force: true });
		mkdirSync(COPY, { recursive: true });
		cpSync(join(ROOT, 'src'), join(COPY, 'src'), { recursive: true });
		const schemaFile = join(COPY, 'src/model/schema.ts');
		const schema = readFileSync(schemaFile, 'utf8');
		assert.ok(
			schema.includes(ANCHOR),
			'the article schema declares `imported` as this test expects'
		);
		writeFileSync(schemaFile, schema.replace(ANCHOR, `${FIELD}${ANCHOR}`));
	});
	after(() => rmSync(COPY, { recursive: true, force: true }));

	test('is typed on the articles pages receive', () => {
		// A module that compiles only if `Article` has `subtitle?: string`.
		writeFileSync(
			join(COPY, 'src/typed.ts'),
			[
				"import type { Article } from './model/types.ts';",
				'export const subtitleOf = (a: Article): string | undefined => a.subtitle;',
				'// @ts-expect-error a subtitle is text, not a number',
				'export const wrong = (a: Article): number | undefined => a.subtitle;',
			].join('\n')
		);
		const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
		const args = [
			tsc,
			'--ignoreConfig',
			'--noEmit',
			'--strict',
			'--exactOptionalPropertyTypes',
			'--skipLibCheck',
			'--allowImportingTsExtensions',
			'--module',
			'nodenext',
			'--types',
			'node',
			join(COPY, 'src/typed.ts'),
		];
		execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
	});

	test('is checked, with the line of the mistake', async () => {
		const { validateContent } =
			await load<typeof import('../../src/check/content.ts')>('check/content.ts');
		const problems = validateContent({
			contentDir: 'content',
			articles: [
				{
					path: 'content/articles/a.md',
					text: '---\ntitle: T\ndate: 2024-01-01\nsubtitle: 5\n---\n\nBody.\n',
				},
			],
			products: [],
			audits: [],
			files: new Set(['content/articles/a.md']),
		}).filter((p) => p.severity === 'error');
		assert.deepEqual(
			problems.map((p) => [p.rule, p.field, p.line, p.message]),
			[['field-type', 'subtitle', 4, 'subtitle: must be text, not a number (5)']]
		);
	});

	test('is loaded into the article the pages get', async () => {
		const { toArticle } =
			await load<typeof import('../../src/model/entries.ts')>('model/entries.ts');
		const { articleSchema, PLAIN } =
			await load<typeof import('../../src/model/schema.ts')>('model/schema.ts');
		const data = articleSchema(PLAIN).parse({ title: 'T', date: '2024-01-01', subtitle: 'More' });
		const article = toArticle(
			{ id: 'a', data: { ...data, products: [], audits: [], author: undefined } },
			230
		);
		assert.equal((article as { subtitle?: string }).subtitle, 'More');
	});

	test('is described for the docs and the editor', async () => {
		const { describeModel, fieldTable } =
			await load<typeof import('../../src/model/describe.ts')>('model/describe.ts');
		const subtitle = describeModel()['articles']?.find((f) => f.name === 'subtitle');
		assert.deepEqual(
			{ ...subtitle },
			{
				name: 'subtitle',
				title: 'Subtitle',
				description: 'a line under the headline',
				kind: 'text',
				required: false,
				requiredWith: undefined,
				default: undefined,
				options: undefined,
				collection: undefined,
				maxLength: undefined,
				single: undefined,
				record: undefined,
				format: 'string',
			}
		);
		assert.match(
			fieldTable([subtitle!]),
			/\| `subtitle` \| no \| string \| a line under the headline \|/
		);
	});
});
