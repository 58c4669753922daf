// Calendar time in UTC, as Dynatrace meters it ("All references to time and date are … UTC+00:00";
// a contract day runs from 00:00:00 to 23:59:59 UTC, the end date inclusive). Dates are whole days,
// kept as milliseconds since the epoch at 00:00 UTC; spans are half-open [start, end) inside and
// printed with an inclusive end date, as Account Management shows them. Months are calendar months
// with their real hours: February 672 h (696 h in a leap year), 30-day months 720 h, 31-day 744 h.
import { D } from './decimal.js';
import type { Period } from './period.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;

export const DATE_HELP = 'a date YYYY-MM-DD (UTC)';
export const MONTH_HELP = 'a month YYYY-MM';
export const INSTANT_HELP = 'a date YYYY-MM-DD or a UTC time YYYY-MM-DDTHH:MM[:SS]Z';

/** Whether year, month (1-12) and day name a real day (no 2027-02-30, no 2027-13-01). */
function realDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** The days of a calendar month (m: 1-12). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `2027-01-31` -> ms at 00:00 UTC; undefined for anything else, an impossible day included. */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDay(y, mo, d) ? Date.UTC(y, mo - 1, d) : undefined;
}

/** `2027-03` -> ms of its first day at 00:00 UTC. */
export function parseMonth(text: string): number | undefined {
  const m = MONTH.exec(text);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return mo >= 1 && mo <= 12 ? Date.UTC(y, mo - 1, 1) : undefined;
}

/** A date (00:00 UTC) or a UTC time `2027-09-15T12:00Z` -> ms; seconds at most 59, hours at most 23. */
export function parseInstant(text: string): number | undefined {
  const date = parseDate(text);
  if (date !== undefined) return date;
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (!realDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** ms -> `2027-01-31` (the UTC day the instant is in). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** ms -> `2027-01` */
export function formatMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** ms -> `2027-11-09T12:00:00Z` (whole seconds). */
export function formatInstant(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** The first day of the calendar month `ms` is in. */
export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The first day of the month after the one `ms` is in. */
export function nextMonth(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Whole calendar months from the month of `from` to the month of `to` (0 for the same month). */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

/**
 * The same day `years` years later; a 29 February start falls on 1 March in a common year (the
 * day after 28 February, as Date.UTC counts), so that a year never runs short of a day.
 */
export function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate());
}

/** Hours between two instants, exactly (the instants are whole milliseconds). */
export function hoursBetween(start: number, end: number): D {
  return new D(end - start).div(HOUR_MS);
}

/**
 * The Period of a calendar span, from `start` (inclusive) to `end` (exclusive), labelled by its
 * dates, the end date inclusive: 2027-01-01..2027-03-31 is 90 days, 2,160 hours.
 */
export function spanPeriod(start: number, end: number, label = `${formatDate(start)}..${formatDate(end - 1)}`): Period {
  const hours = hoursBetween(start, end);
  return { label, days: hours.div(24), hours };
}

/** The calendar month starting at `start` as a Period labelled `2027-02`: 28 days, 672 hours. */
export function monthPeriod(start: number): Period {
  return spanPeriod(start, nextMonth(start), formatMonth(start));
}

export const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export type MonthName = (typeof MONTH_NAMES)[number];

/** `jan` .. `dec` of the month `ms` is in. */
export function monthName(ms: number): MonthName {
  return MONTH_NAMES[new Date(ms).getUTCMonth()]!;
}
