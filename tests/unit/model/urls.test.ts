import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
	absoluteUrl,
	articlesUrl,
	articleUrl,
	auditUrl,
	productUrl,
	tagUrl,
} from '../../../src/model/urls.ts';

test('builds the contract URLs with trailing slashes', () => {
	assert.equal(articlesUrl(), '/articles/');
	assert.equal(articleUrl('booz-allen-audit'), '/articles/booz-allen-audit/');
	assert.equal(productUrl('mavic-2'), '/products/mavic-2/');
	assert.equal(auditUrl('bah-2020'), '/audits/bah-2020/');
	assert.equal(tagUrl('data-security'), '/tags/data-security/');
});

test('puts page 1 at the listing itself and later pages under it', () => {
	assert.equal(articlesUrl(1), '/articles/');
	assert.equal(articlesUrl(3), '/articles/3/');
	assert.equal(productUrl('x', 2), '/products/x/2/');
	assert.equal(tagUrl('t', 2), '/tags/t/2/');
});

test('encodes characters a tag slug may keep', () => {
	assert.equal(tagUrl('überwachung'), '/tags/%C3%BCberwachung/');
});

test('makes absolute URLs whether or not the site URL ends in a slash', () => {
	assert.equal(absoluteUrl('https://example.com', '/a/'), 'https://example.com/a/');
	assert.equal(absoluteUrl('https://example.com/', '/a/'), 'https://example.com/a/');
});
