// Security Posture Management (DPS): a node scanned in an hour is a host-hour. Hand-computed; the page's
// example is a golden estate.
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/security-posture-management', () => {
  it('each node scanned in an hour is a host-hour: whole hours, not 15-minute intervals', () => {
    const e = dps('securityPosture: [{ name: cluster, count: 10, hoursPerDay: 7.25 }]', 'day');
    expect(rows(e)).toEqual([['security-posture-management/cluster', '80', '0.56']]);
    expect(item(e, 'security-posture-management/cluster').formula).toBe('10 nodes × 8 h/day (7.25 h rounded up to whole hours) × 1 d');
  });
});
