// The one Decimal class of dtcost: every quantity and amount is one of these, from the estate's
// source text to the JSON output. 34 significant digits (IEEE 754 decimal128) keeps every product
// of list prices exact; only true repeating fractions (1/7 of an hour) are ever rounded.
import { Decimal as DecimalJs } from 'decimal.js';

export const D = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 60 });
export type D = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);

export function isDecimal(value: unknown): value is D {
  return value instanceof D;
}

export function sum(values: Iterable<D>): D {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Plain decimal string with no exponent and no rounding ("25920", "0.0045", "-0" never). */
export function toPlain(value: D): string {
  return value.isZero() ? '0' : value.toFixed();
}
