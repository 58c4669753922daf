// Third-party Synthetic API Ingestion (DPS): a result per ingested test result, per month scaled
// to the period by days / 30. The page's example is a golden estate.
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

const third = (extra = '', results = '100000') => run(`version: 1\n${extra}\nsynthetic:\n  thirdParty:\n    - { name: t, resultsPerMonth: ${results} }\n`);

describe('dps/third-party-synthetic', () => {
  it('$0.001 per result', () => {
    expect(rows(third())).toEqual([['third-party-synthetic/t', '100000', '100']]);
  });

  it('a year is 365 / 30 months', () => {
    const e = third('period: year', '30000');
    expect(rows(e)).toEqual([['third-party-synthetic/t', '365000', '365']]);
    expect(e.lineItems[0]!.formula).toBe('30,000 results/month × 365 d / 30 d');
  });

  it('a 12-hour period is 12 / 720 of a month', () => {
    expect(rows(third('period: 12h', '72000'))).toEqual([['third-party-synthetic/t', '1200', '1.2']]);
  });
});
