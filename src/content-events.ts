/**
 * How `astro dev` tells what the content layer changed to the parts of Hangar that keep something
 * derived from the content outside the page modules (the dev search index). `content.ts` calls
 * `contentChanged()` on the content layer's own change event; the dev server's integrations listen.
 * The state lives on the global object: the integrations and the pages' modules are loaded apart
 * (Node and Vite's module runner, in one process), and the runner evaluates `content.ts` afresh after
 * every change.
 */
const KEY = Symbol.for('hangar.content-events');

interface Events {
	version: number;
	listeners: Set<() => void>;
}

function events(): Events {
	const holder = globalThis as { [KEY]?: Events };
	holder[KEY] ??= { version: 0, listeners: new Set() };
	return holder[KEY];
}

/** How many times the content changed since the dev server started. */
export function contentVersion(): number {
	return events().version;
}

/** Records a change of the content and tells every listener. */
export function contentChanged(): void {
	const state = events();
	state.version += 1;
	for (const listener of state.listeners) listener();
}

/** Calls `listener` after each change of the content; returns what stops it. */
export function onContentChange(listener: () => void): () => void {
	const state = events();
	state.listeners.add(listener);
	return () => state.listeners.delete(listener);
}

/**
 * A cache that outlives the evaluations of `content.ts` in `astro dev`, for values derived from one
 * entry and keyed by what they depend on (the content layer's digest of the entry, for one).
 */
export function lastingCache<T>(name: string): Map<string, T> {
	const holder = globalThis as Record<symbol, Map<string, T> | undefined>;
	const key = Symbol.for(`hangar.cache.${name}`);
	return (holder[key] ??= new Map<string, T>());
}
