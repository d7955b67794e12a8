/**
 * The newsletter signup form's part in the site's Content-Security-Policy: the form posts to the
 * provider, so its origin joins `form-action` (a browser refuses any other target).
 */
import type { SiteConfig } from '../model/site-schema.ts';

/** The CSP additions the newsletter form needs: its endpoint's origin in `form-action`. */
export function newsletterCsp(newsletter: SiteConfig['newsletter']): Record<string, string[]> {
	return newsletter ? { 'form-action': [new URL(newsletter.action).origin] } : {};
}
