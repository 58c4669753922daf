// The one number-formatting module (src/core/format.ts) against Intl.NumberFormat('en-US') with
// half-away-from-zero rounding on the exact decimal string, on 200,000 generated values: the hand-
// worked digits are kept because they are faster (see format.ts), and must give the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../src/core/decimal.js';
import { money, n, percent, quantity, unitPrice } from '../src/core/format.js';

const RUNS = 200_000;

/** Decimals as the estimates make them: signs, zeros, up to 20 integer digits and 24 decimals. */
const decimals = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,19}$/), fc.stringMatching(/^[1-9][0-9]{0,3}$/)),
    fc.oneof(fc.constant(''), fc.stringMatching(/^[0-9]{1,24}$/), fc.stringMatching(/^[0-9]{0,4}5$/), fc.stringMatching(/^9{1,8}[0-9]?$/)),
  )
  .map(([negative, int, frac]) => new D(`${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`));

const intl = (options: Record<string, unknown>) => {
  const f = new Intl.NumberFormat('en-US', { roundingMode: 'halfExpand', ...options } as unknown as Intl.NumberFormatOptions);
  // A string is formatted as the exact decimal it spells (Intl.NumberFormat v3).
  return (d: D) => f.format(d.toFixed() as unknown as number);
};

describe('number formats agree with Intl.NumberFormat', () => {
  // money keeps the sign of an amount that rounds to zero ("-0.00", as decimal.js's toFixed does):
  // signDisplay 'auto'; the others drop it ("0"): 'negative'.
  const oracles = {
    money: intl({ minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'auto' }),
    quantity: intl({ maximumFractionDigits: 4, signDisplay: 'negative' }),
    n: intl({ maximumFractionDigits: 6, signDisplay: 'negative' }),
    unitPrice: intl({ maximumFractionDigits: 20, signDisplay: 'negative' }),
  };

  it(`money, quantity, n and unit prices on ${RUNS.toLocaleString('en-US')} values`, () => {
    // A property that returns false (not expect(), which costs more than the formatting) on the
    // first disagreement; fast-check then shrinks it to the smallest value that disagrees.
    let checked = 0;
    const agree = (v: D) =>
      money(v) === oracles.money(v) &&
      quantity(v) === oracles.quantity(v) &&
      n(v) === oracles.n(v) &&
      // Intl.NumberFormat writes at most 20 decimals; unit prices are shown exactly.
      (v.decimalPlaces() > 20 || unitPrice(v) === oracles.unitPrice(v));
    fc.assert(
      fc.property(decimals, (v) => {
        checked++;
        return agree(v);
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBe(RUNS);
  }, 60_000);

  it('on the edges: rounding up through nines, halves, zeros and negative zeros, huge values', () => {
    for (const text of ['0', '-0', '0.005', '-0.005', '0.004999', '-0.0000001', '9.995', '-9.995', '999999.995', '99999.99995', '0.00000049', '0.0000005', '-0.00005', '123456789012345678901234.5', '1e-15', '-1e14', '1000', '-1000.00001']) {
      const v = new D(text);
      expect({ text, money: money(v), quantity: quantity(v), n: n(v) }).toEqual({ text, money: oracles.money(v), quantity: oracles.quantity(v), n: oracles.n(v) });
    }
    expect([money(new D('-0.001')), n(new D('-0.0000001')), quantity(new D('12345.67891'))]).toEqual(['-0.00', '0', '12,345.6789']);
    expect(unitPrice(new D('0.0000000000000000000001234'))).toBe('0.0000000000000000000001234');
  });

  it('percentages: one decimal at most, half up, not grouped; none of zero', () => {
    const f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, roundingMode: 'halfExpand', useGrouping: false, signDisplay: 'negative' } as unknown as Intl.NumberFormatOptions);
    fc.assert(
      fc.property(decimals, decimals, (part, whole) => {
        if (whole.isZero()) expect(percent(part, whole)).toBe('');
        else expect(percent(part, whole)).toBe(`${f.format(part.div(whole).times(100).toFixed() as unknown as number)}%`);
      }),
      { numRuns: 20_000 },
    );
  });
});
