// Every number dtcost shows to people, formatted in one place: in formulas (n, plural, monthScale,
// countPrefix: src/core/text.ts re-exports them for the rules) and in tables, Markdown and
// sentences (money, quantity, unitPrice, percent). Rounding happens here and only here, for people
// to read; JSON and CSV carry the exact decimal strings instead (decimal.ts, toPlain).
//
// What each function gives is what Intl.NumberFormat('en-US') gives with half-away-from-zero
// rounding (`roundingMode: 'halfExpand'`) on the exact decimal string (signDisplay 'auto' for money,
// which keeps the sign of "-0.00" as decimal.js does, 'negative' for the others): test/format.test.ts
// checks it on 200,000 generated values (negatives, zeros, up to 20 integer digits and 24
// decimals). The digits are nonetheless worked here, on the decimal string, because that is faster:
// on 200,000 values (Node 20, this project's 2-core machine, three runs each) money took 0.18-0.45 s
// this way against 0.30-0.68 s through Intl.NumberFormat#format(string), quantity 0.20-0.24 s
// against 0.32-0.59 s, n 0.20-0.31 s against 0.40-0.57 s, unit prices 0.16-0.21 s against
// 0.52-0.60 s; and Intl.NumberFormat writes at most 20 decimals, where unit prices may have more.
import { D, isOne, THIRTY } from './decimal.js';
import type { Period } from './period.js';

// Half up (away from zero), as people round money; the arithmetic itself never rounds.
const HALF_UP = D.ROUND_HALF_UP;

/**
 * Thousands grouping of an integer's digits: "1234567" -> "1,234,567", "-1234" -> "-1,234". A loop,
 * not a look-ahead regular expression: the formulas of a large estate call it a few hundred
 * thousand times.
 */
export function groupThousands(digits: string): string {
  if (digits.startsWith('-')) return `-${groupThousands(digits.slice(1))}`;
  const count = digits.length;
  if (count < 4) return digits;
  let head = count % 3 || 3;
  let out = digits.slice(0, head);
  for (; head < count; head += 3) out += `,${digits.slice(head, head + 3)}`;
  return out;
}

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

/** At most `places` decimals (rounded half up), trailing zeros dropped, thousands grouped. */
function upTo(value: D, places: number): string {
  // Most values have no more decimals than that: nothing to round then, and nothing to allocate.
  return group(value.decimalPlaces() > places ? value.toDecimalPlaces(places, HALF_UP).toFixed() : value.toFixed());
}

/** Money to 2 decimal places: 27345.125 -> "27,345.13". */
export function money(value: D): string {
  return group(roundHalfUp(value.toFixed(), 2));
}

/** Quantities with at most 4 decimals, trailing zeros dropped: "25,920", "0.4". */
export function quantity(value: D): string {
  return upTo(value, 4);
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

/** `part` as a percentage of `whole`, one decimal at most, not grouped: "12.5%"; "" when `whole` is 0. */
export function percent(part: D, whole: D): string {
  return whole.isZero() ? '' : `${part.div(whole).times(100).toDecimalPlaces(1, HALF_UP).toFixed()}%`;
}

/** A number as it reads inside a formula: thousands grouped, at most six decimals, no exponent. */
export function n(value: D): string {
  return upTo(value, 6);
}

/** "1 step", "3 steps". */
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
