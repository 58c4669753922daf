// Logs, metrics, traces, events, serverless, NAM, the DDU free tier and the classic quotas: the
// documents' worked examples and hand-computed variations.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../src/core/decimal.js';
import { freeCustomMetrics } from '../../src/rules/classic/overage-custom-metrics.js';
import { annualIngestion, anticipatedDailyIngestion, ingestionOver, storageOverage } from '../../src/metering/log-storage.js';
import { golden, item, rows, run } from '../helpers.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);
const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('classic DDUs for Log Management and Analytics (classic-licensing-bundle.md)', () => {
  it('Steps 1 to 4: 1,500,000 + 283,500 + 1,275,000 = 3,058,500 DDUs a month', () => {
    const e = run(golden('classic/ddu-log-management/3058500-ddus.yaml'));
    expect([q(e, 'ddu-log-ingest/prod'), q(e, 'ddu-log-retain/prod'), q(e, 'ddu-log-query/prod')]).toEqual(['1500000', '283500', '1275000']);
    const gross = e.lineItems.filter((i) => i.capabilityId.startsWith('ddu-log')).reduce((t, i) => t.plus(i.quantity), new D(0));
    expect(toPlain(gross)).toBe('3058500');
    expect(item(e, 'ddu-log-retain/prod').formula).toBe('500 GiB/day × 1.8 enrichment × 35 days retained × 30 d (steady state, after the 35-day ramp-up) × 0.3 DDU/GB-day');
  });

  it('retained for a year: 900 GB × 365 days × 0.3 × 30 = 2,956,500 DDUs a month', () => {
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 500, enrichmentFactor: 1.8, retentionDays: 365 }]'), 'ddu-log-retain/l')).toBe('2956500');
  });

  it('the ramp-up view: the first 30 days of a 35-day retention hold 1 + 2 + ... + 30 days of data', () => {
    // 900 GB/day × 465 GB-days per GB/day × 0.3 = 125,550
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 500, enrichmentFactor: 1.8, retentionDays: 35, rampUp: true }]'), 'ddu-log-retain/l')).toBe('125550');
    // over 40 days the storage is full from day 35: (35 × 36 / 2 + 5 × 35) × 900 × 0.3
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 500, enrichmentFactor: 1.8, retentionDays: 35, rampUp: true }]', '40d'), 'ddu-log-retain/l')).toBe('217350');
  });

  it('FAQ: 10.50 GB ingested = 1,050 DDUs', () => {
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 10.5 }]', 'day'), 'ddu-log-ingest/l')).toBe('1050');
  });
});

describe('classic DDUs for traces, events, metrics, serverless', () => {
  it('custom traces: 1,000,000 calls × 10 spans × 0.0007 = 7,000 DDUs a month; 84,000 for twelve 30-day months', () => {
    const body = 'traces: [{ name: t, requestsPerMonth: 1000000, spansPerRequest: 10 }]';
    expect(q(classic(body), 'ddu-custom-traces/t')).toBe('7000');
    expect(q(classic(body, '360d'), 'ddu-custom-traces/t')).toBe('84000');
  });

  it('custom events: 0.001 DDU each', () => {
    expect(q(classic('events: [{ name: e, eventsPerMonth: 20000 }]'), 'ddu-custom-events/e')).toBe('20');
  });

  it('a metric at one point a minute for a year: 525.6 DDUs', () => {
    expect(q(classic('metrics: [{ name: m, series: 1 }]', 'year'), 'ddu-metrics/m')).toBe('525.6');
  });

  it('metrics beyond what host units include: 1,000 per Full-Stack host unit, 200 per Infrastructure host', () => {
    // 1,500 series at 1/min for a day = 2,160 DDUs; included: (1 × 1,000 + 1 × 200) × 1,440 × 0.001 = 1,728
    const e = classic('hosts: [{ name: f, memoryGiB: 16 }, { name: i, memoryGiB: 16, mode: infrastructure }]\nmetrics: [{ name: m, series: 1500 }]', 'day');
    expect([q(e, 'ddu-metrics/m'), q(e, 'ddu-metrics/included with host units')]).toEqual(['2160', '-1728']);
  });

  it('an inclusion never takes metrics below zero', () => {
    const e = classic('hosts: [{ name: f, count: 10, memoryGiB: 64 }]\nmetrics: [{ name: m, series: 5 }]', 'day');
    expect([q(e, 'ddu-metrics/m'), q(e, 'ddu-metrics/included with host units')]).toEqual(['7.2', '-7.2']);
  });

  it('serverless: 0.002 DDU per invocation', () => {
    expect(q(classic('serverless: [{ name: s, invocationsPerMonth: 3000000 }]'), 'ddu-serverless/s')).toBe('6000');
  });

  it('NAM monitors are billed by their data points: 6 per ICMP request, 3 per TCP or DNS request', () => {
    const e = classic('synthetic: { nam: [{ name: ping, protocol: icmp, requests: 10, frequencyMinutes: 1, locations: 1 }, { name: dns, protocol: dns, requests: 2, frequencyMinutes: 5, locations: 2 }] }', 'day');
    // 10 × 6 × 60 × 1 × 24 = 86,400 points; 2 × 3 × 12 × 2 × 24 = 3,456 points; × 0.001 DDU
    expect([q(e, 'ddu-metrics/ping'), q(e, 'ddu-metrics/dns')]).toEqual(['86.4', '3.456']);
  });
});

describe('the classic DDU free tier: 200,000 DDUs a year per environment, pro rata', () => {
  it('a year: 200,000 DDUs, its own line, the gross kept visible', () => {
    const e = classic('logs: [{ name: l, ingestGiBPerDay: 10, retentionDays: 10 }]', 'year');
    expect(rows(e)).toEqual([
      ['ddu-log-ingest/l', '365000', null],
      ['ddu-log-retain/l', '10950', null],
      ['ddu-free-tier/environment', '-200000', null],
    ]);
    expect(toPlain(e.totals.quantityByUnit.get('ddu')!)).toBe('175950');
  });

  it('never more than what is consumed', () => {
    expect(rows(classic('events: [{ name: e, eventsPerMonth: 1000 }]'))).toEqual([
      ['ddu-custom-events/e', '1', null],
      ['ddu-free-tier/environment', '-1', null],
    ]);
  });
});

describe('classic quotas and overages', () => {
  it('DEM units beyond license.demUnits', () => {
    const e = classic('license: { demUnits: 20000 }\nsynthetic: { browser: [{ name: b, billableSteps: 3, frequencyMinutes: 15, locations: 3 }] }');
    expect(q(e, 'overage-dem-units/license')).toBe('5920');
  });

  it('DDUs beyond license.ddus, after the free tier', () => {
    expect(rows(classic('license: { ddus: 1000000 }', 'year'))).toEqual([['overage-ddus/license', '0', '0']]);
    const f = classic('license: { ddus: 100000 }\nserverless: [{ name: s, invocationsPerMonth: 10000000 }]');
    // 20,000 DDUs − 16,438.36 free = 3,561.64: within 100,000
    expect(q(f, 'overage-ddus/license')).toBe('0');
    const g = classic('license: { ddus: 1000 }\nserverless: [{ name: s, invocationsPerMonth: 10000000 }]', 'year');
    // 20,000 × 365 / 30 = 243,333.33 − 200,000 = 43,333.33 − 1,000
    expect(q(g, 'overage-ddus/license')).toBe('42333.33333333333333333333333333333');
  });

  it('custom metrics: the free tier is 100 + 10 per host unit, at most 10,000 (100 host units: 1,100)', () => {
    expect([freeCustomMetrics(new D(100)), freeCustomMetrics(new D(0)), freeCustomMetrics(new D(5000))].map(toPlain)).toEqual(['1100', '100', '10000']);
  });

  it('custom metrics overage: 120 − 100 = 20', () => {
    const e = classic('license: { customMetrics: 100, hostUnits: 100 }\nmetrics: [{ name: plugins, series: 90 }, { name: new-plugin, series: 30 }]');
    expect(q(e, 'overage-custom-metrics/license')).toBe('20');
    expect(e.warnings.map((w) => w.message)).toContain('custom metrics free tier: 100 + 10 × 100 host units = 1,100 (at most 10,000); the estate reports 120');
  });
});

describe('classic Log Monitoring storage (classic-monitoring-consumption.txt "Log Monitoring")', () => {
  it('450 GiB over 90 days: 5 GiB a day, 1,825 GiB a year; over 45 days: 10 GiB a day', () => {
    expect(toPlain(anticipatedDailyIngestion(new D(450), new D(90)))).toBe('5');
    expect(toPlain(annualIngestion(new D(5)))).toBe('1825');
    expect(toPlain(anticipatedDailyIngestion(new D(450), new D(45)))).toBe('10');
  });

  it('half a year at 5 GiB a day, half at 10: 2,737.5 GiB', () => {
    expect(toPlain(ingestionOver([[new D('182.5'), new D(5)], [new D('182.5'), new D(10)]]))).toBe('2737.5');
  });

  it('Managed: 730 GiB in a year is 2 GiB a day; 12 GiB a day against a 10 GiB limit is 2 GiB over', () => {
    expect(toPlain(new D(730).div(365))).toBe('2');
    expect(toPlain(storageOverage(new D(12), new D(10)))).toBe('2');
  });

  it('SaaS overage: 500 GiB of average storage against 450 licensed = 50 GiB, from the estate', () => {
    const e = classic('license: { logStorageGiB: 450, logStorageDays: 90 }\nlogs: [{ name: app, ingestGiBPerDay: 4 }, { name: web, ingestGiBPerDay: 1.5 }]');
    // 5.5 GiB a day × 90 days = 495 GiB − 450 = 45
    expect(q(e, 'overage-log-storage/license')).toBe('45');
    expect(storageOverage(new D(500), new D(450)).toFixed()).toBe('50');
    expect(e.warnings.map((w) => w.message)).toContain('log storage: 450 GiB of annual average storage over 90 days allows 5 GiB a day (1,825 GiB a year)');
  });
});

