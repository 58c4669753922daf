// Did-you-mean with a bounded edit distance: the same answers as the full distance, at a bounded cost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../src/input/suggest.js';

/** The full optimal-string-alignment distance, as a plain table. */
function fullDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

describe('bounded edit distance', () => {
  it('equals the full distance when within the limit, and limit + 1 past it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 8 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(fullDistance(a, b), limit + 1));
        expect(editDistance(a, b)).toBe(fullDistance(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('did-you-mean: near misses found, far words and very long words not (their cost is bounded: test/hostile-table.test.ts times a 16 MB key)', () => {
    expect(didYouMean('aplications', ['applications', 'hosts', 'synthetic'])).toBe('applications');
    expect(didYouMean('HOSTS', ['applications', 'hosts'])).toBe('hosts');
    expect(didYouMean('zzzzzz', ['applications', 'hosts'])).toBeUndefined();
    expect(didYouMean('x'.repeat(16 << 20), ['applications', 'hosts'])).toBeUndefined();
    expect(didYouMean(`host${'s'.repeat(60)}`, Array.from({ length: 100_000 }, (_, i) => `item-${i}`))).toBeUndefined();
  });
});
