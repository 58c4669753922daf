// The shortcuts of src/core/decimal.ts and src/core/format.ts must give exactly what decimal.js and the
// regular expression they replace give.
import { describe, expect, it } from 'vitest';
import { countOf, D, decimalOf, isOne, ONE, settle, times, toPlain } from '../src/core/decimal.js';
import { groupThousands } from '../src/core/format.js';

describe('decimal shortcuts', () => {
  it('isOne is x.eq(1), read off the digits', () => {
    for (const text of ['1', '1.0', '1.000', '1e0', '0.1e1', '10e-1']) expect({ text, one: isOne(new D(text)) }).toEqual({ text, one: true });
    for (const text of ['-1', '10', '0.1', '1.0000000000001', '0.999999999999999999999', '11', '0', '100000001']) {
      expect({ text, one: isOne(new D(text)) }).toEqual({ text, one: false });
    }
  });

  it('times skips a factor of 1 and otherwise multiplies exactly', () => {
    const a = new D('123.456');
    expect(times(a, ONE)).toBe(a);
    expect(times(new D('1.0'), a)).toBe(a);
    expect(times(a, new D('0.3')).toFixed()).toBe('37.0368');
    expect(times(new D('-1'), a).toFixed()).toBe('-123.456');
  });

  it('countOf shares the Decimal of a count', () => {
    expect(countOf(3)).toBe(decimalOf('3'));
    expect(countOf(0).isZero()).toBe(true);
    expect(countOf(120000).toFixed()).toBe('120000');
  });

  it('settle leaves short values alone and rounds long ones to 34 significant digits', () => {
    const short = new D('123456789012.345678');
    expect(settle(short)).toBe(short);
    expect(toPlain(new D(1).div(3))).toBe(`0.${'3'.repeat(34)}`);
    expect(toPlain(new D('12345678901234567890123456789.0123456789'))).toBe('12345678901234567890123456789.01235');
    expect(toPlain(new D(365).div(30).times(100000))).toBe('1216666.666666666666666666666666667');
  });
});

describe('thousands grouping', () => {
  it('groups as the look-ahead regular expression did, signs included', () => {
    const regex = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    for (const s of ['0', '7', '12', '123', '1234', '12345', '123456', '1234567', '1000000000', '-1', '-123', '-1234', '-1234567']) {
      expect({ s, grouped: groupThousands(s) }).toEqual({ s, grouped: regex(s) });
    }
  });
});
