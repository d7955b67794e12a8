import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { settingsProblems } from '../../../src/check/settings.ts';
import { checkSiteConfig } from '../../../src/check/site-config.ts';
import { environmentSchema } from '../../../src/model/environment-schema.ts';
import { newsletterCsp } from '../../../src/publish/newsletter.ts';
import { SITE } from '../../../src/site.config.ts';

const SOURCE = "export const SITE = defineSite({\n\tname: 'X',\n\ttimeZone: 'Europe/Londn',\n});\n";

describe('the site configuration', () => {
	test('as shipped, has no problem', () => {
		assert.deepEqual(checkSiteConfig(SITE), []);
	});

	test('names a wrong setting, what is wrong, the fix and its line', () => {
		const problems = checkSiteConfig({ ...SITE, timeZone: 'Europe/Londn' }, SOURCE);
		assert.equal(problems.length, 1);
		const [p] = problems;
		assert.equal(p?.file, 'src/site.config.ts');
		assert.equal(p?.field, 'timeZone');
		assert.equal(p?.line, 3);
		assert.match(p?.message ?? '', /^timeZone: "Europe\/Londn" is not a time zone/);
		assert.match(p?.message ?? '', /Europe\/London/);
	});

	test('reports every wrong setting at once, nested ones by their path', () => {
		const problems = checkSiteConfig({
			...SITE,
			url: 'news.example.com',
			locale: 'english!',
			callToAction: { ...SITE.callToAction, buttonUrl: 'shop' },
			brandColor: 'blue',
			comments: { ...SITE.comments, intakeUrl: 'comments.example.com' },
			pageSize: 0,
			redirects: [{ from: 'old', to: '/new/' }],
			extra: true,
		});
		assert.deepEqual(problems.map((p) => p.field).sort(), [
			'',
			'brandColor',
			'callToAction.buttonUrl',
			'comments.intakeUrl',
			'locale',
			'pageSize',
			'redirects[0].from',
			'url',
		]);
		assert.match(problems.find((p) => p.field === '')?.message ?? '', /extra/);
	});

	test('stops a command on a wrong setting with the report, exit 1 and no stack trace', () => {
		const script = [
			"import { defineSite } from './src/check/site-config.ts';",
			"import { SITE } from './src/site.config.ts';",
			"defineSite({ ...SITE, url: 'https://news.example.com/' }, '');",
			"console.log('not reached');",
		].join('\n');
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
			encoding: 'utf8',
		});
		assert.equal(run.status, 1);
		assert.match(
			run.stderr,
			/src\/site\.config\.ts {2}error {2}site-config {2}url: "https:\/\/news\.example\.com\/" must not end with a slash/
		);
		assert.match(run.stderr, /1 error in 1 file in the site configuration/);
		assert.doesNotMatch(run.stderr, /\n\s+at /);
		assert.doesNotMatch(run.stdout, /not reached/);
	});
});

describe('the environment settings', () => {
	test('name a wrong variable and what it takes', () => {
		const problems = settingsProblems(
			environmentSchema,
			{ HANGAR_BUILD_TIME: 'yesterday', HANGAR_COMMENTS: 'maybe', PATH: '/bin' },
			{
				file: 'environment',
				rule: 'environment',
				what: 'the environment',
				docs: 'docs/configuration.md',
			}
		);
		assert.deepEqual(
			problems.map((p) => p.message),
			[
				'HANGAR_BUILD_TIME: "yesterday" is not an ISO 8601 date, e.g. 2024-06-01T12:00:00Z',
				'HANGAR_COMMENTS: "maybe" must be "on" or "off"',
			]
		);
	});

	test('stop `npm run check` on a wrong value, with the report and no stack trace', () => {
		const run = spawnSync(process.execPath, ['scripts/check.ts'], {
			encoding: 'utf8',
			env: { ...process.env, HANGAR_BUILD_TIME: 'tomorrow' },
		});
		assert.equal(run.status, 1);
		assert.match(
			run.stderr,
			/^environment {2}error {2}environment {2}HANGAR_BUILD_TIME: "tomorrow" is not an ISO 8601 date/m
		);
		assert.doesNotMatch(run.stderr, /\n\s+at /);
	});
});

describe('the newsletter setting', () => {
	const SOURCE_WITH_FORM = [
		'export const SITE = defineSite({',
		'\tnewsletter: {',
		"\t\taction: 'http://example.com/subscribe',",
		'\t},',
		'});',
		'',
	].join('\n');

	test('refuses an endpoint that is not https, with its line and the fix', () => {
		if (!SITE.newsletter) throw new Error('the shipped site config has a newsletter form');
		const newsletter = { ...SITE.newsletter, action: 'http://example.com/subscribe' };
		const problems = checkSiteConfig({ ...SITE, newsletter }, SOURCE_WITH_FORM);
		assert.deepEqual(
			problems.map((p) => [p.file, p.line, p.field]),
			[['src/site.config.ts', 3, 'newsletter.action']]
		);
		assert.match(problems[0]?.message ?? '', /must be an https:\/\/ address/);
	});

	test('adds the endpoint to the CSP form-action, and nothing without a form', () => {
		assert.deepEqual(
			newsletterCsp({ ...SITE.newsletter, action: 'https://lists.example.com/f/1' } as never),
			{ 'form-action': ['https://lists.example.com'] }
		);
		assert.deepEqual(newsletterCsp(false), {});
	});
});
