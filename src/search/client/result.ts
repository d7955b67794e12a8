/**
 * A search result as the search page shows it: the article's picture, type and date, its linked
 * title, its description (a whole sentence its author wrote), then where the words were found,
 * trimmed to whole sentences, and up to three matching sections.
 */
import { formatDate, machineDate } from '../../model/dates.ts';
import { sentenceExcerpt, withoutLead } from './excerpt.ts';
import type { PagefindResultData } from './pagefind.ts';
import { THUMB_KEY } from '../state.ts';

/** One result as a list item: picture, type, date, linked title, description, excerpt, sections. */
export function renderResult(
	data: PagefindResultData,
	locale: string,
	timeZone: string
): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'result';
	const article = document.createElement('article');
	const thumb = data.filters[THUMB_KEY]?.[0];
	if (thumb) {
		const img = document.createElement('img');
		img.src = thumb;
		img.alt = '';
		img.width = 120;
		img.height = 68;
		img.loading = 'lazy';
		img.decoding = 'async';
		article.append(img);
	}
	const body = document.createElement('div');
	const meta = document.createElement('p');
	meta.className = 'result-meta';
	if (data.meta['type']) {
		const label = document.createElement('span');
		label.className = 'label';
		label.textContent = data.meta['type'];
		meta.append(label, ' ');
	}
	const date = data.meta['date'] ? new Date(data.meta['date']) : undefined;
	if (date && !Number.isNaN(date.getTime())) {
		const time = document.createElement('time');
		time.dateTime = machineDate(date);
		time.textContent = formatDate(date, locale, timeZone);
		meta.append(time);
	}
	const heading = document.createElement('h3');
	const link = document.createElement('a');
	link.href = data.url;
	link.textContent = data.meta['title'] ?? data.url;
	heading.append(link);
	body.append(meta, heading);
	const title = data.meta['title'] ?? '';
	const description = data.meta['description'] ?? '';
	if (description) {
		const lead = document.createElement('p');
		lead.className = 'description';
		lead.textContent = description;
		body.append(lead);
	}
	// Where the words were found, in whole sentences; left out when it only repeats the lead.
	const found = withoutLead(sentenceExcerpt(data.excerpt), [title, description]);
	if (found) {
		const excerpt = document.createElement('p');
		excerpt.className = 'excerpt';
		// Pagefind encodes the page text before adding <mark>, so its excerpt is safe as HTML.
		excerpt.innerHTML = found;
		body.append(excerpt);
	}
	const subs = data.sub_results.filter((s) => s.url.includes('#') && s.title !== title).slice(0, 3);
	if (subs.length > 0) {
		const ul = document.createElement('ul');
		ul.className = 'sub-results';
		for (const sub of subs) {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = sub.url;
			a.textContent = sub.title;
			const text = document.createElement('span');
			text.innerHTML = sentenceExcerpt(sub.excerpt);
			li.append(a, ' ', text);
			ul.append(li);
		}
		body.append(ul);
	}
	article.append(body);
	item.append(article);
	return item;
}
