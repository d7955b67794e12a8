/**
 * The content model described as plain data, for tools that are not TypeScript: the field tables
 * of `docs/content-contract.md` (`npm run docs`), and `npm run docs -- --model`, which prints it as
 * JSON for editors (the browser editor's configuration is generated from it). Read off the schemas
 * of `schema.ts`, so it cannot disagree with what the checker and the build accept.
 */
import type { z } from 'astro/zod';
import { fieldMeta, fieldsOf, type FieldKind } from './fields.ts';
import type { FileShape } from './file-format.ts';
import { environmentSchema } from './environment-schema.ts';
import { contentSchemas, PLAIN } from './schema.ts';
import { siteSchema } from './site-schema.ts';

/** One field of one kind of file. */
export interface FieldDescription {
	name: string;
	/** Short label for forms. */
	title: string;
	/** What it is: the editor's hint and the docs' meaning. */
	description: string;
	kind: FieldKind;
	required: boolean;
	/** Required only when this other field is set. */
	requiredWith?: string | undefined;
	/** The value a file without the field gets. */
	default?: unknown;
	/** For a choice, the values it takes. */
	options?: string[] | undefined;
	/** For references, the collection whose slugs it lists. */
	collection?: string | undefined;
	/** Longer than this many characters is worth a warning. */
	maxLength?: number | undefined;
	/** For a reference (`collection` set): one slug, not a list. */
	single?: boolean | undefined;
	/** For a list of records: what each is (`dated-note`: a `date` and a `text`). */
	record?: 'dated-note' | undefined;
	/** How the value is written, in the docs' words. */
	format: string;
}

/** The inner schema of a field wrapped in `.optional()` or `.default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
	const def = schema.def as { type: string; innerType?: z.ZodType };
	return (def.type === 'optional' || def.type === 'default') && def.innerType
		? unwrap(def.innerType)
		: schema;
}

function formatOf(field: Omit<FieldDescription, 'format'>): string {
	switch (field.kind) {
		case 'text':
		case 'long-text':
			return field.required ? 'non-empty string' : 'string';
		case 'list':
			return 'list of strings';
		case 'date':
			return '`YYYY-MM-DD` or ISO 8601 date-time';
		case 'choice':
			return (field.options ?? [])
				.map((o) => (o === field.default ? `\`${o}\` (default)` : `\`${o}\``))
				.join(', ');
		case 'flag':
			return 'boolean';
		case 'url':
			return 'web address (`https://…`)';
		case 'image':
			return 'path relative to the file';
		case 'references':
			return `list of ${(field.collection ?? '').replace(/s$/, '')} slugs`;
	}
}

/** The fields of one file schema, in the order they are declared. */
export function describeSchema(schema: z.ZodType): FieldDescription[] {
	return Object.entries(fieldsOf(schema)).map(([name, fieldSchema]) => {
		const meta = fieldMeta(fieldSchema);
		if (!meta) throw new Error(`The field "${name}" was not made with a builder of fields.ts`);
		const def = fieldSchema.def as { type: string; defaultValue?: unknown };
		const inner = unwrap(fieldSchema) as { options?: unknown };
		const field = {
			name,
			title: meta.title,
			description: meta.description,
			kind: meta.kind,
			required: meta.required === true,
			requiredWith: meta.requiredWith,
			default: def.type === 'default' ? def.defaultValue : undefined,
			options: Array.isArray(inner.options) ? inner.options.map(String) : undefined,
			collection: meta.collection,
			maxLength: meta.maxLength,
			single: meta.single,
			record: meta.record,
		};
		return { ...field, format: meta.format ?? formatOf(field) };
	});
}

/** Every kind of content file and its fields, by collection name. */
export function describeModel(): Record<string, FieldDescription[]> {
	return Object.fromEntries(
		Object.entries(contentSchemas(PLAIN)).map(([name, schema]) => [name, describeSchema(schema)])
	);
}

/** The shape of one kind of file for its canonical form (`file-format.ts`): field order, defaults. */
export function fileShape(fields: readonly FieldDescription[]): FileShape {
	return {
		fields: fields.map((f) => f.name),
		defaults: Object.fromEntries(
			fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default])
		),
	};
}

/** The shape of one collection's files (`articles`, `products`…). */
export function fileShapeOf(collection: string): FileShape {
	return fileShape(describeModel()[collection] ?? []);
}

/** A field table in the docs' form: field, required, type, meaning. */
export function fieldTable(fields: readonly FieldDescription[]): string {
	const escape = (text: string) => text.replaceAll('|', '\\|');
	const rows = fields.map((f) => {
		const required = f.required ? 'yes' : f.requiredWith ? `with \`${f.requiredWith}\`` : 'no';
		return `| \`${f.name}\` | ${required} | ${escape(f.format)} | ${escape(f.description)} |`;
	});
	return ['| field | required | type | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** One setting of the site configuration or the environment. */
export interface SettingDescription {
	name: string;
	description: string;
	required: boolean;
	default?: unknown;
}

/** The settings of a settings schema (the site config, the environment), in declaration order. */
export function describeSettings(schema: z.ZodObject): SettingDescription[] {
	return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, setting]) => {
		const def = setting.def as { type: string; defaultValue?: unknown };
		const meta = setting.meta() as { description?: string } | undefined;
		return {
			name,
			description: meta?.description ?? '',
			required: !setting.safeParse(undefined).success,
			default: def.type === 'default' ? def.defaultValue : undefined,
		};
	});
}

/** A settings table in the docs' form: setting, required, default (when any has one), meaning. */
export function settingsTable(settings: readonly SettingDescription[]): string {
	const escape = (text: string) => text.replaceAll('|', '\\|');
	const defaults = settings.some((s) => s.default !== undefined);
	const rows = settings.map((s) => {
		const fallback = s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``;
		const cells = [`\`${s.name}\``, s.required ? 'yes' : 'no', ...(defaults ? [fallback] : [])];
		return `| ${[...cells, escape(s.description)].join(' | ')} |`;
	});
	const head = ['setting', 'required', ...(defaults ? ['default'] : []), 'meaning'];
	return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows].join(
		'\n'
	);
}

/** The tables of the model's schemas, by the name of their docs marker. */
export function modelTables(): Record<string, string> {
	const model = Object.entries(describeModel()).map(([name, fields]): [string, string] => [
		name,
		fieldTable(fields),
	]);
	return {
		...Object.fromEntries(model),
		site: settingsTable(describeSettings(siteSchema)),
		environment: settingsTable(describeSettings(environmentSchema)),
	};
}

/**
 * `text` with the table between each `<!-- model:<name> -->` marker (a collection, `site`,
 * `environment`, or a name of `extra`) and the next `<!-- /model -->` written afresh.
 */
export function withFieldTables(text: string, extra: Record<string, string> = {}): string {
	const all = { ...modelTables(), ...extra };
	return text.replace(
		/(<!-- model:(\w+) -->)[\s\S]*?(<!-- \/model -->)/g,
		(whole, open: string, name: string, close: string) => {
			const table = all[name];
			return table ? `${open}\n\n${table}\n\n${close}` : whole;
		}
	);
}
