/**
 * The not-found page: searches for the words of the missed address and offers the best matches,
 * so a mistyped or moved article link still leads somewhere.
 */
import { queryFromPath } from '../state.ts';
import { loadPagefind } from './pagefind.ts';

/** Fills `list` with up to `limit` articles matching the words of the current URL. */
export async function suggestForMissedUrl(list: HTMLOListElement, limit = 5): Promise<number> {
	const words = queryFromPath(location.pathname);
	if (!words) return 0;
	const pagefind = await loadPagefind();
	// All words at once first; a mistyped word can make that find nothing, so then score
	// articles by how many of the words each one matches.
	const all = await pagefind.search(words);
	let ids = all.results.map((r) => r);
	if (ids.length === 0) {
		const scores = new Map<
			string,
			{ result: (typeof all.results)[number]; hits: number; score: number }
		>();
		for (const word of words.split(' ').filter((w) => w.length > 2)) {
			for (const result of (await pagefind.search(word)).results) {
				const seen = scores.get(result.id);
				if (seen) {
					seen.hits += 1;
					seen.score += result.score;
				} else scores.set(result.id, { result, hits: 1, score: result.score });
			}
		}
		ids = [...scores.values()]
			.sort((a, b) => b.hits - a.hits || b.score - a.score)
			.map((s) => s.result);
	}
	const data = await Promise.all(ids.slice(0, limit).map((r) => r.data()));
	list.replaceChildren(
		...data.map((d) => {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = d.url;
			a.textContent = d.meta['title'] ?? d.url;
			li.append(a);
			return li;
		})
	);
	return data.length;
}
