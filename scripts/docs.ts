/**
 * `npm run docs`: writes the tables of docs/content-contract.md (the content files' fields) and
 * docs/configuration.md (the settings) afresh from their schemas in `src/model/`, formatted as
 * Prettier formats the rest of the docs. `-- --check` only
 * says whether they are current (exit 1 when not); `-- --model` prints the model as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { serviceSettingsSchema } from '../src/comments/service/config.ts';
import {
	describeModel,
	describeSettings,
	settingsTable,
	withFieldTables,
} from '../src/model/describe.ts';
import { fail, parseCommandLine } from './cli.ts';

/** The documents with tables written from the model, from the repository root. */
export const MODEL_DOCS = ['docs/content-contract.md', 'docs/configuration.md', 'docs/comments.md'];

/** A document's text with its tables written from the model, formatted as Prettier would. */
export async function docFromModel(file: string, text: string): Promise<string> {
	const options = await resolveConfig(file);
	const service = settingsTable(describeSettings(serviceSettingsSchema));
	return format(withFieldTables(text, { service }), { ...options, filepath: file });
}

async function main(): Promise<void> {
	const usage = 'usage: npm run docs [-- --check | --model]';
	const { values } = parseCommandLine(
		{ options: { check: { type: 'boolean' }, model: { type: 'boolean' } } },
		usage
	);
	if (values.model) {
		console.log(JSON.stringify(describeModel(), null, 2));
		return;
	}
	for (const file of MODEL_DOCS) {
		const text = readFileSync(file, 'utf8');
		const next = await docFromModel(file, text);
		if (next === text) {
			console.log(`${file}: the tables match the model.`);
		} else if (values.check) {
			fail([`${file}: the tables differ from the model.`, 'fix: run `npm run docs`']);
		} else {
			writeFileSync(file, next);
			console.log(`${file}: tables written from the model.`);
		}
	}
}

if (import.meta.main) await main();
