// classic/mainframe-msu: MSUs, the peak rolling 4-hour average, no host units
// (application-and-infrastructure-monitoring.md "Mainframe monitoring on IBM z/OS").
import { describe, expect, it } from 'vitest';
import { rows, run } from '../../helpers.js';

describe('mainframe-msu', () => {
  it('mainframes are licensed by MSUs, not host units, whatever the period', () => {
    expect(rows(run('version: 1\nlicensing: classic\nmainframe: [{ name: LPAR1, msu: 120 }]'))).toEqual([['mainframe-msu/LPAR1', '120', null]]);
    expect(rows(run('version: 1\nlicensing: classic\nperiod: year\nmainframe: [{ name: LPAR1, msu: 120 }]'))).toEqual([['mainframe-msu/LPAR1', '120', null]]);
  });
});
