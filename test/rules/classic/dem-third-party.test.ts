// classic/dem-third-party: 0.1 DEM per third-party synthetic result (digital-experience-monitoring-
// units.md, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

describe('dem-third-party', () => {
  it('0.1 DEM per result', () => {
    expect(rows(run('version: 1\nlicensing: classic\nsynthetic: { thirdParty: [{ name: t, resultsPerMonth: 100000 }] }'))).toEqual([['dem-third-party/t', '10000', null]]);
  });
});
