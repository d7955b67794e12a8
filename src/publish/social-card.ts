/**
 * The social image of a page (1200×630, what a shared link shows): its text and layout as a tree
 * that satori lays out and turns into SVG paths with the fonts the project ships, and the key under
 * which the rendered image is cached. Rendering and caching live in `src/publish/social-card-images.ts`.
 */
import { createHash } from 'node:crypto';
import { TYPE_LABELS } from '../model/articles.ts';
import { formatDate } from '../model/dates.ts';
import type { Article } from '../model/types.ts';

/** Width of every social image: the 1200 px OpenGraph and Google Discover ask for. */
export const SOCIAL_WIDTH = 1200;
/** Height of every social image (1.91:1, the ratio the networks crop to). */
export const SOCIAL_HEIGHT = 630;
/** The font family name the tree asks for; `src/publish/social-card-images.ts` loads it. */
export const FONT_FAMILY = 'Inter';

/** What a card shows. */
export interface SocialCard {
	/** Headline (plain text, however much it looks like HTML). */
	title: string;
	/** Small label above it, e.g. "News"; empty for none. */
	label: string;
	/** Date line, e.g. "22 July 2020"; empty for none. */
	date: string;
	/** The dealer's name. */
	siteName: string;
	/** Background colour, #rrggbb. */
	brandColor: string;
}

/** What a card needs to know about the site. */
export interface CardSite {
	name: string;
	description: string;
	locale: string;
	timeZone: string;
	brandColor: string;
}

/** An article's card: its type, headline and publication date, under the dealer's name. */
export function articleCard(article: Article, site: CardSite): SocialCard {
	return {
		title: article.title,
		label: TYPE_LABELS[article.type],
		date: formatDate(article.date, site.locale, site.timeZone),
		siteName: site.name,
		brandColor: site.brandColor,
	};
}

/** The card of every page that is not an article: the newsroom's description. */
export function siteCard(site: CardSite): SocialCard {
	return {
		title: site.description,
		label: 'Newsroom',
		date: '',
		siteName: site.name,
		brandColor: site.brandColor,
	};
}

/** Images the card embeds, as data: URIs. */
export interface CardImages {
	/** The dealer's logo. */
	logo: string;
	/** The lead image, already cropped to the card's right-hand panel. */
	lead?: string | undefined;
}

/** Width of the lead image panel on the right, when there is a lead image. */
export const LEAD_PANEL_WIDTH = 460;

/** An element of the tree satori renders (the shape of a React element, without React). */
export interface CardNode {
	type: string;
	props: { style?: Record<string, string | number>; children?: CardNode[] | string } & Record<
		string,
		unknown
	>;
}

function el(
	type: string,
	style: Record<string, string | number>,
	children?: CardNode[] | string,
	attrs: Record<string, unknown> = {}
): CardNode {
	return { type, props: { ...attrs, style, ...(children !== undefined ? { children } : {}) } };
}

/** Headline size by length, so short titles fill the card and long ones still fit in four lines. */
export function titleSize(title: string, narrow: boolean): number {
	const length = [...title].length;
	const sizes = narrow ? [60, 50, 42, 36] : [72, 60, 50, 42];
	if (length <= 40) return sizes[0] ?? 60;
	if (length <= 70) return sizes[1] ?? 50;
	if (length <= 110) return sizes[2] ?? 42;
	return sizes[3] ?? 36;
}

/** The card's layout: label, headline, then the logo, dealer name and date; the lead image on the right. */
export function socialCardTree(card: SocialCard, images: CardImages): CardNode {
	const narrow = images.lead !== undefined;
	const text = el(
		'div',
		{
			display: 'flex',
			flexDirection: 'column',
			justifyContent: 'space-between',
			flexGrow: 1,
			padding: '56px 64px',
		},
		[
			el(
				'div',
				{ display: 'flex', fontSize: 26, fontWeight: 700, letterSpacing: 3, opacity: 0.85 },
				card.label.toUpperCase()
			),
			el(
				'div',
				{
					display: 'block',
					fontSize: titleSize(card.title, narrow),
					fontWeight: 700,
					lineHeight: 1.12,
					lineClamp: 4,
				},
				card.title
			),
			el('div', { display: 'flex', alignItems: 'center', fontSize: 26 }, [
				el('img', { width: 56, height: 56, marginRight: 20, borderRadius: 12 }, undefined, {
					src: images.logo,
					width: 56,
					height: 56,
				}),
				el('div', { display: 'flex', flexDirection: 'column' }, [
					el('div', { display: 'flex', fontWeight: 700 }, card.siteName),
					...(card.date ? [el('div', { display: 'flex', opacity: 0.85 }, card.date)] : []),
				]),
			]),
		]
	);
	const lead = images.lead
		? [
				el(
					'img',
					{ width: LEAD_PANEL_WIDTH, height: SOCIAL_HEIGHT, flexShrink: 0, objectFit: 'cover' },
					undefined,
					{
						src: images.lead,
						width: LEAD_PANEL_WIDTH,
						height: SOCIAL_HEIGHT,
					}
				),
			]
		: [];
	return el(
		'div',
		{
			display: 'flex',
			width: SOCIAL_WIDTH,
			height: SOCIAL_HEIGHT,
			backgroundColor: card.brandColor,
			color: '#ffffff',
			fontFamily: FONT_FAMILY,
		},
		[text, ...lead]
	);
}

/**
 * The cache key of a card: a hash of everything that shapes its pixels, so an unchanged article is
 * never drawn twice and a changed one never shows a stale image. `tree` is the card's layout with
 * its images named rather than embedded (so a change to the layout code changes every key without
 * anyone remembering to bump a version), `imageBytes` the images' own bytes, and `settings` the
 * versions of the renderers and fonts and the encoder settings.
 */
export function socialCacheKey(
	tree: CardNode,
	imageBytes: readonly Uint8Array[],
	settings: readonly string[]
): string {
	const hash = createHash('sha256');
	hash.update(JSON.stringify({ tree, settings }));
	for (const bytes of imageBytes) {
		hash.update(createHash('sha256').update(bytes).digest('hex'));
	}
	return hash.digest('hex').slice(0, 32);
}
