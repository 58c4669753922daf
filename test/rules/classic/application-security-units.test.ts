// classic/application-security-units: 1 ASU per hour × the RAM weight, × 2 with RAP, Full-Stack and
// Infrastructure alike (application-security-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/application-security-units); the page's
// example is golden: test/golden/classic/application-security-units/.
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, rows, run } from '../../helpers.js';

const classic = (body: string, period = 'day') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);

describe('application-security-units', () => {
  it('three servers a year: 35,040 + 17,520 + 2,190 = 54,750 ASUs', () => {
    const e = run(golden('classic/application-security-units/three-servers-a-year.yaml'));
    expect(toPlain(e.totals.quantityByUnit.get('asu')!)).toBe('54750');
    expect(item(e, 'application-security-units/server-1').formula).toBe('2 RAM weight (32 GiB) × 2 capabilities (RVA and RAP) × 1 ASU/h × 24 h/day × 365 d');
  });

  it('the spike server for 250 hours: 1,000 ASUs', () => {
    expect(toPlain(item(run(golden('classic/application-security-units/spike-server-250-hours.yaml')), 'application-security-units/spike-server').quantity)).toBe('1000');
  });

  it('an Infrastructure 64 GiB host with RVA and RAP: 8 ASUs an hour (no Infrastructure cap), 192 a day', () => {
    const e = classic('hosts: [{ name: h, memoryGiB: 64, mode: infrastructure, appSecurity: [rva, rap] }]');
    expect(rows(e)).toEqual([
      ['host-unit-hours/h', '24', null],
      ['application-security-units/h', '192', null],
    ]);
  });

  it('count, hours a day (calendar hours) and containers (by the memory they are seen with)', () => {
    const e = classic('hosts: [{ name: h, count: 3, memoryGiB: 12, hoursPerDay: 7.5, appSecurity: [rva] }]\ncontainers: [{ name: c, count: 2, memoryLimitGiB: 3, appSecurity: [rap] }]');
    // 3 × 1 × 8 = 24; 2 × 0.25 × 2 × 24 = 24
    expect(rows(e).filter((r) => r[0].startsWith('application'))).toEqual([
      ['application-security-units/h', '24', null],
      ['application-security-units/c', '24', null],
    ]);
    expect(item(e, 'application-security-units/c').formula).toBe('2 containers × 0.25 RAM weight (3 GiB: the 4 GiB row) × 2 capabilities (RVA and RAP) × 1 ASU/h × 24 h/day × 1 d (memory limit)');
  });

  it('no ASUs without host units (discovery, code), and a note says so; none without appSecurity', () => {
    const e = classic('hosts: [{ name: d, memoryGiB: 8, mode: discovery, appSecurity: [rva] }, { name: x, memoryGiB: 8 }]');
    expect(e.lineItems.filter((i) => i.capabilityId === 'application-security-units')).toEqual([]);
    expect(e.warnings.map((w) => w.id)).toContain('asu-not-applicable');
  });

  it('priced per ASU by a rate card', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: day\nhosts: [{ name: h, memoryGiB: 16, appSecurity: [rva] }]', { rates: 'prices: { asu: 0.05 }' });
    expect(item(e, 'application-security-units/h').cost!.toFixed()).toBe('1.2');
  });
});
