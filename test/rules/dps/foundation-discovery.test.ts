// Foundation & Discovery (DPS): host-hours whatever the memory, in 15-minute intervals, no custom
// metrics included. Hand-computed.
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/foundation-discovery', () => {
  it('host-hours whatever the memory', () => {
    expect(rows(dps('hosts: [{ name: d, count: 20, memoryGiB: 2, mode: discovery }]'))).toEqual([['foundation-discovery/d', '14400', '144']]);
  });

  it('a partial 15 minutes counts whole; no metric inclusion', () => {
    const e = dps('hosts: [{ name: d, memoryGiB: 64, mode: discovery, hoursPerDay: 0.1 }]\nmetrics: [{ name: m, series: 10, origin: infrastructure }]', 'day');
    expect(rows(e)).toEqual([
      ['foundation-discovery/d', '0.25', '0.0025'],
      ['metrics-ingest/m', '14400', '0.0216'],
    ]);
  });
});
