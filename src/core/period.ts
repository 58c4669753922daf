// The estimate period. The docs' cost examples take one month as 30 days = 720 hours
// (dps-browser-monitor.txt "Cost example"; dps-real-user-monitoring.txt); a year is 365 days.
// Inputs given per month scale to the period by days / 30.
import { D, THIRTY } from './decimal.js';

export interface Period {
  label: string;
  days: D;
  hours: D;
}

const NAMED: Record<string, string> = { month: '30', year: '365', week: '7', day: '1' };
const CUSTOM = /^(\d+(?:\.\d+)?)([dh])$/;

export const PERIOD_HELP = 'month (30 d), year (365 d), week, day, <n>d or <n>h';

/** Parses `month`, `year`, `week`, `day`, `<n>d` or `<n>h`; undefined when the text is none of them. */
export function parsePeriod(text: string): Period | undefined {
  const named = NAMED[text];
  if (named !== undefined) {
    const days = new D(named);
    return { label: text, days, hours: days.times(24) };
  }
  const m = CUSTOM.exec(text);
  if (!m) return undefined;
  const n = new D(m[1]!);
  if (n.isZero()) return undefined;
  return m[2] === 'd'
    ? { label: text, days: n, hours: n.times(24) }
    : { label: text, days: n.div(24), hours: n };
}

/**
 * A per-month quantity for the period: × days / 30, dividing last, so that a year of a quantity
 * divisible by 30 stays exact (365 / 30 alone is a repeating decimal).
 */
export function perPeriod(perMonth: D, period: Period): D {
  return period.days.eq(THIRTY) ? perMonth : perMonth.times(period.days).div(THIRTY);
}
