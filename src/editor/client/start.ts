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
	type FileShape,
} from '../../model/file-format.ts';
import { formatName, type EditorPageData } from '../formats.ts';

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

/** The canonical form of an article: front matter and body. */
function articleFormat(shape: FileShape) {
	return {
		fromFile: (text: string) => {
			const { data, body } = parseArticle(text);
			return { ...data, [BODY]: body };
		},
		toFile: (value: Record<string, unknown>) =>
			formatArticle(value, typeof value[BODY] === 'string' ? value[BODY] : '', shape),
	};
}

/** The canonical form of a data file (a product, an audit). */
function dataFormat(shape: FileShape) {
	return {
		fromFile: parseData,
		toFile: (value: Record<string, unknown>) => formatData(value, shape),
	};
}

async function start(): Promise<void> {
	const block = document.getElementById('hangar-editor');
	const page = JSON.parse(block?.textContent ?? '{}') as EditorPageData;
	window.CMS_MANUAL_INIT = true;
	await load(page.script);
	const cms = window.CMS;
	if (!cms) throw new Error('Sveltia CMS did not start');
	for (const [collection, { extension, shape }] of Object.entries(page.files)) {
		const format = extension === 'md' ? articleFormat(shape) : dataFormat(shape);
		cms.registerCustomFormat(formatName(collection, extension), extension, format);
	}
	await cms.init();
}

void start();
