// A value with its derivation: the number and the words that say how it was reached, made
// together by the same helpers so that a formula cannot drift from its number.
//
//   times(count(2, 'host'), term(memory, '12 GiB'), hours)  ->  2 hosts × 12 GiB × 24 h/day × 30 d
import { isOne, times as mul, type D } from './decimal.js';
import { plural } from './text.js';

export interface Derived {
  readonly value: D;
  /** How the value was reached, in words and numbers: `24 h/day × 30 d`. */
  readonly text: string;
}

export function derived(value: D, text: string): Derived {
  return { value, text };
}

/**
 * A count of things as a factor: `2 hosts`, or nothing at all when there is one (a formula says
 * "12 GiB × 720 h" for one host, not "1 host × 12 GiB × 720 h").
 */
export function count(value: D, one: string, many = `${one}s`): Derived | undefined {
  return isOne(value) ? undefined : { value, text: plural(value, one, many) };
}

/** The product of the factors given (an undefined factor is 1 and says nothing), its text joined by ×. */
export function times(...factors: (Derived | undefined)[]): Derived {
  let value: D | undefined;
  let text = '';
  for (const f of factors) {
    if (f === undefined) continue;
    value = value === undefined ? f.value : mul(value, f.value);
    text = text === '' ? f.text : `${text} × ${f.text}`;
  }
  if (value === undefined) throw new Error('times() of no factor');
  return { value, text };
}

/** The value scaled by a factor whose text is appended as it is: ` × 0.3 DDU/GB-day`. */
export function scaled(x: Derived, factor: D, factorText: string): Derived {
  return { value: mul(x.value, factor), text: `${x.text} × ${factorText}` };
}
