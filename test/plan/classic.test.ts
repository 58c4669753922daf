// `dtcost plan --model classic` reads the contract as the classic rules do (rules/kit/quota.ts):
// environments summed per account, environments without overages stopping at their own host units,
// `overages: false` capped (not monitored, not billed), monthly quotas as monthly pools, and the
// committed cost at the prices of the rules' licensed lines, never counted twice. Every number by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/core/calendar.js';
import { toPlain, ZERO, type D } from '../../src/core/decimal.js';
import type { ScenarioPlan } from '../../src/plan/plan.js';
import { planJson } from '../../src/render/plan-json.js';
import { ROOT, run } from '../helpers.js';
import { plan } from './helpers.js';

const HEAD = 'version: 1\nlicensing: classic\ncontract: { start: 2027-01-01, years: 1 }\n';
const CARD = 'prices: { host-unit-year: 1000, host-unit-hour: 0.2, overage-host-unit-hours: 0.3, dem-unit: 0.002 }\n';

const base = (yaml: string, rates = CARD): ScenarioPlan => plan(HEAD + yaml, { rates: [rates] }).scenarios[0]!;
const quota = (s: ScenarioPlan, key: string) => s.quotas.find((q) => q.key === key)!;
/** A capability's quantity over the year, or undefined when no month has it. */
const yearly = (s: ScenarioPlan, id: string): string | undefined => {
  const found = s.months.flatMap((m) => m.capabilities.filter((c) => c.capabilityId === id));
  return found.length === 0 ? undefined : toPlain(found.reduce((t: D, c) => t.plus(c.quantity), ZERO));
};
const money = (s: ScenarioPlan) => {
  const y = s.years[0]!;
  return { committed: toPlain(y.year.commitment!), overage: toPlain(y.onDemandCost), payable: toPlain(y.payable), consumed: toPlain(y.pricedCost) };
};

const ENVIRONMENTS = (testing: number, overages = true) => `environments:
  - { name: production, hostUnits: 80 }
  - { name: testing, hostUnits: 20${overages ? '' : ', overages: false'} }
hosts:
  - { name: prod-fleet, count: 70, memoryGiB: 16, environment: production }
  - { name: test-fleet, count: ${testing}, memoryGiB: 16, environment: testing }
`;

describe('environments: quotas per environment, overages per account', () => {
  it('70 + 30 of 80 + 20: no overage; the account has what its environments are assigned, 100 host-unit years at 1,000', () => {
    const s = base(ENVIRONMENTS(30));
    const hu = quota(s, 'hostUnits');
    expect([toPlain(hu.licensed), toPlain(hu.years[0]!.used), toPlain(hu.years[0]!.overage), hu.years[0]!.exceededAt]).toEqual(['100', '100', '0', null]);
    // 100 × 8,760 host unit hours × 0.2 consumed; 100 host-unit years × 1,000 committed.
    expect(money(s)).toEqual({ committed: '100000', overage: '0', payable: '100000', consumed: '175200' });
  });

  it('70 + 31: 1 host unit over the account for 8,760 hours, × 0.3 (the overage line\'s own price)', () => {
    const s = base(ENVIRONMENTS(31));
    const hu = quota(s, 'hostUnits');
    expect(hu.months.slice(0, 2).map((m) => [toPlain(m.used), toPlain(m.excess), toPlain(m.overage)])).toEqual([
      ['101', '744', '744'],
      ['101', '672', '672'],
    ]);
    expect(money(s)).toEqual({ committed: '100000', overage: '2628', payable: '102628', consumed: '176952' });
  });

  it('testing without overages stops at its 20: 10 × 8,760 host unit hours not monitored, no overage for the account', () => {
    const s = base(ENVIRONMENTS(30, false));
    const y = quota(s, 'hostUnits').years[0]!;
    expect([toPlain(y.used), toPlain(y.overage), toPlain(y.notMonitored), formatInstant(y.exceededAt!)]).toEqual(['90', '0', '87600', '2027-01-01T00:00:00Z']);
    expect(yearly(s, 'host-unit-hours')).toBe('876000');
    expect(yearly(s, 'not-monitored-host-unit-hours')).toBe('-87600');
    // What is monitored: (876,000 − 87,600) × 0.2 = 157,680.
    expect(money(s)).toEqual({ committed: '100000', overage: '0', payable: '100000', consumed: '157680' });
  });

  it('the rules make no licensed, overage or not-monitored line of their own in a plan: nothing is counted twice', () => {
    for (const s of [base(ENVIRONMENTS(31)), base(`${ENVIRONMENTS(31)}license: { hostUnits: 100, demUnits: 1000, ddus: 1000000 }\n`)]) {
      const ids = new Set(s.months.flatMap((m) => m.capabilities.map((c) => c.capabilityId)));
      expect([...ids].filter((id) => id.startsWith('licensed-') || id.startsWith('overage-') || id.startsWith('not-monitored-'))).toEqual([]);
    }
  });
});

// An HTTP monitor of 1 request a minute from 1 location: 0.1 × 60 × 24 = 144 DEM units a day
// (4,464 in a 31-day month, 4,032 in February, 52,560 in the year).
const MONITOR = 'synthetic:\n  http: [{ name: ping, frequencyMinutes: 1, locations: 1 }]\n';

describe('quota periods: a monthly quota is a monthly pool', () => {
  it('demUnits 4,000 a month: each month over by its days × 144 − 4,000; 48,000 licensed, 4,560 over in the year', () => {
    const dem = quota(base(`${MONITOR}license: { demUnits: 4000, demUnitsPeriod: month }\n`), 'demUnits');
    expect(dem.period).toBe('month');
    expect(dem.months.slice(0, 4).map((m) => [toPlain(m.used), toPlain(m.cumulative!), toPlain(m.overage)])).toEqual([
      ['4464', '4464', '464'],
      ['4032', '4032', '32'],
      ['4464', '4464', '464'],
      ['4320', '4320', '320'],
    ]);
    const y = dem.years[0]!;
    // 4,000 × 31 / 4,464 of January's 744 hours: 666.67 h, 2027-01-28T18:40.
    expect([toPlain(y.licensed), toPlain(y.used), toPlain(y.overage), toPlain(y.committedCost!), toPlain(y.overageCost!), formatInstant(y.exceededAt!)]).toEqual(['48000', '52560', '4560', '96', '9.12', '2027-01-28T18:40:00Z']);
  });

  it('a contract starting on 15 February: its first row, 14 of February\'s 28 days, has half the month\'s pool (2,000): 2,016 used, 16 over', () => {
    const s = plan(`version: 1\nlicensing: classic\ncontract: { start: 2027-02-15, years: 1 }\n${MONITOR}license: { demUnits: 4000, demUnitsPeriod: month }\n`, { rates: [CARD] }).scenarios[0]!;
    const dem = quota(s, 'demUnits');
    expect(dem.months.slice(0, 2).map((m) => [m.row.label, toPlain(m.used), toPlain(m.overage)])).toEqual([
      ['2027-02', '2016', '16'],
      ['2027-03', '4464', '464'],
    ]);
  });

  it('the same 4,000 as a yearly pool (the default): 48,560 over', () => {
    const y = quota(base(`${MONITOR}license: { demUnits: 4000 }\n`), 'demUnits').years[0]!;
    expect([toPlain(y.licensed), toPlain(y.overage)]).toEqual(['4000', '48560']);
  });

  it('hostUnitHoursPeriod: month: 10 host units against 8, a pool of 1,000 host unit hours each month', () => {
    const s = base('hosts: [{ name: web, count: 10, memoryGiB: 16 }]\nlicense: { hostUnits: 8, hostUnitHours: 1000, hostUnitHoursPeriod: month }\n', 'prices: { host-unit-hour: 0.01 }\n');
    const pool = quota(s, 'hostUnitHours');
    // 2 × 744 = 1,488 in January (488 over), 2 × 672 = 1,344 in February (344 over).
    expect(pool.months.slice(0, 2).map((m) => [toPlain(m.used), toPlain(m.overage)])).toEqual([
      ['1488', '488'],
      ['1344', '344'],
    ]);
    // 17,520 beyond the host units − 12 × 1,000 = 5,520; committed 8 × 8,760 × 0.01 + 12,000 × 0.01.
    expect([toPlain(pool.years[0]!.overage), toPlain(pool.years[0]!.committedCost!)]).toEqual(['5520', '120']);
    expect(money(s)).toEqual({ committed: '820.8', overage: '55.2', payable: '876', consumed: '876' });
  });
});

describe('overages: false: capped, not billed, and the plan says when monitoring would stop', () => {
  it('40,000 DEM units a year: 12,560 not monitored from 5 October, no overage; the months\' DEM units are what is monitored', () => {
    const s = base(`${MONITOR}license: { demUnits: 40000, overages: false }\n`);
    const y = quota(s, 'demUnits').years[0]!;
    expect([toPlain(y.overage), toPlain(y.notMonitored), y.overageCost && toPlain(y.overageCost), formatInstant(y.exceededAt!)]).toEqual(['0', '12560', '0', '2027-10-05T18:40:00Z']);
    expect([yearly(s, 'dem-http-monitor'), yearly(s, 'not-monitored-dem-units')]).toEqual(['52560', '-12560']);
    // Committed 40,000 × 0.002 = 80; monitored 40,000 × 0.002 = 80; nothing more to pay.
    expect(money(s)).toEqual({ committed: '80', overage: '0', payable: '80', consumed: '80' });
  });

  it('host units without overages and without a pool: the 2 host units beyond 8 are not monitored, hour by hour', () => {
    const s = base('hosts: [{ name: web, count: 10, memoryGiB: 16 }]\nlicense: { hostUnits: 8, overages: false }\n');
    const y = quota(s, 'hostUnits').years[0]!;
    expect([toPlain(y.overage), toPlain(y.notMonitored)]).toEqual(['0', '17520']);
    expect(yearly(s, 'not-monitored-host-unit-hours')).toBe('-17520');
    expect(money(s)).toEqual({ committed: '8000', overage: '0', payable: '8000', consumed: '14016' });
  });
});

describe('the overages the rules make themselves are paid on top of the quotas', () => {
  it('custom metrics (120 against 100 each month, × 0.5) with 10 host units licensed: 10,000 + 12 × 20 × 0.5', () => {
    const s = base('hosts: [{ name: web, count: 10, memoryGiB: 16 }]\nmetrics: [{ name: plugins, series: 120 }]\nlicense: { hostUnits: 10, customMetrics: 100 }\n', 'prices: { host-unit-year: 1000, overage-custom-metrics: 0.5 }\n');
    expect(yearly(s, 'overage-custom-metrics')).toBe('240');
    const y = s.years[0]!;
    expect([toPlain(y.year.commitment!), toPlain(y.onDemandCost), toPlain(y.payable)]).toEqual(['10000', '120', '10120']);
  });
});

describe('consumption within a licensed quota the card prices is paid there, as in the estimate', () => {
  it('a card with host-unit-year only: host unit hours cost 0 (not unknown), the year is priced, no "no price" warning', () => {
    const r = plan(`${HEAD}hosts: [{ name: web, count: 110, memoryGiB: 16 }]\nlicense: { hostUnits: 100 }\n`, { rates: ['prices: { host-unit-year: 1200, overage-host-unit-hours: 0.2 }\n'] });
    const s = r.scenarios[0]!;
    const jan = s.months[0]!.capabilities.find((c) => c.capabilityId === 'host-unit-hours')!;
    expect([toPlain(jan.quantity), jan.unitPrice && toPlain(jan.unitPrice), jan.cost && toPlain(jan.cost)]).toEqual(['81840', '0', '0']);
    expect(money(s)).toEqual({ committed: '120000', overage: '17520', payable: '137520', consumed: '0' });
    expect(s.years[0]!.cost && toPlain(s.years[0]!.cost)).toBe('0');
    expect(r.warnings.map((w) => w.message).filter((m) => m.includes('no price'))).toEqual([]);
  });
  it('with host-unit-hour priced too, the months keep the value of what is consumed at that price', () => {
    const s = base('hosts: [{ name: web, count: 110, memoryGiB: 16 }]\nlicense: { hostUnits: 100 }\n', 'prices: { host-unit-year: 1200, host-unit-hour: 0.1 }\n');
    const jan = s.months[0]!.capabilities.find((c) => c.capabilityId === 'host-unit-hours')!;
    expect(jan.unitPrice && toPlain(jan.unitPrice)).toBe('0.1');
  });
});

describe('the custom-metric free tier is of the allotted host units, as in the estimate', () => {
  // classic-monitoring-consumption.txt "Free tier of custom metrics": "10 free custom metrics are
  // provided for each of your allotted host units" (100 + 10 × 100 = 1,100), not of those running.
  it('100 host units licensed, 10 running, 500 series, none bought: 1,100 free, no overage (peak concurrency would give 200 free, 300 over)', () => {
    const yaml = 'hosts: [{ name: web, count: 10, memoryGiB: 16 }]\nmetrics: [{ name: plugins, series: 500 }]\nlicense: { hostUnits: 100, customMetrics: 0 }\n';
    const s = base(yaml, 'prices: { host-unit-year: 1000, overage-custom-metrics: 0.5 }\n');
    expect(yearly(s, 'overage-custom-metrics') ?? '0').toBe('0');
    expect(money(s).overage).toBe('0');
    const month = run(HEAD + yaml, { rates: 'prices: { host-unit-year: 1000, overage-custom-metrics: 0.5 }\n', periodText: 'month' });
    expect(month.lineItems.filter((i) => i.capabilityId === 'overage-custom-metrics').map((i) => toPlain(i.quantity))).toEqual(['0']);
  });
  it('the same with 2 host units licensed: 100 + 10 × 2 = 120 free, 380 over each month in the plan and the estimate', () => {
    const yaml = 'hosts: [{ name: web, count: 10, memoryGiB: 16 }]\nmetrics: [{ name: plugins, series: 500 }]\nlicense: { hostUnits: 2, customMetrics: 0 }\n';
    const s = base(yaml, 'prices: { host-unit-year: 1000, overage-custom-metrics: 0.5 }\n');
    expect(yearly(s, 'overage-custom-metrics')).toBe('4560');
    const month = run(HEAD + yaml, { rates: 'prices: { host-unit-year: 1000, overage-custom-metrics: 0.5 }\n', periodText: 'month' });
    expect(month.lineItems.filter((i) => i.capabilityId === 'overage-custom-metrics').map((i) => toPlain(i.quantity))).toEqual(['380']);
  });
});

describe('one licensing generation per kind of data, as in the estimate', () => {
  it('customMetrics with ddus: converted to DDUs, so metrics are DDUs (120 × 44,640 × 0.001 in January) and no custom-metric overage', () => {
    const s = base('metrics: [{ name: plugins, series: 120 }]\nlicense: { customMetrics: 100, ddus: 1000000 }\n', 'prices: { ddu: 0.001, overage-custom-metrics: 0.5 }\n');
    const jan = s.months[0]!.capabilities;
    expect(toPlain(jan.find((c) => c.capabilityId === 'ddu-metrics')!.quantity)).toBe('5356.8');
    expect(yearly(s, 'overage-custom-metrics')).toBeUndefined();
    expect(toPlain(s.years[0]!.onDemandCost)).toBe('0');
  });
});

describe('JSON', () => {
  it('notMonitored per quota year and month, valid against schema/plan-output-v1.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema/plan-output-v1.schema.json'), 'utf8'));
    const validate = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: true }).compile(schema);
    const r = plan(`${HEAD}${ENVIRONMENTS(30, false)}${MONITOR}license: { demUnits: 40000, overages: false }\n`, { rates: [CARD] });
    const doc = JSON.parse(planJson(r, [], '0.0.0'));
    expect(validate(doc) ? null : validate.errors).toBeNull();
    const quotas = doc.scenarios[0].quotas as { quota: string; years: { notMonitored: string }[]; months: { notMonitored: string }[] }[];
    expect(quotas.map((q) => [q.quota, q.years[0]!.notMonitored, q.months[0]!.notMonitored])).toEqual([
      ['hostUnits', '87600', '7440'],
      ['demUnits', '12560', '0'],
    ]);
  });
});
