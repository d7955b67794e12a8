/**
 * The site configuration (`src/site.config.ts`) checked against its schema when anything starts,
 * each wrong setting reported with its line (see `settings.ts`).
 */
import { readFileSync } from 'node:fs';
import { siteSchema, type SiteConfig, type SiteConfigInput } from '../model/site-schema.ts';
import type { ContentProblem } from './problems.ts';
import { checkSettings, settingsProblems, type SettingsSource } from './settings.ts';

/** Where the dealer's settings are written. */
export const SITE_CONFIG_FILE = 'src/site.config.ts';

const SOURCE: SettingsSource = {
	file: SITE_CONFIG_FILE,
	rule: 'site-config',
	what: 'the site configuration',
	docs: 'docs/configuration.md',
};

/** A setting the schema does not have is a typo, not something to ignore. */
const STRICT = siteSchema.strict();

/** Every problem with the site configuration `values`; `text` is the file's text, for lines. */
export function checkSiteConfig(values: unknown, text?: string): ContentProblem[] {
	return settingsProblems(STRICT, values, { ...SOURCE, text });
}

/** The site configuration, checked: a wrong setting ends the process with the report (exit 1). */
export function defineSite(values: SiteConfigInput, text?: string): SiteConfig {
	return checkSettings(STRICT, values, {
		...SOURCE,
		text,
		readText: () => {
			try {
				return readFileSync(SITE_CONFIG_FILE, 'utf8');
			} catch {
				return undefined;
			}
		},
	});
}
