/**
 * `npm run docs`: writes the field tables of docs/content-contract.md afresh from the content model
 * (`src/model/schema.ts`), formatted as Prettier formats the rest of the docs. `-- --check` only
 * says whether they are current (exit 1 when not); `-- --model` prints the model as JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { describeModel, withFieldTables } from '../src/model/describe.ts';
import { fail, parseCommandLine } from './cli.ts';

/** Where the contract lives, from the repository root. */
export const CONTRACT = 'docs/content-contract.md';

/** The contract's text with its field tables written from the model. */
export async function contractFromModel(text: string): Promise<string> {
	const options = await resolveConfig(CONTRACT);
	return format(withFieldTables(text), { ...options, filepath: CONTRACT });
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
	const text = readFileSync(CONTRACT, 'utf8');
	const next = await contractFromModel(text);
	if (next === text) {
		console.log(`${CONTRACT}: the field tables match the model.`);
		return;
	}
	if (values.check) {
		fail([`${CONTRACT}: the field tables differ from the model.`, 'fix: run `npm run docs`']);
	}
	writeFileSync(CONTRACT, next);
	console.log(`${CONTRACT}: field tables written from the model.`);
}

if (import.meta.main) await main();
