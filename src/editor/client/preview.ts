/**
 * The editor's preview of an article: the headline block, key points, lead image and body in the
 * markup and classes of the site's article page (ArticleHeader, KeyPoints, LeadImage and `.prose`),
 * shown with the site's own stylesheets (`src/styles/global.css`, `src/styles/article-top.css`).
 * Sveltia draws it with React's `createElement`, which it offers as `window.h`.
 * @see https://sveltiacms.app/en/docs/api/preview-templates
 */
import { TYPE_LABELS } from '../../model/article-types.ts';
import { formatDate } from '../../model/dates.ts';

/** React's `createElement`, as Sveltia offers it. */
export type CreateElement = (
	type: string,
	props?: Record<string, unknown> | null,
	...children: unknown[]
) => unknown;

/** What Sveltia hands a preview template (the parts used here). */
export interface PreviewProps {
	entry: { getIn: (path: string[]) => unknown };
	widgetFor: (name: string) => unknown;
	getAsset: (path: string) => { url: string } | undefined;
}

/** A list field's value as an array of strings (Sveltia passes Immutable lists). */
function strings(value: unknown): string[] {
	const list = (value as { toJS?: () => unknown } | undefined)?.toJS?.() ?? value;
	return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string' && !!v) : [];
}

/** A date field's text as the site shows it, or nothing for an empty or half-typed date. */
function shownDate(value: unknown, locale: string, timeZone: string): string | undefined {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : formatDate(date, locale, timeZone);
}

/** The preview component of an article, for `CMS.registerPreviewTemplate`. */
export function articlePreview(h: CreateElement, locale: string, timeZone: string) {
	return function ArticlePreview({ entry, widgetFor, getAsset }: PreviewProps): unknown {
		const data = (name: string) => entry.getIn(['data', name]);
		const text = (name: string) => {
			const value = data(name);
			return typeof value === 'string' && value.trim() ? value : undefined;
		};
		const type = text('type') ?? 'news';
		const label = TYPE_LABELS[type as keyof typeof TYPE_LABELS] ?? type;
		const dates = [
			['Published', shownDate(data('date'), locale, timeZone)],
			['Last updated', shownDate(data('updated'), locale, timeZone)],
		].filter((d): d is [string, string] => d[1] !== undefined);
		const byline = [
			// The author is a slug; the editor's own preview of the field shows the author's name.
			text('author') &&
				h(
					'div',
					{ key: 'author' },
					h('dd', { style: { display: 'flex', gap: '0.3em' } }, 'By', widgetFor('author'))
				),
			...dates.map(([term, shown]) =>
				h('div', { key: term }, h('dt', null, term), h('dd', null, h('time', null, shown)))
			),
		];
		const points = strings(data('summary'));
		const image = text('image');
		const asset = image ? getAsset(image) : undefined;
		return h(
			'main',
			{ id: 'main' },
			h(
				'article',
				{ className: 'narrow' },
				h(
					'header',
					{ className: 'article-header' },
					h(
						'p',
						null,
						h('span', { className: 'label' }, label),
						data('draft') === true ? h('span', { className: 'label' }, 'Draft') : null
					),
					h('h1', null, text('title') ?? 'Untitled'),
					h('dl', { className: 'byline' }, ...byline)
				),
				points.length > 0
					? h(
							'aside',
							{ className: 'key-points' },
							h('h2', null, 'Key points'),
							h('ul', null, ...points.map((point, i) => h('li', { key: i }, point)))
						)
					: null,
				asset
					? h(
							'figure',
							{ className: 'lead-image' },
							h('img', { src: asset.url, alt: text('imageAlt') ?? '' }),
							text('imageCaption') ? h('figcaption', null, text('imageCaption')) : null
						)
					: null,
				h('div', { className: 'prose' }, widgetFor('body'))
			)
		);
	};
}
