// classic/host-unit-hours: host units by RAM (the weighting table) × calendar hours, a run under 5
// minutes counting nothing (application-and-infrastructure-monitoring.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring);
// every row and boundary of the table, the page's examples and true concurrency are golden estates
// in test/golden/classic/host-unit-hours/.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../../src/core/decimal.js';
import { parsePeriod } from '../../../src/core/period.js';
import { classicHours, classicHoursPerDay, hostUnits } from '../../../src/metering/host-units.js';
import { golden, item, rows, run } from '../../helpers.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);

describe('the weighting table (footnote 1: between two rows, rounded up)', () => {
  it.each([
    // RAM, Full-Stack, Infrastructure capped, Infrastructure uncapped (prices-and-rules.md, not a page)
    ['0.5', '0.1', '0.03', '0.03'],
    ['1.6', '0.1', '0.03', '0.03'],
    ['1.7', '0.25', '0.075', '0.075'],
    ['4', '0.25', '0.075', '0.075'],
    ['4.1', '0.5', '0.15', '0.15'],
    ['8', '0.5', '0.15', '0.15'],
    ['12', '1', '0.3', '0.3'], // "a host with 12 GiB RAM consumes 1 host unit"
    ['16', '1', '0.3', '0.3'],
    ['16.1', '2', '0.6', '0.6'],
    ['32', '2', '0.6', '0.6'],
    ['48', '3', '0.9', '0.9'],
    ['48.01', '4', '1', '1.2'], // capped at 1.0
    ['64', '4', '1', '1.2'], // "64 GiB RAM (which equates to 4 host units)"
    ['80', '5', '1', '1.5'],
    ['96', '6', '1', '1.8'],
    ['112', '7', '1', '2.1'],
    ['113', '8', '1', '2.4'], // n × 16 GiB -> n
    ['160', '10', '1', '3'],
  ])('%s GiB: Full-Stack %s, Infrastructure %s (capped) / %s (uncapped)', (ram, full, capped, uncapped) => {
    const m = new D(ram);
    expect([hostUnits(m, 'fullstack').value, hostUnits(m, 'infrastructure').value, hostUnits(m, 'infrastructure', false).value].map(toPlain)).toEqual([full, capped, uncapped]);
  });

  it('the golden estate holds every row and both sides of each boundary', () => {
    const e = run(golden('classic/host-unit-hours/weighting-table.yaml'));
    expect(toPlain(item(e, 'host-unit-hours/fs-128.01').quantity)).toBe('9');
    expect(toPlain(item(e, 'host-unit-hours/infra-48.01').quantity)).toBe('1');
  });
});

describe('host unit hours', () => {
  it('a 16 GiB host running a full day consumes 24 host unit hours; 64 GiB: 96; for 10 days: 960', () => {
    expect(rows(classic('hosts: [{ name: h, memoryGiB: 16 }]', 'day'))).toEqual([['host-unit-hours/h', '24', null]]);
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

  it('discovery hosts and pods have no classic host units, and the estimate says so', () => {
    const e = classic('hosts: [{ name: d, memoryGiB: 8, mode: discovery }, { name: s, memoryGiB: 16 }]\npods: [{ name: p, count: 10 }]');
    expect(rows(e)).toEqual([['host-unit-hours/s', '720', null]]);
    expect(e.warnings.filter((w) => w.code === 'note').map((w) => w.message)).toEqual([
      'hosts in discovery mode (d) have no classic licensing equivalent: no host units',
      'pods: Kubernetes Platform Monitoring is a DPS capability; under classic licensing only the hosts and containers the pods run on consume host units',
      'included trace volume: 5,000 full-service calls/min (max(5,000, 250 × 1 Full-Stack host units at peak))',
    ]);
  });

  it('included trace volume grows by 250 calls/min per Full-Stack host unit beyond 20', () => {
    const e = classic('hosts: [{ name: h, count: 100, memoryGiB: 16 }]');
    expect(e.warnings.map((w) => w.message)).toContain('included trace volume: 25,000 full-service calls/min (max(5,000, 250 × 100 Full-Stack host units at peak))');
  });
});

describe('the 5-minute rule (a run, not a calendar hour: "If a host runs for less than 5 minutes")', () => {
  it.each([
    ['0', '0'],
    ['0.05', '0'], // 3 minutes a day
    ['0.0833', '0'], // 4.998 minutes
    ['0.08334', '1'], // 5.0004 minutes
    ['0.1', '1'],
    ['1', '1'],
    ['1.01', '2'],
    ['24', '24'],
  ])('%s h a day count %s calendar hours', (h, billed) => {
    expect(toPlain(classicHoursPerDay(new D(h)))).toBe(billed);
  });

  it('the formula says why a short run counts nothing', () => {
    expect(classicHours(new D('0.05'), parsePeriod('day')!).text).toBe('0 h/day (0.05 h: a run under 5 minutes a day does not count) × 1 d');
    expect(classicHours(new D(24), parsePeriod('250h')!).text).toBe('24 h/day × 250 h / 24 h');
  });

  it('the golden estates: steady entries and observed runs', () => {
    expect(rows(run(golden('classic/host-unit-hours/five-minute-rule.yaml'))).map((r) => r[1])).toEqual(['0', '1', '8']);
  });

  it('a host under 5 minutes a day adds nothing to concurrency either', () => {
    const e = classic('license: { hostUnits: 1 }\nhosts: [{ name: a, memoryGiB: 16 }, { name: blip, count: 10, memoryGiB: 16, hoursPerDay: 0.05 }]', 'day');
    expect(toPlain(item(e, 'overage-host-unit-hours/license').quantity)).toBe('0');
  });
});

describe('hosts in mode code: application-only monitoring ("Application-only monitoring": the memory of the OS instance or container, Full-Stack weighting)', () => {
  it('a code host with 16 GiB: 1 host unit × 720 h, once per host whatever its processes; with 12 GiB of 3 hosts, 3 × 1', () => {
    const e = classic('hosts:\n  - { name: c1, memoryGiB: 16, mode: code, processes: 2 }\n  - { name: c3, count: 3, memoryGiB: 12, mode: code, processes: 5 }\n');
    expect(rows(e)).toEqual([
      ['host-unit-hours/c1', '720', null],
      ['host-unit-hours/c3', '2160', null],
    ]);
    expect(item(e, 'host-unit-hours/c1').formula).toBe('1 host unit (16 GiB) application-only (Full-Stack weighting of the host memory) × 24 h/day × 30 d');
    expect(e.warnings.map((w) => w.id)).not.toContain('code-hosts-no-memory-classic');
  });
  it('a code host without memoryGiB: no host units, and a note says why (nothing is left out silently)', () => {
    const e = classic('hosts:\n  - { name: c1, mode: code, processes: 2 }\n');
    expect(e.lineItems).toEqual([]);
    expect(e.warnings.find((w) => w.id === 'code-hosts-no-memory-classic')?.message).toContain('hosts in mode code without memoryGiB (c1)');
  });
});
