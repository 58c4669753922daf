import { describe, expect, it } from 'vitest';
import { addYears, formatDate, formatInstant, monthPeriod, monthsBetween, parseDate, parseInstant, parseMonth, spanPeriod } from '../src/core/calendar.js';
import { toPlain } from '../src/core/decimal.js';
import { parseSpanFlags } from '../src/cli/pipeline.js';
import { run } from './helpers.js';

describe('calendar (UTC)', () => {
  it('reads real days only', () => {
    expect(formatDate(parseDate('2027-01-31')!)).toBe('2027-01-31');
    expect(formatDate(parseDate('2028-02-29')!)).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2027-02-30', '2027-04-31', '2027-13-01', '2027-00-10', '2027-1-1', '27-01-01', '2027-01-01T00:00Z', ' 2027-01-01', '']) {
      expect([bad, parseDate(bad)]).toEqual([bad, undefined]);
    }
    expect(parseMonth('2027-13')).toBeUndefined();
    expect(formatDate(parseMonth('2027-02')!)).toBe('2027-02-01');
  });

  it('reads a UTC time, never a local one', () => {
    expect(formatInstant(parseInstant('2027-09-15T12:30Z')!)).toBe('2027-09-15T12:30:00Z');
    expect(formatInstant(parseInstant('2027-09-15')!)).toBe('2027-09-15T00:00:00Z');
    for (const bad of ['2027-09-15T24:00Z', '2027-09-15T12:60Z', '2027-09-15T12:00', '2027-09-15T12:00+02:00', '2027-02-30T00:00Z']) expect(parseInstant(bad)).toBeUndefined();
  });

  it.each([
    ['2027-01', '31', '744'],
    ['2027-02', '28', '672'],
    ['2028-02', '29', '696'],
    ['2027-04', '30', '720'],
    ['2027-12', '31', '744'],
  ])('%s has %s days, %s hours', (month, days, hours) => {
    const p = monthPeriod(parseMonth(month)!);
    expect([p.label, toPlain(p.days), toPlain(p.hours)]).toEqual([month, days, hours]);
  });

  it('a contract year is 8,760 hours, 8,784 with a 29 February', () => {
    const start = parseDate('2027-01-01')!;
    expect(toPlain(spanPeriod(start, addYears(start, 1)).hours)).toBe('8760');
    const leap = parseDate('2028-01-01')!;
    expect(toPlain(spanPeriod(leap, addYears(leap, 1)).hours)).toBe('8784');
    expect(spanPeriod(start, addYears(start, 1)).label).toBe('2027-01-01..2027-12-31');
    expect(monthsBetween(parseDate('2027-11-20')!, parseDate('2029-02-01')!)).toBe(15);
  });
});

describe('estimate --from --to', () => {
  it('spans whole days, the end date inclusive, with the real hours', () => {
    const p = parseSpanFlags('2027-01-01', '2027-03-31')!;
    expect([p.label, toPlain(p.days), toPlain(p.hours)]).toEqual(['2027-01-01..2027-03-31', '90', '2160']);
    const feb = parseSpanFlags('2028-02', '2028-02')!;
    expect([feb.label, toPlain(feb.hours)]).toEqual(['2028-02-01..2028-02-29', '696']);
    const day = parseSpanFlags('2027-06-01', '2027-06-01')!;
    expect(toPlain(day.hours)).toBe('24');
  });

  it('refuses half a span, an impossible day and an end before the start', () => {
    expect(() => parseSpanFlags('2027-01-01', undefined)).toThrow('--from and --to go together');
    expect(() => parseSpanFlags('2027-02-30', '2027-03-01')).toThrow('--from: expected a date');
    expect(() => parseSpanFlags('2027-03-01', '2027-02-28')).toThrow('--to 2027-02-28 is before --from 2027-03-01');
  });

  it('a host for February 2027 is 672 hours of it; a per-month input scales by 28 / 30', () => {
    const period = parseSpanFlags('2027-02', '2027-02')!;
    const e = run('version: 1\nhosts: [{ name: db, memoryGiB: 16 }]\nsynthetic: { thirdParty: [{ name: t, resultsPerMonth: 3000 }] }\n', { period });
    expect(e.lineItems.map((i) => [i.id, toPlain(i.quantity)])).toEqual([
      ['full-stack-monitoring/db', '10752'], // 16 GiB × 672 h
      ['third-party-synthetic/t', '2800'], // 3,000 × 28 / 30
    ]);
  });
});
