// Hosts, containers, pods and mainframes under both models: the documents' examples and
// hand-computed variations.
import { describe, expect, it } from 'vitest';
import { golden, item, rows, run } from '../helpers.js';
import fc from 'fast-check';
import { D } from '../../src/core/decimal.js';
import { dailyProfile } from '../../src/rules/kit/fleet.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);

describe('classic host unit hours (classic-licensing-bundle.md "Host unit hours")', () => {
  it('a 16 GiB host running a full day consumes 24 host unit hours', () => {
    expect(rows(classic('hosts: [{ name: h, memoryGiB: 16 }]', 'day'))).toEqual([['host-unit-hours/h', '24', null]]);
  });

  it('a 64 GiB host (4 host units) for a full day: 96 host unit hours; for 10 days: 960', () => {
    expect(rows(classic('hosts: [{ name: h, memoryGiB: 64 }]', 'day'))).toEqual([['host-unit-hours/h', '96', null]]);
    expect(rows(classic('hosts: [{ name: h, memoryGiB: 64 }]', '10d'))).toEqual([['host-unit-hours/h', '960', null]]);
  });

  it('application-only monitoring: the table of four scenarios (0.4, 2.0, 2.0, 8.0)', () => {
    expect(rows(run(golden('classic/host-unit-hours/application-only-table.yaml')))).toEqual([
      ['host-unit-hours/serverless', '0.4', null],
      ['host-unit-hours/docker-no-limit', '2', null],
      ['host-unit-hours/app-service-windows', '2', null],
      ['host-unit-hours/app-service-linux', '8', null],
    ]);
  });

  it('infrastructure hosts: capped at 1.0 by default, 0.3 per 16 GiB without the cap', () => {
    const body = 'hosts: [{ name: big, memoryGiB: 128, mode: infrastructure }]';
    expect(rows(classic(body, 'day'))).toEqual([['host-unit-hours/big', '24', null]]);
    expect(rows(classic(`${body}\nlicense: { infrastructureCap: false }`, 'day'))).toEqual([['host-unit-hours/big', '57.6', null]]);
  });

  it('hours are calendar hours: 7.5 hours a day count 8', () => {
    const e = classic('hosts: [{ name: h, count: 3, memoryGiB: 8, hoursPerDay: 7.5 }]');
    expect(rows(e)).toEqual([['host-unit-hours/h', '360', null]]);
    expect(item(e, 'host-unit-hours/h').formula).toBe('3 hosts × 0.5 host units (8 GiB) × 8 h/day (7.5 h rounded up to calendar hours) × 30 d');
  });

  it('discovery hosts, pods and appSecurity have no classic host units, and the estimate says so', () => {
    const e = classic('hosts: [{ name: d, memoryGiB: 8, mode: discovery }, { name: s, memoryGiB: 16, appSecurity: [rva] }]\npods: [{ name: p, count: 10 }]');
    expect(rows(e)).toEqual([['host-unit-hours/s', '720', null]]);
    expect(e.warnings.filter((w) => w.code === 'note').map((w) => w.message)).toEqual([
      'hosts in discovery mode (d) have no classic licensing equivalent: no host units',
      'pods: Kubernetes Platform Monitoring is a DPS capability; under classic licensing only the hosts and containers the pods run on consume host units',
      'appSecurity (s): classic Application Security units are not estimated by this version of dtcost',
      'included trace volume: 5,000 full-service calls/min (max(5,000, 250 × 1 Full-Stack host units at peak))',
    ]);
  });

  it('included trace volume grows by 250 calls/min per Full-Stack host unit beyond 20', () => {
    const e = classic('hosts: [{ name: h, count: 100, memoryGiB: 16 }]');
    expect(e.warnings.map((w) => w.message)).toContain('included trace volume: 25,000 full-service calls/min (max(5,000, 250 × 100 Full-Stack host units at peak))');
  });

  it('mainframes are licensed by MSUs, not host units', () => {
    expect(rows(classic('mainframe: [{ name: LPAR1, msu: 120 }]'))).toEqual([['mainframe-msu/LPAR1', '120', null]]);
  });
});

describe('classic host unit overages', () => {
  it('the documents\' example: 12 host units against 10 licensed for a week = 336 host unit hours', () => {
    const e = run(golden('classic/overage-host-unit-hours/336-overage.yaml'));
    expect(item(e, 'overage-host-unit-hours/license').quantity.toFixed()).toBe('336');
    expect(item(e, 'overage-host-unit-hours/license').formula).toBe('(12 concurrent − 10 licensed) host units × 24 h/day × 7 d');
  });

  it('a pool of 9,000 host unit hours carries 375 more host units for a day (475 in all), not one more', () => {
    const license = 'license: { hostUnits: 100, hostUnitHours: 9000 }';
    expect(item(classic(`${license}\nhosts: [{ name: h, count: 475, memoryGiB: 16 }]`, 'day'), 'overage-host-unit-hours/license').quantity.toFixed()).toBe('0');
    expect(item(classic(`${license}\nhosts: [{ name: h, count: 476, memoryGiB: 16 }]`, 'day'), 'overage-host-unit-hours/license').quantity.toFixed()).toBe('24');
  });

  it('concurrency hour by hour: part-time hosts exceed the quota only while they run', () => {
    const e = classic('license: { hostUnits: 10 }\nhosts: [{ name: base, count: 10, memoryGiB: 16 }, { name: office, count: 4, memoryGiB: 16, hoursPerDay: 9 }]', 'day');
    expect(item(e, 'overage-host-unit-hours/license').quantity.toFixed()).toBe('36');
  });

  it('without a host-unit quota, the pool is the contract', () => {
    expect(item(classic('license: { hostUnitHours: 1000 }\nhosts: [{ name: h, memoryGiB: 64 }]', '11d'), 'overage-host-unit-hours/license').quantity.toFixed()).toBe('56');
  });

  it('no overages allowed: no overage line, and a note that monitoring would stop', () => {
    const e = classic('license: { hostUnits: 1, overages: false }\nhosts: [{ name: h, memoryGiB: 32 }]', 'day');
    expect(e.lineItems.map((i) => i.capabilityId)).toEqual(['host-unit-hours']);
    expect(e.warnings.map((w) => w.message)).toContain('the host-unit quota would be exceeded by 24 host unit hours, and the license allows no overages: monitoring beyond the quota would stop');
  });
});

describe('daily profile of concurrent host units', () => {
  it('hour h sums the entries running more than h hours, as summing each hour over every entry does', () => {
    const running = fc.array(fc.record({ hostUnits: fc.constantFrom('0.1', '0.03', '0.25', '0.075', '0.5', '0.15', '1', '4', '1.2', '0.3').map((s) => new D(s)), count: fc.integer({ min: 0, max: 1000 }), hours: fc.integer({ min: 0, max: 24 }), fullStack: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(running, (entries) => {
        const list = entries.map((r) => ({ hostUnits: r.hostUnits.times(r.count), hours: r.hours, fullStack: r.fullStack }));
        const naive = Array.from({ length: 24 }, (_, hour) => list.reduce((sum, r) => (r.hours > hour ? sum.plus(r.hostUnits) : sum), new D(0)).toString());
        expect(dailyProfile(list).map((d) => d.toString())).toEqual(naive);
      }),
      { numRuns: 300 },
    );
    expect(dailyProfile([]).map(String)).toEqual(Array.from({ length: 24 }, () => '0'));
    expect(dailyProfile([{ hostUnits: new D(10), hours: 24, fullStack: true }, { hostUnits: new D(4), hours: 9, fullStack: true }]).map(String)).toEqual([...Array.from({ length: 9 }, () => '14'), ...Array.from({ length: 15 }, () => '10')]);
  });
});
