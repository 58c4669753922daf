// Third-party synthetic results: per month, scaled to the period by days / 30.
import { describe, expect, it } from 'vitest';
import { rows, run } from '../helpers.js';

const third = (extra = '', results = '100000') => run(`version: 1\n${extra}\nsynthetic:\n  thirdParty:\n    - { name: t, resultsPerMonth: ${results} }\n`);

describe('dem-third-party (classic)', () => {
  it('classic: 0.1 DEM per result', () => {
    expect(rows(third('licensing: classic'))).toEqual([['dem-third-party/t', '10000', null]]);
  });
});
