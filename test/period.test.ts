import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../src/core/decimal.js';
import { parsePeriod, perPeriod } from '../src/core/period.js';

describe('periods', () => {
  it.each([
    ['month', '30', '720'],
    ['year', '365', '8760'],
    ['week', '7', '168'],
    ['day', '1', '24'],
    ['90d', '90', '2160'],
    ['1.5d', '1.5', '36'],
    ['36h', '1.5', '36'],
    ['1h', '0.04166666666666666666666666666666667', '1'],
  ])('%s = %s days = %s hours', (text, days, hours) => {
    const p = parsePeriod(text)!;
    expect([p.label, toPlain(p.days), toPlain(p.hours)]).toEqual([text, days, hours]);
  });

  it.each(['fortnight', '0d', '-3d', '3 d', '3m', '', 'd'])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  it('per-month quantities scale by days / 30, exactly where they can', () => {
    expect(toPlain(perPeriod(new D(30000), parsePeriod('year')!))).toBe('365000');
    expect(toPlain(perPeriod(new D(720), parsePeriod('1h')!))).toBe('1');
  });
});
