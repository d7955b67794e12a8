/**
 * Content dates: strict parsing of what authors write, and formatting for readers and machines.
 *
 * A date written without a time (`2020-07-22`) means that calendar day wherever the reader is, so it
 * is stored as midnight UTC and always shown in UTC; a date-time is shown in the site's time zone.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Result of reading a date an author wrote. */
export type ParsedDate = { ok: true; date: Date } | { ok: false; reason: string };

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads `YYYY-MM-DD` or an ISO 8601 date-time, refusing impossible calendar dates such as
 * 2021-02-30 (which YAML parsers and `new Date()` silently roll over into March).
 */
export function parseContentDate(raw: unknown): ParsedDate {
	if (raw instanceof Date) {
		return Number.isNaN(raw.getTime())
			? { ok: false, reason: 'is not a date' }
			: { ok: true, date: raw };
	}
	if (typeof raw !== 'string') {
		return { ok: false, reason: `must be a date like 2024-05-31, not ${describe(raw)}` };
	}
	const text = raw.trim();
	const match = DATE_ONLY.exec(text) ?? DATE_TIME.exec(text);
	if (!match) {
		return { ok: false, reason: `"${text}" is not a date like 2024-05-31 or 2024-05-31T09:30:00Z` };
	}
	const [, y, m, d, hh, mm, ss] = match;
	const year = Number(y);
	const month = Number(m);
	const day = Number(d);
	if (month < 1 || month > 12) {
		return { ok: false, reason: `"${text}" has no month ${month}` };
	}
	if (day < 1 || day > daysInMonth(year, month)) {
		return {
			ok: false,
			reason: `"${text}" does not exist: ${monthName(month)} ${year} has ${daysInMonth(year, month)} days`,
		};
	}
	if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59)) {
		return { ok: false, reason: `"${text}" has an impossible time of day` };
	}
	const hasZone = match[7] !== undefined;
	const iso = hh === undefined ? `${text}T00:00:00Z` : hasZone ? text : `${text}Z`;
	const date = new Date(iso.replace(' ', 'T'));
	if (Number.isNaN(date.getTime())) {
		return { ok: false, reason: `"${text}" is not a valid date` };
	}
	return { ok: true, date };
}

function monthName(month: number): string {
	return new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', {
		month: 'long',
		timeZone: 'UTC',
	});
}

function describe(value: unknown): string {
	if (value === null || value === undefined) return 'an empty value';
	if (Array.isArray(value)) return 'a list';
	return `a ${typeof value}`;
}

/** True when the date carries no time of day (it was written as `YYYY-MM-DD`). */
export function isDateOnly(date: Date): boolean {
	return (
		date.getUTCHours() === 0 &&
		date.getUTCMinutes() === 0 &&
		date.getUTCSeconds() === 0 &&
		date.getUTCMilliseconds() === 0
	);
}

// Building an Intl.DateTimeFormat costs far more than using one (it was the top item of a build
// profile at 1,000 articles), so each locale and zone gets one, made on first use.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, options);
		formats.set(key, format);
	}
	return format;
}

/** A date for readers, e.g. "22 July 2020", in the site's locale and time zone. */
export function formatDate(date: Date, locale: string, timeZone: string): string {
	return formatter(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: isDateOnly(date) ? 'UTC' : timeZone,
	}).format(date);
}

/** The value for a `<time datetime>` attribute: the calendar day, or the full instant. */
export function machineDate(date: Date): string {
	return isDateOnly(date) ? date.toISOString().slice(0, 10) : date.toISOString();
}

/** The four-digit year of a date, as readers see it. */
export function yearOf(date: Date, timeZone: string): string {
	return formatter('en', { year: 'numeric', timeZone: isDateOnly(date) ? 'UTC' : timeZone }).format(
		date
	);
}
