/**
 * Debian's Chromium driven by playwright-core, started the way this machine needs: headless, no
 * sandbox (root), no background networking (the network is closed), a fresh profile each time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Path of the browser; CHROME_PATH overrides it. */
export const CHROMIUM = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';

/** The flags this machine needs (root, no GPU, a closed network), for every browser the tests start. */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A browser context and a function that closes it and removes its profile. */
export async function launch(
	options: {
		colorScheme?: 'light' | 'dark';
		viewport?: { width: number; height: number };
		/** false: a reader without JavaScript. */
		javaScriptEnabled?: boolean;
	} = {}
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'hangar-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		colorScheme: options.colorScheme ?? 'light',
		viewport: options.viewport ?? { width: 1280, height: 900 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
	});
	return {
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
