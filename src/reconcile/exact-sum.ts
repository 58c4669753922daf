// An exact running sum of the quantities of millions of events, without a Decimal per event.
//
// Billed quantities are integers (bytes, sessions, data points) or decimals with a few places
// (GiB-hours in quarter hours: 2.125). Integers up to 2^53 add exactly as doubles; decimals with at
// most six places and fifteen digits add exactly as integer millionths. Anything else (a long
// past 2^53, more places, a value the source gave with more digits than a double holds) goes to a
// Decimal. Each fast accumulator is moved into the Decimal before it could lose a digit. The sum
// may also be taken back (a refreshed event counted once: the copies that lose are subtracted).
import { D, ZERO } from '../core/decimal.js';

const LIMIT = 2 ** 52;
const MILLION = 1e6;
/** Texts of at most this many characters have at most 15 digits: a double holds them exactly. */
const SHORT = 15;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** A quantity as read: a double from JSON.parse, the exact text, or a Decimal. */
export type Quantity = number | D;

/**
 * A non-negative quantity from a field's value (a JSON number, a numeric string, or a Decimal from
 * the exact parser), or undefined when it is none. A double is taken as the decimal it prints as
 * (the shortest text that reads back as it), which is the source text for any number of up to 15
 * digits; records with longer digit runs are parsed exactly before they get here (sources.ts).
 */
export function quantityOf(value: unknown): Quantity | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string') {
    if (!NUMBER.test(value)) return undefined;
    if (value.length <= SHORT) return Number(value);
    return new D(value);
  }
  if (value instanceof D) return value.isFinite() && !value.isNegative() ? value : undefined;
  return undefined;
}

export function toDecimal(q: Quantity): D {
  return typeof q === 'number' ? new D(String(q)) : q;
}

export class ExactSum {
  private int = 0;
  private micro = 0;
  private big: D = ZERO;
  private any = false;

  add(q: Quantity, sign: 1 | -1 = 1): void {
    this.any = true;
    if (typeof q === 'number') {
      if (Number.isSafeInteger(q)) {
        this.int += sign * q;
        if (this.int > LIMIT || this.int < -LIMIT) this.flushInt();
        return;
      }
      const r = Math.round(q * MILLION);
      if (r < 1e15 && r / MILLION === q) {
        this.micro += sign * r;
        if (this.micro > LIMIT || this.micro < -LIMIT) this.flushMicro();
        return;
      }
      this.big = sign === 1 ? this.big.plus(String(q)) : this.big.minus(String(q));
      return;
    }
    this.big = sign === 1 ? this.big.plus(q) : this.big.minus(q);
  }

  /** Adds another sum. */
  addSum(other: ExactSum, sign: 1 | -1 = 1): void {
    if (!other.any) return;
    this.any = true;
    const v = other.value();
    this.big = sign === 1 ? this.big.plus(v) : this.big.minus(v);
  }

  private flushInt(): void {
    this.big = this.big.plus(this.int);
    this.int = 0;
  }

  private flushMicro(): void {
    this.big = this.big.plus(new D(this.micro).div(MILLION));
    this.micro = 0;
  }

  value(): D {
    let v = this.big;
    if (this.int !== 0) v = v.plus(this.int);
    if (this.micro !== 0) v = v.plus(new D(this.micro).div(MILLION));
    return v;
  }

  isZero(): boolean {
    return this.value().isZero();
  }
}
