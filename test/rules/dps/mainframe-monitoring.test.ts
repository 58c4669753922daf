// Mainframe Monitoring (DPS): MSU-hours of the average consumed MSUs.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/mainframe-monitoring', () => {
  it('MSU-hours of the average consumed MSUs, at $0.10', () => {
    expect(rows(dps('mainframe: [{ name: LPAR1, msu: 120 }]'))).toEqual([['mainframe-monitoring/LPAR1', '86400', '8640']]);
  });
});

