/**
 * The browser editor's configuration (`/admin/config.yml`), generated from the content model: one
 * collection per kind of file the editor writes, and one widget per field of its schema, with the
 * field's label, hint and required flag as `src/model/schema.ts` declares them. No field is listed
 * here; a field added to the model appears in the editor at the next build.
 * @see https://decapcms.org/docs/configuration-options/
 * @see https://github.com/sveltia/sveltia-cms#features
 */
import { fileShape, type FieldDescription } from '../model/describe.ts';
import { BITMAP_FORMATS } from '../model/fields.ts';
import {
	ARTICLE_COLLECTIONS,
	formatName,
	groupCollection,
	type EditorPageData,
	type RequiredWith,
} from './formats.ts';

/** The collections the editor offers, in its menu's order, with the words for one entry. */
const EDITED = {
	articles: { label: 'Articles', singular: 'Article', extension: 'md' },
	products: { label: 'Products', singular: 'Product', extension: 'yaml' },
	audits: { label: 'Audits', singular: 'Audit', extension: 'yaml' },
	authors: { label: 'Authors', singular: 'Author', extension: 'yaml' },
} as const;

/** The file types an image field takes, as an `accept` attribute: `.jpg,.jpeg,.png,…`. */
const IMAGE_ACCEPT = BITMAP_FORMATS.map((format) => `.${format}`).join(',');

/** A collection the editor offers. */
export type EditedCollection = keyof typeof EDITED;

/** One widget of the editor's configuration. */
export type EditorField = Record<string, unknown> & { name: string; label: string; widget: string };

/** Where the editor signs in to save: a Git host's API, or nothing (local mode only). */
export interface EditorBackend {
	name: 'github' | 'gitlab' | 'gitea';
	repo: string;
	branch?: string | undefined;
	/** The OAuth helper's address, where the host needs one. */
	baseUrl?: string | undefined;
	/** The host's API, for a self-hosted GitLab or Gitea/Forgejo. */
	apiRoot?: string | undefined;
	/** The OAuth application's ID: GitLab (PKCE) and Gitea/Forgejo sign in with it, no helper. */
	appId?: string | undefined;
}

/** What the configuration is made from besides the model. */
export interface EditorInputs {
	/** The model, as `describeModel()` gives it. */
	model: Record<string, FieldDescription[]>;
	/** The content folder, relative to the repository's root (`content`). */
	contentDir: string;
	/** The public site's address, for the editor's "view site" link. */
	siteUrl: string;
	/** The tags the articles use, most used first, each spelled as the site shows it. */
	tags: readonly string[];
	/** Subfolders of `articles/` that group articles written as one file (years, say). */
	articleGroups?: readonly string[] | undefined;
	backend?: EditorBackend | undefined;
	/** Each article a pull request an editor approves (hosts that support it). */
	editorialWorkflow?: boolean | undefined;
}

/** The field whose value names an entry: the first required line of text (a product's `name`). */
export function identifierField(fields: readonly FieldDescription[]): string {
	const field = fields.find((f) => f.kind === 'text' && f.required);
	if (!field) {
		throw new Error(
			`The editor names entries by a required line of text, and one of its collections has none (fields: ${fields.map((f) => f.name).join(', ')}): make its title or name required in src/model/schema.ts.`
		);
	}
	return field.name;
}

/** How many of the tags in use (the most used first) a tag field's hint names. */
const TAGS_SHOWN = 30;

/** The date widget: a picker that writes `YYYY-MM-DD`, one of the two forms the model reads. */
const DATE = {
	widget: 'datetime',
	format: 'YYYY-MM-DD',
	date_format: 'YYYY-MM-DD',
	time_format: false,
};

/** A pick from another collection: its entries listed by name, stored as slugs. */
function relation(
	collection: string,
	inputs: EditorInputs
): Record<string, unknown> & { widget: string } {
	const named = identifierField(inputs.model[collection] ?? []);
	return {
		widget: 'relation',
		collection,
		value_field: '{{slug}}',
		search_fields: [named],
		display_fields: [named],
	};
}

/** The widget of one field. */
export function widgetFor(field: FieldDescription, inputs: EditorInputs): EditorField {
	const base = {
		name: field.name,
		label: field.title,
		hint: field.description.replace(/`/g, ''),
		required: field.required,
	};
	switch (field.kind) {
		case 'text':
			// One slug of another collection (an article's author): picked from their names.
			return field.collection
				? { ...base, ...relation(field.collection, inputs), multiple: false }
				: { ...base, widget: 'string' };
		case 'long-text':
			// With a length the checker warns beyond, the editor counts the characters and stops there.
			return {
				...base,
				widget: 'text',
				...(field.maxLength ? { maxlength: field.maxLength } : {}),
			};
		case 'list':
			if (field.record === 'dated-note') {
				// A dated note (a correction): its date and what it says, both required.
				return {
					...base,
					widget: 'list',
					summary: '{{fields.date}}: {{fields.text}}',
					fields: [
						{ name: 'date', label: 'Date', required: true, ...DATE },
						{ name: 'text', label: 'Text', widget: 'text', required: true },
					],
				};
			}
			if (field.name === 'tags' && inputs.tags.length > 0) {
				// The tags in use, as the site spells them, so that a writer picks a spelling the site
				// already has (the checker warns about a second spelling of one tag); a new tag is typed.
				const shown = inputs.tags.slice(0, TAGS_SHOWN);
				const more = inputs.tags.length > shown.length ? ', …' : '';
				return {
					...base,
					hint: `${base.hint}. In use: ${shown.join(', ')}${more}`,
					widget: 'list',
					field: { name: 'tag', label: 'Tag', widget: 'string' },
				};
			}
			return {
				...base,
				widget: 'list',
				// One item of "Key points" is a key point.
				field: { name: 'item', label: field.title.replace(/s$/, ''), widget: 'string' },
			};
		case 'date':
			return { ...base, ...DATE };
		case 'choice':
			return { ...base, widget: 'select', options: field.options ?? [], default: field.default };
		case 'flag':
			return { ...base, widget: 'boolean', default: field.default };
		case 'url':
			return {
				...base,
				widget: 'string',
				pattern: ['^https?://\\S+$', 'Write the whole address, starting with https://'],
			};
		case 'image':
			// The file picker offers, and a drop takes, only the formats the checker allows here.
			return { ...base, widget: 'image', choose_url: false, accept: IMAGE_ACCEPT };
		case 'references':
			return { ...base, ...relation(field.collection ?? '', inputs), multiple: true };
	}
}

/** The fields each required once another is filled in, with both labels. */
function requiredWithRules(fields: readonly FieldDescription[]): RequiredWith[] {
	return fields.flatMap((f) => {
		const other = fields.find((o) => o.name === f.requiredWith);
		return other
			? [{ field: f.name, label: f.title, with: other.name, withLabel: other.title }]
			: [];
	});
}

/** Every collection of articles, for the preview: the two forms and each group's. */
export function articleCollections(groups: readonly string[]): string[] {
	return [...Object.values(ARTICLE_COLLECTIONS), ...groups.map(groupCollection)];
}

/** The files of each collection the editor offers, for its script (`client/start.ts`). */
export function editedFiles(model: Record<string, FieldDescription[]>): EditorPageData['files'] {
	return Object.fromEntries(
		(Object.keys(EDITED) as EditedCollection[]).map((name) => [
			name,
			{
				extension: EDITED[name].extension,
				shape: fileShape(model[name] ?? []),
				requiredWith: requiredWithRules(model[name] ?? []),
			},
		])
	);
}

/**
 * The editor's configuration, as an object to write as `config.yml`. Local mode needs nothing
 * here: on localhost Sveltia offers to work on the checkout's folder (docs/editing.md).
 */
export function editorConfig(inputs: EditorInputs): Record<string, unknown> {
	const collections = (Object.keys(EDITED) as EditedCollection[]).flatMap(
		(name): Record<string, unknown>[] => {
			const fields = (inputs.model[name] ?? []).map((f) => widgetFor(f, inputs));
			const words = EDITED[name];
			const common = {
				name,
				label: words.label,
				label_singular: words.singular,
				folder: `${inputs.contentDir}/${name}`,
				create: true,
				identifier_field: identifierField(inputs.model[name] ?? []),
				extension: words.extension,
				format: formatName(name, words.extension),
			};
			if (name === 'articles') {
				const article = {
					...common,
					summary: '{{title}} ({{date}})',
					sortable_fields: ['date', 'title'],
					fields: [...fields, { name: 'body', label: 'Text', widget: 'markdown' }],
				};
				return [
					{
						...article,
						// The folder form: the article and its images side by side, so `image: ./lead.jpg`
						// resolves. New articles are written this way.
						path: '{{slug}}/index',
						media_folder: '',
						public_folder: '.',
					},
					{
						// Articles written as one file (`content/articles/<slug>.md`), as `npm run new` and the
						// importer write them: editable in place, with images in `content/articles/images/`.
						...article,
						name: ARTICLE_COLLECTIONS.singleFiles,
						label: 'Articles (single file)',
						create: false,
						media_folder: `${inputs.contentDir}/articles/images`,
						public_folder: './images',
					},
					// Articles grouped in subfolders (`articles/2019/<slug>.md`), their images beside them.
					...(inputs.articleGroups ?? []).map((group) => ({
						...article,
						name: groupCollection(group),
						label: `Articles in ${group}/`,
						folder: `${common.folder}/${group}`,
						create: false,
						media_folder: `${common.folder}/${group}`,
						public_folder: '.',
					})),
				];
			}
			// A product's image sits in `images/` beside its file, as `image: ./images/x.jpg` says.
			return [
				{ ...common, fields, media_folder: `${common.folder}/images`, public_folder: './images' },
			];
		}
	);
	const backend = inputs.backend
		? {
				name: inputs.backend.name,
				repo: inputs.backend.repo,
				branch: inputs.backend.branch ?? 'main',
				...(inputs.backend.baseUrl ? { base_url: inputs.backend.baseUrl } : {}),
				...(inputs.backend.apiRoot ? { api_root: inputs.backend.apiRoot } : {}),
				...(inputs.backend.appId ? { app_id: inputs.backend.appId } : {}),
				// GitLab signs in a browser with PKCE, which needs no secret and so no helper.
				...(inputs.backend.appId && inputs.backend.name === 'gitlab' ? { auth_type: 'pkce' } : {}),
			}
		: { name: 'github', repo: 'example/site', branch: 'main' };
	return {
		backend,
		...(inputs.editorialWorkflow ? { publish_mode: 'editorial_workflow' } : {}),
		site_url: inputs.siteUrl,
		media_folder: `${inputs.contentDir}/articles/images`,
		public_folder: '/images',
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		// An empty optional field is left out, as the model reads it; written empty (`updated: ''`)
		// it would fail the checker.
		output: { omit_empty_optional_fields: true },
		collections,
	};
}
