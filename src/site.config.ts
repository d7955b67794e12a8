/**
 * The dealer's site configuration. A dealer changes the site by editing this file and `content/`,
 * never the code. Every field is documented because editors show these comments on hover.
 */

import type { CommentsConfig } from './comments/model.ts';

/** How readers reach the dealer; shown in the call-to-action block under every article. */
export interface SiteContact {
	/** Public e-mail address for enquiries. */
	email?: string;
	/** Telephone number as it should be dialled and shown, e.g. "+44 20 7946 0000". */
	phone?: string;
	/** Postal address, one line per entry. */
	address?: string[];
	/** Opening hours in words, e.g. "Mon–Fri 9:00–17:30". */
	hours?: string;
}

/** The block at the end of every article that says who the dealer is and how to reach them. */
export interface CallToAction {
	/** Heading of the block. */
	heading: string;
	/** One or two sentences about the dealer. */
	text: string;
	/** Label of the main button. */
	buttonLabel: string;
	/** Where the main button goes (shop, contact form, booking page). */
	buttonUrl: string;
}

/** The whole typed configuration. */
export interface SiteConfig {
	/** The dealer's name, used in the header, titles and footer. */
	name: string;
	/** One-line description of the newsroom, used on the home page and as the default meta description. */
	description: string;
	/** The public URL of the site, with protocol and without a trailing slash. */
	url: string;
	/** BCP 47 language tag of the content, e.g. "en-GB". */
	locale: string;
	/** IANA time zone in which dates are shown, e.g. "Europe/London". */
	timeZone: string;
	/** The logo shown in the header: a file in `public/`, and its text alternative. */
	logo: { src: string; alt: string };
	/** The dealer's main website or shop, linked from the header and footer. */
	shopUrl: string;
	/** How readers reach the dealer. */
	contact: SiteContact;
	/** The block shown under every article. */
	callToAction: CallToAction;
	/** Articles per page on paginated listings (all articles, product, audit and tag pages). */
	pageSize: number;
	/** How many articles the home page lists. */
	homeArticleCount: number;
	/** How many related articles an article page suggests. */
	relatedCount: number;
	/** Words read per minute, for the reading-time estimate. */
	wordsPerMinute: number;
	/**
	 * How page titles are written: `{title}` is the page's own title, `{site}` the dealer's name.
	 * The home page's title is the dealer's name alone.
	 */
	titlePattern: string;
	/** How many of the newest articles each feed (site, product, audit, tag) carries, in full text. */
	feedSize: number;
	/** Google News: the name and language the news sitemap declares (`/news-sitemap.xml`). */
	news: NewsConfig;
	/** The dealer's profiles elsewhere, for social cards and the Organization in structured data. */
	social: SocialConfig;
	/** The main colour of the generated social images (1200×630), as #rrggbb. */
	brandColor: string;
	/**
	 * How many of the newest articles get a social image drawn with their headline (1200×630).
	 * Drawing one costs about 50 ms of CPU on a build without the image cache (`HANGAR_CACHE_DIR`),
	 * so a large archive would spend minutes on cards for articles nobody shares any more. Older
	 * articles are shared with their lead image, or with the site's card. `Infinity` draws one for
	 * every article; 0 none.
	 */
	socialCards: number;
	/** Old addresses sent on to new ones: written to `dist/_redirects` for the static host. */
	redirects: Redirect[];
	/**
	 * Sources added to the Content-Security-Policy written to `dist/_headers`, by directive, e.g.
	 * `{ 'frame-src': ['https://www.youtube-nocookie.com'] }` for embedded videos. Hashes of the
	 * site's own inline scripts and styles are added by the build; list only other origins here.
	 */
	cspAdditions: Partial<Record<CspDirective, string[]>>;
	/**
	 * Reader comments (see docs/comments.md): `enabled` shows the form under every article (an
	 * article opts out with `comments: false`; published comments show either way), and
	 * `intakeUrl` is the address of the comment service the form posts to, e.g.
	 * `https://comments.example.com`. The build allows that origin in the CSP by itself.
	 */
	comments: CommentsConfig;
}

/** What the Google News sitemap declares about the publication. */
export interface NewsConfig {
	/** The publication's name exactly as it appears in Google Publisher Center. */
	publicationName: string;
	/** ISO 639 language code of the articles, e.g. "en" (Google uses "zh-cn" and "zh-tw" for Chinese). */
	language: string;
}

/** The dealer's profiles on other sites. */
export interface SocialConfig {
	/** X (Twitter) account without the @, for `twitter:site`; omit when there is none. */
	twitter?: string | undefined;
	/** Full URLs of the dealer's official profiles (LinkedIn, YouTube, …), listed as `sameAs`. */
	profiles: string[];
}

/** One redirect from an old address to a new one. */
export interface Redirect {
	/** The old path on this site, starting with `/`, e.g. "/news/old-story/". A trailing `*` matches anything below. */
	from: string;
	/** Where it goes now: a path on this site or a full URL. With a `*` in `from`, `:splat` is what it matched. */
	to: string;
	/** 301 (moved for good; the default), 302, 307 or 308. */
	status?: 301 | 302 | 307 | 308 | undefined;
}

/** CSP directives a dealer may add sources to. */
export type CspDirective =
	| 'connect-src'
	| 'font-src'
	| 'form-action'
	| 'frame-src'
	| 'img-src'
	| 'media-src'
	| 'script-src'
	| 'style-src';

/** The site configuration the build uses. */
export const SITE: SiteConfig = {
	name: 'Northwind Drone Supply',
	description:
		'News, audits and buying advice on enterprise drones from Northwind Drone Supply, an authorised dealer.',
	url: 'https://news.northwind-drones.example',
	locale: 'en-GB',
	timeZone: 'Europe/London',
	logo: { src: '/logo.svg', alt: 'Northwind Drone Supply' },
	shopUrl: 'https://shop.northwind-drones.example',
	contact: {
		email: 'sales@northwind-drones.example',
		phone: '+44 20 7946 0000',
		address: ['Unit 4, Airfield Business Park', 'Northwind NW1 4AB', 'United Kingdom'],
		hours: 'Monday to Friday, 9:00 to 17:30',
	},
	callToAction: {
		heading: 'Talk to a drone specialist',
		text: 'Northwind Drone Supply has equipped public-safety, survey and inspection teams since 2014. We help you choose, configure and secure the right aircraft, and we train your pilots.',
		buttonLabel: 'Book a consultation',
		buttonUrl: 'https://shop.northwind-drones.example/contact',
	},
	pageSize: 10,
	homeArticleCount: 6,
	relatedCount: 3,
	wordsPerMinute: 230,
	titlePattern: '{title} – {site}',
	feedSize: 50,
	news: { publicationName: 'Northwind Drone Supply', language: 'en' },
	social: { profiles: [] },
	brandColor: '#0b5cad',
	socialCards: 100,
	// Addresses of the dealer's previous site that readers and search engines still follow.
	redirects: [
		{ from: '/news/*', to: '/articles/:splat', status: 301 },
		{ from: '/feed/', to: '/rss.xml', status: 301 },
	],
	cspAdditions: {},
	// The intake service on this machine (`npm run comments -- serve`); a live site uses its https address.
	comments: {
		enabled: true,
		intakeUrl: 'http://127.0.0.1:8787',
		staff: ['Northwind Drone Supply'],
	},
};
