// Numbers as they read inside formulas: thousands grouped, at most six decimals, no exponent.
import { D, isOne, THIRTY } from './decimal.js';
import type { Period } from './period.js';
import { groupThousands } from './digits.js';

export function n(value: D): string {
  const fixed = value.decimalPlaces() > 6 ? value.toDecimalPlaces(6, D.ROUND_HALF_UP).toFixed() : value.toFixed();
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  if (int.length < 4) return fixed;
  const grouped = groupThousands(int);
  return dot < 0 ? grouped : `${grouped}${fixed.slice(dot)}`;
}

export function plural(value: D, one: string, many = `${one}s`): string {
  return `${n(value)} ${isOne(value) ? one : many}`;
}

/** " × 365 d / 30 d" when a per-month input is scaled to another period; "" for a 30-day period. */
export function monthScale(period: Period): string {
  return period.days.eq(THIRTY) ? '' : ` × ${n(period.days)} d / 30 d`;
}

/** "2 apps × " style prefix for entries with count > 1. */
export function countPrefix(count: D, one: string, many = `${one}s`): string {
  return isOne(count) ? '' : `${plural(count, one, many)} × `;
}
