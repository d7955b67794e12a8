/**
 * The search page: reads and writes the search state in the URL, runs Pagefind with OR within a
 * filter group and AND across groups, keeps the filter counts current, and renders results.
 *
 * The filter counts need every filter group's index. A plain text search needs none of them, so
 * they load only when the reader turns to the filter panel or the search itself filters; until
 * then the panel shows the build's counts of all articles while there is no search, and no counts
 * during one (counts of all articles beside a query's results would read as the query's).
 */
import {
	FILTER_KEYS,
	FILTER_LABELS,
	isActive,
	pagefindFilters,
	parseState,
	serializeState,
	type FilterKey,
	type SearchState,
} from '../state.ts';
import {
	hasFilterIndexes,
	loadFilterIndexes,
	loadPagefind,
	type PagefindSearch,
} from './pagefind.ts';
import { renderResult } from './result.ts';

const PAGE_SIZE = 10;

/** Starts the search page inside `form`. */
export function startSearchPage(form: HTMLFormElement): void {
	const query = form.querySelector<HTMLInputElement>('[data-search-primary]');
	const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
	const status = form.querySelector<HTMLElement>('[data-search-status]');
	const list = form.querySelector<HTMLOListElement>('[data-search-results]');
	const more = form.querySelector<HTMLButtonElement>('[data-search-more]');
	const empty = form.querySelector<HTMLElement>('[data-search-empty]');
	const chips = form.querySelector<HTMLElement>('[data-search-chips]');
	const emptyChips = form.querySelector<HTMLElement>('[data-search-empty-chips]');
	const panel = form.querySelector<HTMLDetailsElement>('[data-search-filters]');
	const chosenCount = form.querySelector<HTMLElement>('[data-filter-count]');
	const showResults = form.querySelector<HTMLButtonElement>('[data-show-results]');
	const results = form.querySelector<HTMLElement>('#results');
	if (!query || !sort || !status || !list || !more || !empty || !chips || !emptyChips) return;
	const locale = form.dataset['locale'] ?? 'en';
	const timeZone = form.dataset['timeZone'] ?? 'UTC';

	let run = 0;
	let shown = 0;
	let current: PagefindSearch | undefined;
	/** The state of the latest search, shown or on its way. */
	let latest: SearchState | undefined;
	/** Whether the filter counts follow the search (the filter indexes are then loaded). */
	let liveCounts = false;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;

	const checkboxes = () => [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

	function readForm(): SearchState {
		return parseState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
	}

	function writeForm(state: SearchState): void {
		query!.value = state.query;
		sort!.value = state.sort;
		for (const box of checkboxes()) {
			box.checked = state.filters[box.name as FilterKey]?.includes(box.value) ?? false;
		}
	}

	function commit(push: boolean): void {
		const state = readForm();
		const url = `${location.pathname}${serializeState(state)}`;
		if (url !== `${location.pathname}${location.search}`) {
			if (push) history.pushState(null, '', url);
			else history.replaceState(null, '', url);
		}
		void search(state);
	}

	async function search(state: SearchState): Promise<void> {
		const mine = ++run;
		latest = state;
		// Filtering loads filter indexes anyway, and a reader who filters wants the counts.
		if (hasFilters(state)) liveCounts = true;
		if (!liveCounts) showBuildCounts(!isActive(state));
		showChosen(state);
		if (!isActive(state)) {
			list!.replaceChildren();
			more!.hidden = true;
			empty!.hidden = true;
			chips!.replaceChildren();
			status!.textContent = 'Type a search or choose a filter.';
			await updateCounts(state, undefined, mine);
			return;
		}
		status!.textContent = 'Searching…';
		const pagefind = await loadPagefind();
		const term = state.query || null;
		// Without words there is no relevance to rank by: browse newest first.
		const order = state.sort === 'newest' || !term ? { sort: { date: 'desc' } } : {};
		// A search run before the filter indexes loaded counts only the groups it filters on.
		const countsEveryGroup = hasFilterIndexes();
		const result = await pagefind.search(term, { filters: pagefindFilters(state), ...order });
		if (mine !== run) return;
		current = result;
		shown = 0;
		list!.replaceChildren();
		renderChips(state);
		await showMore(mine);
		if (mine !== run) return;
		const n = result.results.length;
		if (showResults) showResults.textContent = n === 1 ? 'Show 1 result' : `Show ${n} results`;
		const words = state.query ? ` for “${state.query}”` : '';
		status!.textContent =
			n === 0
				? `No results${words}.`
				: `${n} ${n === 1 ? 'result' : 'results'}${words}${hasFilters(state) ? ' with the chosen filters' : ''}.`;
		empty!.hidden = n !== 0;
		await updateCounts(state, countsEveryGroup ? result : undefined, mine);
	}

	async function showMore(mine: number): Promise<void> {
		if (!current) return;
		const batch = current.results.slice(shown, shown + PAGE_SIZE);
		const data = await Promise.all(batch.map((r) => r.data()));
		if (mine !== run) return;
		const firstNew = shown;
		list!.append(...data.map((d) => renderResult(d, locale, timeZone)));
		shown += batch.length;
		more!.hidden = shown >= current.results.length;
		if (firstNew > 0) list!.children[firstNew]?.querySelector('a')?.focus();
	}

	/** The build's counts (of all articles) while there is no search; no counts during one. */
	function showBuildCounts(visible: boolean): void {
		for (const el of form.querySelectorAll<HTMLElement>('[data-count-key]')) el.hidden = !visible;
		// Without live counts no value is known to be empty: every one may be chosen.
		for (const box of checkboxes()) box.disabled = false;
	}

	/** "Filters (n)": how many values are chosen, readable with the panel closed. */
	function showChosen(state: SearchState): void {
		const n = FILTER_KEYS.reduce((sum, key) => sum + state.filters[key].length, 0);
		if (chosenCount) chosenCount.textContent = n > 0 ? ` (${n})` : '';
	}

	/** From now on, the counts follow the search: loads the filter indexes and counts. */
	function useLiveCounts(): void {
		if (liveCounts) return;
		liveCounts = true;
		if (latest) void updateCounts(latest, undefined, run);
	}

	/**
	 * Live counts per option: for a group with choices, as if that group were left out (OR within).
	 * Does nothing until the counts are live.
	 */
	async function updateCounts(state: SearchState, main: PagefindSearch | undefined, mine: number) {
		if (!liveCounts) return;
		await loadFilterIndexes();
		if (mine !== run) return;
		const pagefind = await loadPagefind();
		const term = state.query || null;
		const base = main ?? (await pagefind.search(term, { filters: pagefindFilters(state) }));
		const counts: Partial<Record<FilterKey, Record<string, number>>> = {};
		for (const key of FILTER_KEYS) {
			if (state.filters[key].length === 0) counts[key] = base.filters[key] ?? {};
			else
				counts[key] =
					(await pagefind.search(term, { filters: pagefindFilters(state, key) })).filters[key] ??
					{};
		}
		if (mine !== run) return;
		for (const el of form.querySelectorAll<HTMLElement>('[data-count-key]')) {
			const key = el.dataset['countKey'] as FilterKey;
			const count = counts[key]?.[el.dataset['countValue'] ?? ''] ?? 0;
			el.textContent = String(count);
			el.hidden = false;
			// A value that would leave no result is shown but not offered; a chosen one stays
			// choosable, so the reader can untick it.
			const box = el.closest('li')?.querySelector('input');
			if (box) box.disabled = count === 0 && !box.checked;
		}
	}

	function hasFilters(state: SearchState): boolean {
		return FILTER_KEYS.some((k) => state.filters[k].length > 0);
	}

	function renderChips(state: SearchState): void {
		chips!.replaceChildren(...filterChips(state));
		emptyChips!.replaceChildren(...filterChips(state));
	}

	/** A button per chosen filter value that removes it, and one that removes them all. */
	function filterChips(state: SearchState): HTMLButtonElement[] {
		const uncheck = (match: (box: HTMLInputElement) => boolean) => () => {
			for (const box of checkboxes()) if (match(box)) box.checked = false;
			commit(true);
		};
		const buttons = FILTER_KEYS.flatMap((key) =>
			state.filters[key].map((value) =>
				chip(
					`${FILTER_LABELS[key]}: ${value}`,
					`Remove filter ${FILTER_LABELS[key]}: ${value}`,
					uncheck((box) => box.name === key && box.value === value)
				)
			)
		);
		if (buttons.length > 1) {
			buttons.push(
				chip(
					'Clear all filters',
					'Clear all filters',
					uncheck(() => true)
				)
			);
		}
		return buttons;
	}

	function chip(text: string, label: string, action: () => void): HTMLButtonElement {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'chip';
		button.textContent = text;
		button.setAttribute('aria-label', label);
		button.addEventListener('click', action);
		return button;
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		clearTimeout(typingTimer);
		commit(true);
	});
	form.addEventListener('change', (event) => {
		if (event.target === query) return;
		commit(true);
	});
	query.addEventListener('input', () => {
		clearTimeout(typingTimer);
		void loadPagefind().then((p) => p.preload(query.value));
		// Typing refines one search: replace the history entry rather than add one per key.
		typingTimer = setTimeout(() => commit(false), 250);
	});
	more.addEventListener('click', () => void showMore(run));
	// On a narrow screen the open panel hides the results below it: close it and go to them.
	showResults?.addEventListener('click', () => {
		if (panel) panel.open = false;
		results?.focus({ preventScroll: true });
		results?.scrollIntoView({ block: 'start' });
	});
	// Turning to the filter panel, by keyboard (focus reaches a summary or a checkbox first) or by
	// pointer, makes the counts live before a choice is made. A click, not a pointerdown: a finger
	// scrolling past the panel is not using it.
	for (const type of ['focusin', 'click']) {
		panel?.addEventListener(type, useLiveCounts, { once: true });
	}
	window.addEventListener('popstate', () => {
		const state = parseState(new URLSearchParams(location.search));
		// Following an in-page link ("Skip to results") also pops state; the search is the same.
		if (latest && serializeState(state) === serializeState(latest)) return;
		writeForm(state);
		void search(state);
	});

	// The reader may already be in the filter panel: its focus is what loaded this code.
	if (panel?.contains(document.activeElement)) liveCounts = true;
	// Pagefind's code and WebAssembly are needed by any search; fetch them while the reader types.
	void loadPagefind();
	const initial = parseState(new URLSearchParams(location.search));
	if (isActive(initial)) {
		writeForm(initial);
		void search(initial);
	} else {
		// The first keystroke or tick may have happened while this code was loading.
		commit(false);
	}
}
