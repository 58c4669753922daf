// How a found value is quoted in an error (src/input/excerpt.ts): in full when it cannot be a
// secret (dates, numbers, quantities with a unit, short words, identifiers near a known key),
// masked otherwise.
import { describe, expect, it } from 'vitest';
import { looksSecret, quoteFound } from '../../src/input/excerpt.js';

describe('quoteFound', () => {
  it('quotes the common typos of an estate in full', () => {
    expect(quoteFound('2w')).toBe('"2w"');
    expect(quoteFound('0d')).toBe('"0d"');
    expect(quoteFound('4GiB')).toBe('"4GiB"');
    expect(quoteFound('4 GiB')).toBe('"4 GiB"');
    expect(quoteFound('1_000')).toBe('"1_000"');
    expect(quoteFound('1,000.5')).toBe('"1,000.5"');
    expect(quoteFound('10%')).toBe('"10%"');
    expect(quoteFound('DPS', { words: true })).toBe('"DPS"');
    expect(quoteFound('FullStack', { words: true })).toBe('"FullStack"');
  });
  it('masks what may be a secret: passwords with digits, keys, card numbers (plain or in groups)', () => {
    expect(quoteFound('Pa55word!x')).toBe('"Pa…" (10 characters)');
    expect(quoteFound('AKIAIOSFODNN7EXAMPLE')).toBe('a text of 20 characters (not shown: it looks like a key or a password)');
    expect(quoteFound('4111111111111111')).not.toContain('4111111111111111');
    expect(quoteFound('4111_1111_1111_1111')).not.toContain('1111_1111');
    expect(quoteFound('hunter2hunter2')).not.toContain('hunter2');
  });
  it('an identifier of lowercase words is not a token, however long; a mix with digits is', () => {
    expect(looksSecret('real-user-monitorin')).toBe(false);
    expect(looksSecret('full-stak-monitoring')).toBe(false);
    expect(looksSecret('ab12-cd34-ef56-gh78')).toBe(true);
  });
});
