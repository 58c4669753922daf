// classic/ddu-metrics: 0.001 DDU per data point; included metrics bound to the host a metric is
// booked on, per minute, while it runs (metric-cost-calculation.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/metric-cost-calculation);
// the page's examples are golden estates in test/golden/classic/ddu-metrics/.
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, run } from '../../helpers.js';

const classic = (body: string, period = 'day') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);
const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);
const metrics = (e: ReturnType<typeof run>) => toPlain(e.totals.quantityByCapability.get('ddu-metrics')!);

describe('ddu-metrics', () => {
  it('a metric at one point a minute for a year: 525.6 DDUs; every 10 seconds: 3,153.6', () => {
    const e = run(golden('classic/ddu-metrics/525.6-per-metric-a-year.yaml'));
    expect([q(e, 'ddu-metrics/one-metric'), q(e, 'ddu-metrics/every-10-seconds')]).toEqual(['525.6', '3153.6']);
  });

  it('two 16 GiB hosts, 1,500 metrics booked on one: 720 DDUs a day (the other host\'s inclusion does not help)', () => {
    const e = run(golden('classic/ddu-metrics/two-hosts-one-booked.yaml'));
    expect(metrics(e)).toBe('720');
    expect(item(e, 'ddu-metrics/included on host-a').formula).toBe('included on host-a: min(1,500 booked, 1,000 included (1 host unit × 1,000)) data points/min × 60 min × 24 h/day running × 1 d × 0.001 DDU (ingestion taken as steady)');
  });

  it('the page\'s example: 500 beyond the host\'s 1,000 + 300 from the API = 800 a minute, 1,152 DDUs a day', () => {
    expect(metrics(run(golden('classic/ddu-metrics/included-metrics-example.yaml')))).toBe('1152');
  });

  it('the scenario table: 0, 720, 0, 1,440, 0, 1,152 DDUs a day', () => {
    expect(metrics(run(golden('classic/ddu-metrics/scenario-table.yaml')))).toBe('3312');
  });

  it('at least 200 included on a Full-Stack host; an Infrastructure host 200 whatever its size', () => {
    expect(metrics(classic('hosts: [{ name: h, memoryGiB: 1.6 }]\nmetrics: [{ name: m, series: 250, host: h }]'))).toBe('72');
    expect(metrics(classic('hosts: [{ name: h, memoryGiB: 256, mode: infrastructure }]\nmetrics: [{ name: m, series: 250, host: h }]'))).toBe('72');
  });

  it('only while the host runs: 8 hours a day include 480 minutes', () => {
    expect(metrics(run(golden('classic/ddu-metrics/floor-and-hours.yaml')))).toBe('1032');
    // a host under 5 minutes a day runs no host-unit hour: nothing included
    const e = classic('hosts: [{ name: h, memoryGiB: 16, hoursPerDay: 0.05 }]\nmetrics: [{ name: m, series: 10, host: h }]');
    expect(e.lineItems.map((i) => i.id)).not.toContain('ddu-metrics/included on h');
  });

  it('a hosts entry of several hosts: the booked series are spread over them, each host with its own inclusion', () => {
    // 3,000 series on 2 hosts of 16 GiB: 1,500 each, 500 each beyond: 1,000 × 1,440 × 0.001 = 1,440
    const e = classic('hosts: [{ name: h, count: 2, memoryGiB: 16 }]\nmetrics: [{ name: m, series: 3000, host: h }]');
    expect(metrics(e)).toBe('1440');
    expect(item(e, 'ddu-metrics/included on h').formula).toBe('included on h: 2 hosts × min(1,500 booked each, 1,000 included (1 host unit × 1,000)) data points/min × 60 min × 24 h/day running × 1 d × 0.001 DDU (ingestion taken as steady)');
  });

  it('metrics booked on the same host share its inclusion', () => {
    expect(metrics(classic('hosts: [{ name: h, memoryGiB: 16 }]\nmetrics: [{ name: a, series: 600, host: h }, { name: b, series: 600, host: h }]'))).toBe('288');
  });

  it('metrics on no host (API, NAM) consume DDUs in full; a DPS origin without a host is noted', () => {
    const e = classic('hosts: [{ name: h, memoryGiB: 64 }]\nmetrics: [{ name: api, series: 100, origin: fullstack }]\nsynthetic: { nam: [{ name: ping, protocol: icmp, frequencyMinutes: 1, locations: 1 }] }');
    // 100 × 1,440 × 0.001 = 144; 6 × 60 × 24 × 0.001 = 8.64
    expect(metrics(e)).toBe('152.64');
    expect(e.warnings.map((w) => w.id)).toContain('classic-metric-origin');
  });

  it('a metric booked on a host with no host units (discovery) includes nothing, and says so', () => {
    const e = classic('hosts: [{ name: d, memoryGiB: 16, mode: discovery }]\nmetrics: [{ name: m, series: 10, host: d }]');
    expect(metrics(e)).toBe('14.4');
    expect(e.warnings.map((w) => w.id)).toContain('metric-host-no-inclusion');
  });

  it('NAM monitors are billed by their data points: 6 per ICMP request, 3 per TCP or DNS request', () => {
    const e = run(golden('classic/ddu-metrics/nam-data-points.yaml'));
    expect([q(e, 'ddu-metrics/ping'), q(e, 'ddu-metrics/dns')]).toEqual(['86.4', '3.456']);
  });

  it('under custom-metric licensing (customMetrics, no DDUs) metrics are not DDUs; NAM data points still are', () => {
    const e = classic('license: { customMetrics: 1000 }\nmetrics: [{ name: m, series: 10 }]\nsynthetic: { nam: [{ name: ping, protocol: icmp, frequencyMinutes: 1, locations: 1 }] }');
    expect(e.lineItems.map((i) => i.id)).toEqual(['ddu-metrics/ping', 'ddu-free-tier/environment', 'overage-custom-metrics/license']);
  });
});
