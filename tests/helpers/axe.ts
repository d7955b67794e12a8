/**
 * axe-core checks for the e2e tests: the WCAG 2.1 A/AA and best-practice rules, and a readable
 * report of violations (rule, impact, help, link and every failing element's selector).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The rule sets every page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** Runs axe over the whole page; returns the violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
	// Legacy mode runs axe in the page itself; the default opens a new blank page for every run to
	// merge frame results, which is 2–3 times slower here and only matters for cross-origin frames,
	// which the site has none of. options() replaces all options, so it comes before withTags().
	const results = await new AxeBuilder({ page })
		.setLegacyMode(true)
		.options({ resultTypes: ['violations'] })
		.withTags(AXE_TAGS)
		.analyze();
	return results.violations;
}

/** Most failing elements listed per violation; the rest are counted. */
const MAX_NODES = 12;

/** One block of text per violation, naming each failing element and why it failed. */
export function formatViolations(violations: readonly Violation[]): string {
	return violations
		.map((v) => {
			const why = (n: Violation['nodes'][number]) =>
				(n.failureSummary ?? '')
					.split('\n')
					.slice(1)
					.map((line) => line.trim())
					.filter(Boolean)
					.join('; ');
			const reasons = new Set(v.nodes.map(why));
			const shared = reasons.size === 1 ? [...reasons][0] : undefined;
			const nodes = v.nodes.slice(0, MAX_NODES).map((n) => {
				const own = shared === undefined && why(n) ? `\n        why: ${why(n)}` : '';
				return `      - ${n.target.map(String).join(' ')}${own}`;
			});
			if (v.nodes.length > MAX_NODES) nodes.push(`      … and ${v.nodes.length - MAX_NODES} more`);
			const first = v.nodes[0]?.html.replace(/\s+/g, ' ').slice(0, 160);
			return [
				`  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} element(s))`,
				`    ${v.helpUrl}`,
				...(shared ? [`    why: ${shared}`] : []),
				...(first ? [`    e.g. ${first}`] : []),
				'    where:',
				...nodes,
			].join('\n');
		})
		.join('\n');
}
