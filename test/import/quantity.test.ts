// The Kubernetes quantity grammar, against the examples of the Kubernetes documentation
// ("Resource Management for Pods and Containers", memory units): "128974848, 129e6, 129M,
// 128974848000m, 123Mi" all represent roughly the same value, and 400m of memory is 0.4 bytes.
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/decimal.js';
import { parseQuantity, quantityGiB } from '../../src/import/quantity.js';

const bytes = (q: string) => parseQuantity(q)?.toFixed();

describe('Kubernetes quantities', () => {
  it('the documentation examples: 128974848, 129e6, 129M, 128974848000m, 123Mi', () => {
    expect(bytes('128974848')).toBe('128974848');
    expect(bytes('129e6')).toBe('129000000');
    expect(bytes('129M')).toBe('129000000');
    expect(bytes('128974848000m')).toBe('128974848');
    expect(bytes('123Mi')).toBe('128974848'); // 123 × 2^20
    // "roughly the same value": all within 0.1 % of 123 MiB (129e6 is the farthest, 0.02 % off)
    for (const q of ['128974848', '129e6', '129M', '128974848000m', '123Mi']) {
      const mib = parseQuantity(q)!.dividedBy(2 ** 20);
      expect(mib.minus(123).abs().lessThan(new D("0.001").times(123))).toBe(true);
    }
    expect(bytes('400m')).toBe('0.4');
  });

  it('decimal suffixes are powers of 10, binary ones powers of 2: 1G is 10^9 bytes, not 2^30', () => {
    expect(bytes('1G')).toBe('1000000000');
    expect(bytes('1Gi')).toBe('1073741824');
    expect(quantityGiB('1G')!.toFixed()).toBe('0.931322574615478515625');
    expect(quantityGiB('1Gi')!.toFixed()).toBe('1');
    expect(bytes('1k')).toBe('1000');
    expect(bytes('1Ki')).toBe('1024');
    expect(bytes('2T')).toBe('2000000000000');
    expect(bytes('1Ti')).toBe(String(2 ** 40));
    expect(bytes('1P')).toBe('1000000000000000');
    expect(bytes('1Pi')).toBe(String(2 ** 50));
    expect(bytes('1E')).toBe('1000000000000000000'); // exa, not an exponent
    expect(bytes('1Ei')).toBe('1152921504606846976');
    expect(bytes('1E3')).toBe('1000'); // an exponent
    expect(bytes('5e-3')).toBe('0.005');
  });

  it('numbers: signs, fractions, a trailing or leading point', () => {
    expect(bytes('1.5Gi')).toBe('1610612736');
    expect(bytes('.5Ki')).toBe('512');
    expect(bytes('2.Mi')).toBe('2097152');
    expect(bytes('+1k')).toBe('1000');
    expect(bytes('-1k')).toBe('-1000');
    expect(bytes('0')).toBe('0');
  });

  it('GiB are exact: Ki capacities divide into terminating decimals', () => {
    expect(quantityGiB('30821896Ki')!.toFixed()).toBe('29.39405059814453125');
    expect(quantityGiB('170Mi')!.toFixed()).toBe('0.166015625');
    expect(quantityGiB('129M')!.times(2 ** 30).toFixed()).toBe('129000000');
  });

  it('refuses what is not a quantity', () => {
    for (const q of ['', 'Gi', '1 Gi', '1gi', '1KB', '1mi', '1e', '1.2.3', 'e6', '1Gi ', '0x10', '1e999999', 'NaN', '1,5Gi']) expect(parseQuantity(q)).toBeUndefined();
  });
});
