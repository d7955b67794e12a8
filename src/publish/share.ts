/**
 * Share links for an article: plain addresses of each network's own share page, with the article's
 * address and headline filled in. No third-party script, no tracking parameters.
 * @see https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/plugins/share-plugin
 * @see https://developer.x.com/en/docs/x-for-websites/web-intents/overview
 * @see https://faq.whatsapp.com/5913398998672934
 */

/** One share link: the network's name and the address that opens its share form. */
export interface ShareLink {
	label: string;
	href: string;
}

/** The share links of the page at `url` titled `title`: e-mail, LinkedIn, X, Facebook, WhatsApp. */
export function shareLinks(url: string, title: string): ShareLink[] {
	const u = encodeURIComponent(url);
	const t = encodeURIComponent(title);
	return [
		{ label: 'E-mail', href: `mailto:?subject=${t}&body=${u}` },
		{ label: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
		{ label: 'X', href: `https://x.com/intent/post?url=${u}&text=${t}` },
		{ label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
		{ label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
	];
}
