// The one Decimal class of dtcost: every quantity and amount is one of these, from the estate's
// source text to the JSON output.
//
// Arithmetic runs at 50 significant digits; a value is reported (JSON, CSV, budget comparisons) at
// 34 (IEEE 754 decimal128). The 16 guard digits absorb the rounding of repeating fractions: 100,000
// sessions a month over a year is 1,216,666.66... sessions, whose cost at $0.00225 is exactly
// 2,737.5; computed at 34 digits it would come out as 2,737.4999...9999. Every terminating result
// (products of list prices and counts, the docs' examples) is exact either way.
import { Decimal as DecimalJs } from 'decimal.js';

export const D = DecimalJs.clone({ precision: 50, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 70 });
// A number is not a mapping: decimal.js's ~100 methods are enumerable, and a mapping's schema given a
// number where an entry belongs listed each as an unknown key (30,000 such entries, 60 KB of `1,`,
// filled a heap of 64 MB with their problems). Its methods are not keys of a Decimal now.
for (const key of Object.keys(DecimalJs.prototype)) Object.defineProperty(DecimalJs.prototype, key, { enumerable: false });
export type D = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const SIXTY = new D(60);
export const THIRTY = new D(30);

const parsed = new Map<string, D>();

/**
 * The Decimal of a number's source text, shared between equal texts: Decimals are immutable, and
 * an estate repeats the same few numbers (15, 2, 0.3) thousands of times.
 */
export function decimalOf(text: string): D {
  let d = parsed.get(text);
  if (d === undefined) {
    d = new D(text);
    // decimal.js gathers the digits by push, which leaves room for 17 (152 bytes); an estate keeps
    // its numbers for the whole run, each in an exact copy (24 bytes for up to 7 digits).
    if (d.d) (d as { d: number[] }).d = d.d.slice();
    if (parsed.size < 100_000) parsed.set(text, d);
  }
  return d;
}

/**
 * Whether x is exactly 1, read off the digits (d), exponent (e) and sign (s) that decimal.js
 * documents on every instance: no allocation, where x.eq(1) makes two Decimals to compare.
 */
export function isOne(x: D): boolean {
  return x.e === 0 && x.s === 1 && x.d !== null && x.d.length === 1 && x.d[0] === 1;
}

/** a × b, without a multiplication (and the Decimals it makes) when either is 1: counts mostly are. */
export function times(a: D, b: D): D {
  return isOne(b) ? a : isOne(a) ? b : a.times(b);
}

/** The Decimal of a count (a list's length), shared like the numbers of the estate's text. */
export function countOf(n: number): D {
  return decimalOf(String(n));
}

/** Significant digits of a reported value. */
export const REPORTED_DIGITS = 34;

export function isDecimal(value: unknown): value is D {
  return value instanceof D;
}

export function sum(values: Iterable<D>): D {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** A value as it is reported: rounded to 34 significant digits (only repeating fractions change). */
export function settle(value: D): D {
  // Most values have far fewer digits: then there is nothing to round, and nothing to allocate.
  return value.d !== null && value.d.length * 7 <= REPORTED_DIGITS ? value : value.toSignificantDigits(REPORTED_DIGITS);
}

/** Plain decimal string of the reported value, no exponent: "25920", "0.0045"; never "-0". */
export function toPlain(value: D): string {
  const v = settle(value);
  return v.isZero() ? '0' : v.toFixed();
}
