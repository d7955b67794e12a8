/**
 * The editor page's script: loads Sveltia CMS from the site's own files, teaches it Hangar's
 * canonical file form (`src/model/file-format.ts`) for each collection, and starts it. What the
 * page knows at build time (the script's address, the model's field order) comes in a JSON block.
 * @see https://sveltiacms.app/en/docs/api/file-formats
 */
import type CmsApi from '@sveltia/cms';
import {
	BODY,
	formatArticle,
	formatData,
	parseArticle,
	parseData,
} from '../../model/file-format.ts';
import { formatName, missingRequiredWith, type EditorPageData } from '../formats.ts';
import { articlePreview, type CreateElement } from './preview.ts';

declare global {
	interface Window {
		CMS_MANUAL_INIT?: boolean;
		CMS?: typeof CmsApi;
	}
}

/** Loads a classic script and waits for it. */
function load(src: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const script = document.createElement('script');
		script.src = src;
		script.onload = () => resolve();
		script.onerror = () => reject(new Error(`${src} did not load`));
		document.head.append(script);
	});
}

type Files = EditorPageData['files'][string];

/** The note that says why a save was refused; the editor's own dialog only says that it was. */
function showRefusal(message: string | undefined): void {
	let note = document.getElementById('hangar-refusal');
	if (!message) return note?.remove();
	if (!note) {
		note = document.createElement('p');
		note.id = 'hangar-refusal';
		note.setAttribute('role', 'alert');
		note.style.cssText =
			'position:fixed;inset:auto 1rem 1rem auto;z-index:2147483647;max-width:28rem;margin:0;padding:.75rem 1rem;border:2px solid #b00020;border-radius:.5rem;background:#fff;color:#5f000f;font:1rem/1.4 system-ui,sans-serif;box-shadow:0 2px 12px rgb(0 0 0/.3)';
		document.body.append(note);
	}
	note.textContent = `Not saved. ${message}`;
}

/** Refuses to save what the checker would refuse: a field required with another, left empty. */
function refuseIncomplete(value: Record<string, unknown>, files: Files): void {
	const missing = missingRequiredWith(value, files.requiredWith);
	showRefusal(missing.join(' ') || undefined);
	if (missing.length > 0) throw new Error(missing.join(' '));
}

/** The canonical form of an article: front matter and body. */
function articleFormat(files: Files) {
	return {
		fromFile: (text: string) => {
			const { data, body } = parseArticle(text);
			return { ...data, [BODY]: body };
		},
		toFile: (value: Record<string, unknown>) => {
			refuseIncomplete(value, files);
			const body = typeof value[BODY] === 'string' ? value[BODY] : '';
			return formatArticle(value, body, files.shape);
		},
	};
}

/** The canonical form of a data file (a product, an audit). */
function dataFormat(files: Files) {
	return {
		fromFile: parseData,
		toFile: (value: Record<string, unknown>) => {
			refuseIncomplete(value, files);
			return formatData(value, files.shape);
		},
	};
}

async function start(): Promise<void> {
	const block = document.getElementById('hangar-editor');
	const page = JSON.parse(block?.textContent ?? '{}') as EditorPageData;
	window.CMS_MANUAL_INIT = true;
	await load(page.script);
	const cms = window.CMS;
	if (!cms) throw new Error('Sveltia CMS did not start');
	for (const [collection, files] of Object.entries(page.files)) {
		const format = files.extension === 'md' ? articleFormat(files) : dataFormat(files);
		cms.registerCustomFormat(formatName(collection, files.extension), files.extension, format);
	}
	for (const style of page.preview.styles) cms.registerPreviewStyle(style);
	const h = (window as unknown as { h: CreateElement }).h;
	const preview = articlePreview(h, page.preview.locale, page.preview.timeZone);
	for (const name of page.preview.collections) {
		cms.registerPreviewTemplate(name, preview);
	}
	await cms.init();
}

void start();
