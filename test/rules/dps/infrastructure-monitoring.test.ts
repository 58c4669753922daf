// Infrastructure Monitoring and Foundation & Discovery (DPS): host-hours whatever the memory, in
// 15-minute intervals. Hand-computed.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/infrastructure-monitoring (beside dps/foundation-discovery)', () => {
  it('host-hours whatever the memory; a partial 15 minutes counts whole', () => {
    expect(rows(dps('hosts: [{ name: i, count: 4, memoryGiB: 64, mode: infrastructure, hoursPerDay: 7.9 }, { name: d, count: 20, memoryGiB: 2, mode: discovery }]'))).toEqual([
      ['infrastructure-monitoring/i', '960', '38.4'],
      ['foundation-discovery/d', '14400', '144'],
    ]);
  });
});

