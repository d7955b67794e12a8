/**
 * The browser editor in a test: Chromium offers no way to answer its folder picker, so the picker
 * hands the editor the browser's private file system (OPFS), filled with a copy of `content/`;
 * what the editor writes there is read back from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './build.ts';

/** Requests the editor makes that its policy refuses on purpose: an update check, a status check. */
export const EXPECTED_REFUSALS = /unpkg\.com\/@sveltia\/cms\/package\.json|githubstatus\.com/;

/** Every file under `content/`, by path from the repository's root, base64. */
export function contentFiles(dir = join(ROOT, 'content')): Record<string, string> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) Object.assign(files, contentFiles(path));
		else files[relative(ROOT, path)] = readFileSync(path).toString('base64');
	}
	return files;
}

/** The folder picker answered with the origin's private file system. */
export const PICKER = 'window.showDirectoryPicker = async () => navigator.storage.getDirectory();';

/** Fills the private file system with `files` and the `.git` folder the editor looks for. */
export async function fillFolder(page: Page, files: Record<string, string>): Promise<void> {
	await page.evaluate(async (files) => {
		const root = await navigator.storage.getDirectory();
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) {
			await root.removeEntry(name, { recursive: true });
		}
		const git = await root.getDirectoryHandle('.git', { create: true });
		const head = await (await git.getFileHandle('HEAD', { create: true })).createWritable();
		await head.write('ref: refs/heads/main\n');
		await head.close();
		for (const [path, base64] of Object.entries(files)) {
			const parts = path.split('/');
			let dir = root;
			for (const part of parts.slice(0, -1))
				dir = await dir.getDirectoryHandle(part, { create: true });
			const file = await dir.getFileHandle(parts.at(-1) ?? '', { create: true });
			const out = await file.createWritable();
			await out.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
			await out.close();
		}
	}, files);
}

/** Every file in the private file system but `.git`, by path, base64. */
export async function readFolder(page: Page): Promise<Record<string, string>> {
	return page.evaluate(async () => {
		const out: Record<string, string> = {};
		type Dir = FileSystemDirectoryHandle & {
			entries(): AsyncIterable<[string, FileSystemHandle]>;
		};
		const walk = async (dir: Dir, prefix: string) => {
			for await (const [name, handle] of dir.entries()) {
				const path = prefix ? `${prefix}/${name}` : name;
				if (path === '.git') continue;
				if (handle.kind === 'directory') await walk(handle, path);
				else {
					const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
					let text = '';
					for (const byte of bytes) text += String.fromCharCode(byte);
					out[path] = btoa(text);
				}
			}
		};
		await walk(await navigator.storage.getDirectory(), '');
		return out;
	});
}
