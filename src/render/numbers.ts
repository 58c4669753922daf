// Display formatting of exact numbers: rounding happens here and only here, for people to read.
// JSON and CSV carry the exact decimal strings instead.
import { D } from '../decimal.js';
import { groupThousands } from '../digits.js';

// Half up, as people round money; the arithmetic itself never rounds (see decimal.ts).
const HALF_UP = D.ROUND_HALF_UP;

export function group(fixed: string): string {
  const negative = fixed.startsWith('-');
  const [int, frac] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = groupThousands(int!);
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Money to 2 decimal places: 27345.125 -> "27,345.13". */
export function money(value: D): string {
  return group(value.toFixed(2, HALF_UP));
}

/** Quantities with at most 4 decimals, trailing zeros dropped: "25,920", "0.4". */
export function quantity(value: D): string {
  // Most quantities have no more than 4 decimals: nothing to round then, and nothing to allocate.
  return group(value.decimalPlaces() > 4 ? value.toDecimalPlaces(4, HALF_UP).toFixed() : value.toFixed());
}

/** Unit prices as exact as they are: "0.0045", "0.0000015". */
export function unitPrice(value: D): string {
  return group(value.toFixed());
}

export function percent(part: D, whole: D): string {
  return whole.isZero() ? '' : `${part.div(whole).times(100).toDecimalPlaces(1, HALF_UP).toFixed()}%`;
}
