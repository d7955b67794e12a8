import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	parseListen,
	parseRateLimit,
	serviceConfig,
} from '../../../../src/comments/service/config.ts';

const SITE_URL = 'https://news.example.com';
const HASH = 'scrypt:16384:8:1:BwcHBwcHBwcHBwcHBwcHBw:3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

describe('intake service settings', () => {
	test('default to this machine, the site config and the repository layout', () => {
		assert.deepEqual(serviceConfig({}, `${SITE_URL}/`), {
			host: '127.0.0.1',
			port: 8787,
			db: './comments.sqlite',
			passwordHash: undefined,
			siteOrigins: [SITE_URL],
			contentDir: './content/comments',
			webhook: undefined,
			articles: './dist/comments.json',
			rateLimit: { limit: 5, windowMs: 600_000 },
			trustProxy: false,
		});
	});

	test('come from the COMMENTS_* variables', () => {
		const config = serviceConfig(
			{
				COMMENTS_LISTEN: '[::1]:9000',
				COMMENTS_DB: '/var/lib/hangar/comments.sqlite',
				COMMENTS_PASSWORD_HASH: HASH,
				COMMENTS_SITE_ORIGIN: 'https://news.example.com/, http://localhost:4321',
				COMMENTS_CONTENT_DIR: 'off',
				COMMENTS_WEBHOOK: 'https://api.example.com/build_hooks/abc',
				COMMENTS_ARTICLES: 'https://news.example.com/comments.json',
				COMMENTS_RATE_LIMIT: '10/3600',
				COMMENTS_TRUST_PROXY: 'yes',
			},
			SITE_URL
		);
		assert.equal(config.host, '::1');
		assert.equal(config.port, 9000);
		assert.deepEqual(config.siteOrigins, [SITE_URL, 'http://localhost:4321']);
		assert.equal(config.contentDir, undefined);
		assert.deepEqual(config.rateLimit, { limit: 10, windowMs: 3_600_000 });
		assert.equal(config.trustProxy, true);
		assert.equal(config.passwordHash, HASH);
	});

	test('name the variable and the fix when a value is wrong', () => {
		assert.throws(() => parseListen('8787'), /COMMENTS_LISTEN="8787" must be host:port/);
		assert.throws(() => parseListen('host:70000'), /COMMENTS_LISTEN/);
		assert.throws(
			() => parseRateLimit('5 per minute'),
			/COMMENTS_RATE_LIMIT="5 per minute" must be count\/seconds/
		);
		assert.throws(
			() => serviceConfig({ COMMENTS_PASSWORD_HASH: 'hunter2' }, SITE_URL),
			/COMMENTS_PASSWORD_HASH=.*hash-password/
		);
		assert.throws(
			() => serviceConfig({ COMMENTS_SITE_ORIGIN: 'news.example.com' }, SITE_URL),
			/COMMENTS_SITE_ORIGIN="news\.example\.com" is not a web address/
		);
		assert.throws(
			() => serviceConfig({ COMMENTS_WEBHOOK: 'ftp://x' }, SITE_URL),
			/COMMENTS_WEBHOOK/
		);
		assert.throws(
			() => serviceConfig({ COMMENTS_TRUST_PROXY: 'sometimes' }, SITE_URL),
			/COMMENTS_TRUST_PROXY/
		);
	});
});
