// Display formatting of exact numbers: rounding happens here and only here, for people to read.
// JSON and CSV carry the exact decimal strings instead.
import { D } from '../core/decimal.js';
import { groupThousands } from '../core/digits.js';

// Half up, as people round money; the arithmetic itself never rounds (see decimal.ts).
const HALF_UP = D.ROUND_HALF_UP;

/** Thousands grouped in a plain decimal string: "-1234.5" -> "-1,234.5". */
export function group(fixed: string): string {
  const negative = fixed.charCodeAt(0) === 45; // '-'
  const dot = fixed.indexOf('.');
  const intEnd = dot < 0 ? fixed.length : dot;
  // Under 1,000: nothing to group (most unit prices and costs of single items).
  if (intEnd - (negative ? 1 : 0) < 4) return fixed;
  const grouped = groupThousands(fixed.slice(negative ? 1 : 0, intEnd));
  return `${negative ? '-' : ''}${grouped}${fixed.slice(intEnd)}`;
}

/**
 * A plain decimal string rounded half up (away from zero) to `places` decimals, padded with
 * zeros: what decimal.js's toFixed(places, ROUND_HALF_UP) gives, worked on the digits (a table of
 * 100,000 entries rounds 200,000 amounts; decimal.js allocates a Decimal for each).
 */
export function roundHalfUp(plain: string, places: number): string {
  const dot = plain.indexOf('.');
  const decimals = dot < 0 ? 0 : plain.length - dot - 1;
  if (decimals <= places) {
    const padding = '0'.repeat(places - decimals);
    return dot < 0 ? (places > 0 ? `${plain}.${padding}` : plain) : `${plain}${padding}`;
  }
  const kept = plain.slice(0, dot + 1 + places);
  const roundUp = plain.charCodeAt(dot + 1 + places) >= 53; // '5'
  const cut = places === 0 ? kept.slice(0, -1) : kept;
  if (!roundUp) return cut;
  // Add one in the last kept place, carrying leftwards past nines (and the point).
  const digits = cut.split('');
  let i = digits.length - 1;
  for (; i >= 0; i--) {
    const c = digits[i]!;
    if (c === '.') continue;
    if (c === '-') break;
    if (c === '9') digits[i] = '0';
    else {
      digits[i] = String.fromCharCode(c.charCodeAt(0) + 1);
      break;
    }
  }
  if (i < 0 || digits[i] === '-') digits.splice(i + 1, 0, '1');
  return digits.join('');
}

/** Money to 2 decimal places: 27345.125 -> "27,345.13". */
export function money(value: D): string {
  return group(roundHalfUp(value.toFixed(), 2));
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

/**
 * unitPrice(), remembered for the last price asked for: the items of one capability share their
 * price (the same Decimal), and a large table shows 150,000 of them.
 */
export function unitPrices(): (value: D) => string {
  let last: D | undefined;
  let text = '';
  return (value) => {
    if (value !== last) {
      last = value;
      text = unitPrice(value);
    }
    return text;
  };
}

export function percent(part: D, whole: D): string {
  return whole.isZero() ? '' : `${part.div(whole).times(100).toDecimalPlaces(1, HALF_UP).toFixed()}%`;
}
