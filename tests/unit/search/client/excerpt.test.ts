import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sentenceExcerpt, withoutLead } from '../../../../src/search/client/excerpt.ts';

describe('sentenceExcerpt', () => {
	test('starts after the sentence end before the first match and stops at the one after the last', () => {
		assert.equal(
			sentenceExcerpt(
				'they covered. Check four controls: link <mark>encryption</mark>, storage. Keep an evidence file; federal'
			),
			'Check four controls: link <mark>encryption</mark>, storage.'
		);
	});

	test('marks ends that stay cut with an ellipsis', () => {
		assert.equal(
			sentenceExcerpt('the radio link with <mark>AES-256</mark> between aircraft and'),
			'… the radio link with <mark>AES-256</mark> between aircraft and …'
		);
	});

	test('keeps an excerpt that is one whole sentence', () => {
		const whole = 'Someone nearby can read <mark>telemetry</mark>.';
		assert.equal(sentenceExcerpt(whole), whole);
	});

	test('drops whole sentences without a match before it', () => {
		assert.equal(
			sentenceExcerpt('Yes. Someone nearby can read <mark>telemetry</mark>.'),
			'Someone nearby can read <mark>telemetry</mark>.'
		);
	});

	test('is empty for an empty excerpt', () => {
		assert.equal(sentenceExcerpt('  '), '');
	});
});

describe('withoutLead', () => {
	const lead = ['AES-256 on the link: what it does, and what it does not', 'A description.'];

	test('drops leading sentences that repeat the title or description', () => {
		assert.equal(
			withoutLead(
				'what it does, and what it <mark>does</mark> not. The radio <mark>link</mark> is encrypted.',
				lead
			),
			'The radio <mark>link</mark> is encrypted.'
		);
	});

	test('is empty when the excerpt only repeats them', () => {
		assert.equal(withoutLead('… AES-256 on the <mark>link</mark>', lead), '');
	});

	test('keeps an excerpt that says something new from its start', () => {
		const excerpt = 'Someone nearby <mark>recording</mark>.';
		assert.equal(withoutLead(excerpt, lead), excerpt);
	});
});
