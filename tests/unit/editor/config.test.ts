import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { editedFiles, editorConfig, type EditorBackend } from '../../../src/editor/config.ts';
import { DESCRIPTION_MAX_LENGTH } from '../../../src/check/entries.ts';
import { editorCsp } from '../../../src/editor/csp.ts';
import { articleGroups } from '../../../src/editor/files.ts';
import { missingRequiredWith } from '../../../src/editor/formats.ts';
import { describeModel } from '../../../src/model/describe.ts';

const model = describeModel();
const backendOf = (backend: EditorBackend) =>
	editorConfig({ model, contentDir: 'content', siteUrl: 'https://x.example', tags: [], backend })[
		'backend'
	] as Record<string, unknown>;

describe('signing in to a Git host', () => {
	test('GitLab with an OAuth application signs in with PKCE, which needs no helper', () => {
		assert.deepEqual(backendOf({ name: 'gitlab', repo: 'shop/news', appId: 'abc123' }), {
			name: 'gitlab',
			repo: 'shop/news',
			branch: 'main',
			app_id: 'abc123',
			auth_type: 'pkce',
		});
	});

	test("GitHub signs in through the OAuth helper's address, or with a token without one", () => {
		const backend = backendOf({
			name: 'github',
			repo: 'shop/news',
			branch: 'live',
			baseUrl: 'https://auth.shop.example',
		});
		assert.deepEqual(backend, {
			name: 'github',
			repo: 'shop/news',
			branch: 'live',
			base_url: 'https://auth.shop.example',
		});
	});

	test("a self-hosted Gitea's API and avatars are the only other origin the editor's policy allows", () => {
		const csp = editorCsp({
			name: 'gitea',
			repo: 'shop/news',
			apiRoot: 'https://git.shop.example/api/v1',
		});
		assert.match(csp, /connect-src 'self' data: blob: https:\/\/git\.shop\.example;/);
		assert.match(csp, /img-src 'self' data: blob: https:\/\/git\.shop\.example;/);
		assert.match(csp, /script-src 'self';/);
	});

	test("the editor page's inline import map is allowed by its hash, and nothing else inline", () => {
		const csp = editorCsp(undefined, ["'sha256-abc='"]);
		assert.match(csp, /script-src 'self' 'sha256-abc=';/);
		assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline'; script/);
	});
});

describe('what the editor refuses to save', () => {
	test("a description longer than the checker's limit, with a character count", () => {
		const config = editorConfig({
			model,
			contentDir: 'content',
			siteUrl: 'https://x.example',
			tags: [],
		});
		const articles = (
			config['collections'] as { name: string; fields: Record<string, unknown>[] }[]
		)[0];
		const description = articles?.fields.find((f) => f['name'] === 'description');
		assert.equal(description?.['maxlength'], DESCRIPTION_MAX_LENGTH);
		assert.equal(DESCRIPTION_MAX_LENGTH, 160);
	});

	const rules = editedFiles(model)['articles']?.requiredWith ?? [];

	test('alt text is required with a lead image, as the checker requires it', () => {
		assert.deepEqual(missingRequiredWith({ image: 'lead.jpg', imageAlt: ' ' }, rules), [
			'Fill in “Lead image alt text”: it is required with a lead image.',
		]);
		assert.deepEqual(missingRequiredWith({ image: 'lead.jpg', imageAlt: 'A drone' }, rules), []);
		assert.deepEqual(missingRequiredWith({ imageAlt: '' }, rules), []);
	});

	test('each file knows its shape: the model order and defaults', () => {
		const articles = editedFiles(model)['articles'];
		assert.equal(articles?.extension, 'md');
		assert.deepEqual(articles?.shape.fields.slice(0, 2), ['title', 'date']);
		assert.equal(articles?.shape.defaults['draft'], false);
		assert.equal(editedFiles(model)['products']?.extension, 'yaml');
	});
});

describe('the installed editor', () => {
	test('has what the build takes from it: the fonts to rewrite and the Immutable.js version', async () => {
		const { editorProblems } = await import('../../../src/integrations/editor.ts');
		assert.deepEqual(editorProblems(), []);
	});
});

describe('image fields', () => {
	test('take only the bitmap formats the checker allows, so an SVG cannot be picked', () => {
		const config = editorConfig({
			model,
			contentDir: 'content',
			siteUrl: 'https://x.example',
			tags: [],
		});
		const images = (config['collections'] as { fields?: Record<string, unknown>[] }[])
			.flatMap((c) => c.fields ?? [])
			.filter((f) => f['widget'] === 'image');
		assert.ok(images.length >= 3, 'the lead, product and author images');
		for (const field of images) {
			const accepted = String(field['accept']).split(',');
			assert.ok(accepted.includes('.jpg') && accepted.includes('.png'), String(field['name']));
			assert.ok(!accepted.some((type) => /svg/i.test(type)), String(field['name']));
		}
	});
});

describe('articles in subfolders', () => {
	test('each folder of one-file articles (a year) is a collection; an article folder is not', () => {
		const dir = mkdtempSync(join(tmpdir(), 'hangar-groups-'));
		for (const [folder, file] of [
			['2019', 'a.md'],
			['own-article', 'index.md'],
			['images', 'x.jpg'],
		] as const) {
			mkdirSync(join(dir, folder));
			writeFileSync(join(dir, folder, file), '');
		}
		assert.deepEqual(articleGroups(dir), ['2019']);
		const config = editorConfig({
			model,
			contentDir: 'content',
			siteUrl: 'https://x.example',
			tags: [],
			articleGroups: ['2019'],
		});
		const group = (config['collections'] as Record<string, unknown>[]).find(
			(c) => c['folder'] === 'content/articles/2019'
		);
		assert.equal(group?.['create'], false);
		assert.equal(group?.['media_folder'], 'content/articles/2019');
	});
});
