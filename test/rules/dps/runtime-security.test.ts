// Runtime Vulnerability Analytics and Runtime Application Protection (DPS): GiB-hours with the
// Full-Stack rounding; RAP always consumes RVA too, once. The pages' examples are golden estates.
import { describe, expect, it } from 'vitest';
import { item, rows } from '../../helpers.js';
import { dps } from './helpers.js';

describe('dps/runtime-vulnerability-analytics and dps/runtime-application-protection', () => {
  it('GiB-hours with the Full-Stack rounding; an entry with both bills RVA once', () => {
    expect(rows(dps('hosts: [{ name: h, memoryGiB: 8.3, appSecurity: [rva, rap] }]\ncontainers: [{ name: c, count: 2, memoryLimitGiB: 0.5, appSecurity: [rva] }]'))).toEqual([
      ['full-stack-monitoring/h', '6120', '61.2'],
      ['full-stack-monitoring/c', '720', '7.2'],
      ['runtime-vulnerability-analytics/h', '6120', '13.77'],
      ['runtime-vulnerability-analytics/c', '720', '1.62'],
      ['runtime-application-protection/h', '6120', '13.77'],
    ]);
  });

  it('RAP alone consumes RVA as well, and the formula says why', () => {
    const e = dps('hosts: [{ name: h, memoryGiB: 16, appSecurity: [rap] }]', 'day');
    expect(rows(e).filter(([id]) => !id.startsWith('full-stack'))).toEqual([
      ['runtime-vulnerability-analytics/h', '384', '0.864'],
      ['runtime-application-protection/h', '384', '0.864'],
    ]);
    expect(item(e, 'runtime-vulnerability-analytics/h').formula).toBe('16 GiB × 24 h/day × 1 d (Runtime Application Protection runs it too)');
  });
});
