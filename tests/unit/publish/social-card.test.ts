import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	articleCard,
	socialCacheKey,
	socialCardTree,
	titleSize,
	type CardNode,
	type SocialCard,
} from '../../../src/publish/social-card.ts';
import { makeArticle } from '../../helpers/factories.ts';

const CARD: SocialCard = {
	title: 'Booz Allen finds no unexpected data transmission',
	label: 'News',
	date: '22 July 2020',
	siteName: 'Dealer',
	brandColor: '#0b5cad',
};
const VERSIONS = ['satori@1', 'sharp@1'];
const LOGO = new Uint8Array([1, 2, 3]);

function texts(node: CardNode): string[] {
	const children = node.props.children;
	if (typeof children === 'string') return [children];
	return (children ?? []).flatMap(texts);
}

function images(node: CardNode): unknown[] {
	const children = node.props.children;
	const own = node.type === 'img' ? [node.props['src']] : [];
	return [...own, ...(typeof children === 'string' ? [] : (children ?? []).flatMap(images))];
}

describe('social card', () => {
	test('shows the type, headline, dealer name and date of an article', () => {
		const card = articleCard(
			makeArticle({
				slug: 'a',
				title: 'Headline',
				type: 'guide',
				date: new Date('2020-07-22T00:00:00Z'),
			}),
			{
				name: 'Dealer',
				description: 'd',
				locale: 'en-GB',
				timeZone: 'Europe/London',
				brandColor: '#000000',
			}
		);
		assert.deepEqual(texts(socialCardTree(card, { logo: 'data:logo' })), [
			'GUIDE',
			'Headline',
			'Dealer',
			'22 July 2020',
		]);
	});

	test('embeds the lead image only when the article has one', () => {
		assert.deepEqual(images(socialCardTree(CARD, { logo: 'data:logo' })), ['data:logo']);
		assert.deepEqual(images(socialCardTree(CARD, { logo: 'data:logo', lead: 'data:lead' })), [
			'data:logo',
			'data:lead',
		]);
	});

	test('sets long headlines smaller, and narrower beside a lead image', () => {
		assert.ok(titleSize('x'.repeat(30), false) > titleSize('x'.repeat(120), false));
		assert.ok(titleSize('x'.repeat(30), true) < titleSize('x'.repeat(30), false));
	});
});

describe('social image cache key', () => {
	const layout = (card: SocialCard) => socialCardTree(card, { logo: 'logo' });
	const key = socialCacheKey(layout(CARD), [LOGO], VERSIONS);

	test('is the same for the same card, images and renderer versions', () => {
		assert.equal(
			socialCacheKey(layout({ ...CARD }), [new Uint8Array([1, 2, 3])], [...VERSIONS]),
			key
		);
	});

	test('changes with anything that changes the pixels', () => {
		assert.notEqual(socialCacheKey(layout({ ...CARD, title: 'Other' }), [LOGO], VERSIONS), key);
		assert.notEqual(socialCacheKey(layout({ ...CARD, brandColor: '#fff' }), [LOGO], VERSIONS), key);
		assert.notEqual(socialCacheKey(layout(CARD), [LOGO, new Uint8Array([9])], VERSIONS), key);
		assert.notEqual(socialCacheKey(layout(CARD), [new Uint8Array([1, 2, 4])], VERSIONS), key);
		assert.notEqual(socialCacheKey(layout(CARD), [LOGO], ['satori@2', 'sharp@1']), key);
	});

	test('changes when the layout changes, with no version to bump by hand', () => {
		const moved = layout(CARD);
		moved.props.style = { ...moved.props.style, padding: 1 };
		assert.notEqual(socialCacheKey(moved, [LOGO], VERSIONS), key);
	});
});
