/**
 * Browser-side helpers for the e2e tests: serve the built site and open pages in Chromium while
 * recording everything that went wrong on the way (console errors, uncaught exceptions, failed or
 * erroring requests).
 */
import { after, before } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { launch } from './browser.ts';
import { serve, type StaticServer } from './serve.ts';
import { SITE_DIR, discoverPages, type SitePages } from './site.ts';

/** The served site and one page of each type. */
export interface Site {
	server: StaticServer;
	pages: SitePages;
	/** Absolute URL of a path on the served site. */
	url: (path: string) => string;
}

/** Serves the built site (HANGAR_SITE_DIR or dist/) and discovers its pages. */
export async function startSite(dir: string = SITE_DIR): Promise<Site> {
	const pages = discoverPages(dir);
	const server = await serve(dir);
	return { server, pages, url: (path) => new URL(path, server.url).href };
}

/** The served site, a browser and one page in it, for a `describe` block. */
export interface SiteInBrowser {
	site: Site;
	browser: Awaited<ReturnType<typeof launch>>;
	page: Page;
}

/**
 * Serves the built site and opens one browser page before the surrounding `describe` block's
 * tests, and closes both after them. The fields are filled in by the time a test runs.
 */
export function useSiteInBrowser(): SiteInBrowser {
	const ctx = {} as SiteInBrowser;
	before(async () => {
		ctx.site = await startSite();
		ctx.browser = await launch();
		ctx.page = await ctx.browser.context.newPage();
	});
	after(async () => {
		await ctx.browser?.close();
		await ctx.site?.server.close();
	});
	return ctx;
}

/** Problems seen while a page loaded. */
export interface PageProblems {
	consoleErrors: string[];
	pageErrors: string[];
	failedRequests: string[];
}

/**
 * Records console errors, uncaught exceptions and failed requests (network failures and HTTP
 * errors) on `page`. `expectedErrorUrl` is a URL allowed to answer with an error status (the
 * missing page asked for on purpose); Chromium's console report of that one status is ignored too.
 */
export function watch(page: Page, expectedErrorUrl?: string): PageProblems & { stop: () => void } {
	const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
	const onConsole = (msg: import('playwright-core').ConsoleMessage) => {
		if (msg.type() !== 'error') return;
		const where = msg.location().url;
		if (expectedErrorUrl && where === expectedErrorUrl && /status of 404/.test(msg.text())) return;
		problems.consoleErrors.push(`${msg.text()}${where ? ` (${where})` : ''}`);
	};
	const onPageError = (error: Error) => problems.pageErrors.push(String(error));
	const onFailed = (req: import('playwright-core').Request) =>
		problems.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
	const onResponse = (res: Response) => {
		if (res.status() >= 400 && res.url() !== expectedErrorUrl) {
			problems.failedRequests.push(`${res.url()}: HTTP ${res.status()}`);
		}
	};
	page.on('console', onConsole);
	page.on('pageerror', onPageError);
	page.on('requestfailed', onFailed);
	page.on('response', onResponse);
	return {
		...problems,
		stop: () => {
			page.off('console', onConsole);
			page.off('pageerror', onPageError);
			page.off('requestfailed', onFailed);
			page.off('response', onResponse);
		},
	};
}

/** Opens `url` and waits until the page and its images have loaded; returns the response. */
export async function open(page: Page, url: string): Promise<Response> {
	const response = await page.goto(url, { waitUntil: 'load' });
	if (!response) throw new Error(`No response for ${url}`);
	return response;
}

/** The body's computed background colour, as `rgb(…)`. */
export async function bodyBackground(page: Page): Promise<string> {
	return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** Relative luminance (WCAG) of an `rgb()`/`rgba()` colour string; throws on other formats. */
export function luminance(color: string): number {
	const m = /^rgba?\((\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)[ ,]+(\d+(?:\.\d+)?)/.exec(color);
	if (!m) throw new Error(`Cannot read the colour ${color}`);
	const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
		const v = Number(c) / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Whether the page is shown dark or light, judged by the body's background. */
export async function shownScheme(page: Page): Promise<'light' | 'dark'> {
	return luminance(await bodyBackground(page)) < 0.2 ? 'dark' : 'light';
}
