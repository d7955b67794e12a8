import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
	formatDate,
	isDateOnly,
	machineDate,
	parseContentDate,
	yearOf,
} from '../../../src/model/dates.ts';

describe('parseContentDate', () => {
	test('reads a calendar date as midnight UTC', () => {
		const parsed = parseContentDate('2020-07-22');
		assert.ok(parsed.ok);
		assert.equal(parsed.date.toISOString(), '2020-07-22T00:00:00.000Z');
	});

	test('reads ISO 8601 date-times with and without a zone', () => {
		const withZone = parseContentDate('2020-07-22T09:30:00+01:00');
		assert.ok(withZone.ok);
		assert.equal(withZone.date.toISOString(), '2020-07-22T08:30:00.000Z');
		const utc = parseContentDate('2020-07-22T09:30:00Z');
		assert.ok(utc.ok);
		assert.equal(utc.date.toISOString(), '2020-07-22T09:30:00.000Z');
		const noZone = parseContentDate('2020-07-22 09:30');
		assert.ok(noZone.ok);
		assert.equal(noZone.date.toISOString(), '2020-07-22T09:30:00.000Z');
	});

	test('refuses an impossible calendar date instead of rolling it into the next month', () => {
		const parsed = parseContentDate('2021-02-30');
		assert.equal(parsed.ok, false);
		assert.match(!parsed.ok ? parsed.reason : '', /February 2021 has 28 days/);
	});

	test('accepts 29 February only in leap years', () => {
		assert.equal(parseContentDate('2020-02-29').ok, true);
		assert.equal(parseContentDate('2100-02-29').ok, false);
	});

	test('refuses month 13, day 0 and impossible times', () => {
		assert.equal(parseContentDate('2020-13-01').ok, false);
		assert.equal(parseContentDate('2020-01-00').ok, false);
		assert.equal(parseContentDate('2020-01-01T24:10:00Z').ok, false);
	});

	test('refuses text that is not a date, and non-text values', () => {
		assert.equal(parseContentDate('July 22, 2020').ok, false);
		assert.equal(parseContentDate('22/07/2020').ok, false);
		assert.equal(parseContentDate(20200722).ok, false);
		assert.equal(parseContentDate(null).ok, false);
	});
});

describe('formatting', () => {
	test('shows a calendar date as written, whatever the site time zone', () => {
		const date = new Date('2020-07-22T00:00:00Z');
		assert.equal(formatDate(date, 'en-GB', 'America/Los_Angeles'), '22 July 2020');
		assert.equal(machineDate(date), '2020-07-22');
		assert.equal(yearOf(new Date('2021-01-01T00:00:00Z'), 'America/Los_Angeles'), '2021');
	});

	test('shows a date-time in the site time zone and keeps the instant for machines', () => {
		const date = new Date('2020-07-22T23:30:00Z');
		assert.equal(isDateOnly(date), false);
		assert.equal(formatDate(date, 'en-GB', 'Europe/London'), '23 July 2020');
		assert.equal(machineDate(date), '2020-07-22T23:30:00.000Z');
	});
});
