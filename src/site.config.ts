/**
 * The dealer's site configuration: values only. A dealer changes the site by editing this file and
 * `content/`, never the code. What each setting means and takes is written once, in its schema
 * (`src/model/site-schema.ts`, listed in docs/configuration.md); a wrong value stops every command
 * at once with a report naming the setting and the fix.
 */
import { defineSite } from './check/site-config.ts';

/** The site configuration the build uses. */
export const SITE = defineSite({
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
	disclosure:
		'Northwind Drone Supply sells the products named in this article and earns money when you buy them from us. No manufacturer paid for or reviewed this article before publication.',
	// A sample list at Buttondown; each provider's endpoint and field names: docs/configuration.md.
	newsletter: {
		action: 'https://buttondown.com/api/emails/embed-subscribe/northwind-drones',
		emailField: 'email',
		hidden: { embed: '1' },
		heading: 'Audit news by e-mail',
		text: 'One e-mail when a new audit or security review of the drones we sell is published. No more than twice a month.',
		buttonLabel: 'Subscribe',
		consent:
			'We send your address to Buttondown, our newsletter service, only to send you these e-mails. Every e-mail has a link to unsubscribe.',
	},
	// Search engines are told of changed pages by `npm run notify` after a deploy (docs/deploy.md).
	indexNow: {
		key: '3f1c9b52-7d4e-4a8f-9c2b-6e5d1a0b7c44',
		endpoint: 'https://api.indexnow.org/indexnow',
	},
	websubHub: 'https://pubsubhubbub.appspot.com/',
	tableOfContents: 5,
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
	// The browser editor at /admin/, in local mode; a team adds its Git host (docs/editing.md).
	editor: {},
});
