// dtcost plan, worked by hand: calendar hours, growth, commitments used up, retirements by the hour.
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/core/calendar.js';
import { toPlain } from '../../src/core/decimal.js';
import { planEngine } from '../../src/plan/plan.js';
import { card } from '../helpers.js';
import { plan, prepared } from './helpers.js';

const months = (r: ReturnType<typeof plan>, scenario = 0) => r.scenarios[scenario]!.months;
const fullStack = (m: ReturnType<typeof months>[number]) => toPlain(m.capabilities.find((c) => c.capabilityId === 'full-stack-monitoring')?.quantity ?? m.capabilities[0]!.quantity.times(0));

describe('one 16 GiB Full-Stack host growing 2% a month, compounded, for 12 calendar months', () => {
  const r = plan(`version: 1
name: one host
contract: { start: 2027-01-01, years: 1, commitments: [1400] }
growth: [{ percentPerMonth: 2 }]
hosts: [{ name: db, memoryGiB: 16 }]
`);

  it("each month is 16 GiB × the month's hours × 1.02^(months since January) GiB-hours at 0.01", () => {
    // 16 × 744 = 11,904; 16 × 672 × 1.02 = 10,967.04; 16 × 744 × 1.02² = 12,384.9216; …
    expect(months(r).map((m) => [m.row.label, toPlain(m.row.period.hours), fullStack(m), toPlain(m.cost!)])).toEqual([
      ['2027-01', '744', '11904', '119.04'],
      ['2027-02', '672', '10967.04', '109.6704'],
      ['2027-03', '744', '12384.9216', '123.849216'],
      ['2027-04', '720', '12225.11616', '122.2511616'],
      ['2027-05', '744', '12885.27243264', '128.8527243264'],
      ['2027-06', '720', '12719.010852864', '127.19010852864'],
      ['2027-07', '744', '13405.837438918656', '134.05837438918656'],
      ['2027-08', '744', '13673.95418769702912', '136.7395418769702912'],
      ['2027-09', '720', '13497.516069146099712', '134.97516069146099712'],
      ['2027-10', '744', '14226.381936879989096448', '142.26381936879989096448'],
      ['2027-11', '720', '14042.8157183396021403648', '140.428157183396021403648'],
      ['2027-12', '744', '14801.1277671299406559444992', '148.011277671299406559444992'],
    ]);
  });

  it('the 1,400 commitment runs out in November, 121.11 into its 140.43, and the rest is on demand', () => {
    const year = r.scenarios[0]!.years[0]!;
    expect(toPlain(year.pricedCost)).toBe('1567.329941636153167247572992');
    expect(toPlain(year.onDemandCost)).toBe('167.329941636153167247572992'); // 1,567.33 − 1,400
    expect(toPlain(year.payable)).toBe('1567.329941636153167247572992');
    // (1,400 − 1,278.890506781457739284) / 140.428157183396021404 × 720 h = 620.95 h after 1 November.
    expect(formatInstant(year.exhaustedAt!)).toBe('2027-11-26T20:56:59Z');
    expect(months(r).slice(9).map((m) => [toPlain(m.committedCost), toPlain(m.onDemandCost)])).toEqual([
      ['142.26381936879989096448', '0'],
      ['121.10949321854226071552', '19.318663964853760688128'], // 1,400 − 1,278.89…; 140.43 − 121.11
      ['0', '148.011277671299406559444992'],
    ]);
  });
});

describe('ten 16 GiB hosts against a 12,000 commitment (1.60 an hour)', () => {
  const r = plan(`version: 1
contract: { start: 2027-01-01, years: 1, commitments: [12000] }
hosts: [{ name: web, count: 10, memoryGiB: 16 }]
`);
  const year = r.scenarios[0]!.years[0]!;

  it('costs 1.60 × the hours of each month: 1,190.40 in 31 days, 1,075.20 in February, 1,152.00 in 30', () => {
    expect(months(r).map((m) => toPlain(m.cost!))).toEqual(['1190.4', '1075.2', '1190.4', '1152', '1190.4', '1152', '1190.4', '1190.4', '1152', '1190.4', '1152', '1190.4']);
    expect(toPlain(year.year.period.hours)).toBe('8760');
    expect(toPlain(year.cost!)).toBe('14016'); // 8,760 h × 1.60
  });

  it('uses the commitment up 7,500 hours in (12,000 / 1.60): 2027-11-09 12:00 UTC; 2,016 on demand', () => {
    expect(formatInstant(year.exhaustedAt!)).toBe('2027-11-09T12:00:00Z');
    expect(months(r).map((m) => toPlain(m.onDemandCost)).slice(9)).toEqual(['0', '825.6', '1190.4']);
    expect([toPlain(year.onDemandCost), toPlain(year.unusedCommitment!), toPlain(year.payable)]).toEqual(['2016', '0', '14016']);
  });
});

describe('a retirement in the middle of a month, counted by the hour', () => {
  const yaml = (from: string, commitment = '100000') => `version: 1
contract: { start: 2027-01-01, years: 1, commitments: [${commitment}] }
changes:
  - { from: ${from}, remove: { hosts: [legacy] } }
hosts:
  - { name: db, memoryGiB: 16 }
  - { name: legacy, memoryGiB: 32 }
`;

  it('a host retired on 16 March runs 15 of its 31 days: 32 GiB × 360 h', () => {
    const r = plan(yaml('2027-03-16'));
    expect(months(r).slice(1, 4).map(fullStack)).toEqual([
      '32256', // February: 48 GiB × 672 h
      '23424', // March: 16 × 744 + 32 × 360
      '11520', // April: 16 × 720
    ]);
  });

  it('a retirement at 06:00 counts the 6 hours of its day too: 32 GiB × 366 h', () => {
    expect(fullStack(months(plan(yaml('2027-03-16T06:00Z')))[2]!)).toBe('23616'); // 11,904 + 32 × 366
  });

  it('explains the share of the month: × 0.483871 in service (360 of 744 h: retired 2027-03-16)', () => {
    const p = prepared(yaml('2027-03-16'));
    if (!p.ok) throw new Error('invalid');
    const engine = planEngine(p.plan, { cards: [card()] });
    const items = [...engine.monthEstimate(p.plan.time.months[2]!, p.plan.scenarios[0]!).lineItems];
    expect(items.map((i) => [i.id, toPlain(i.quantity), i.formula])).toEqual([
      ['full-stack-monitoring/db', '11904', '16 GiB × 24 h/day × 31 d'],
      ['full-stack-monitoring/legacy', '11520', '32 GiB × 24 h/day × 31 d = 23,808; plan 2027-03: × 0.483871 in service (360 of 744 h: retired 2027-03-16T00:00:00Z)'],
    ]);
  });

  it('a commitment used up after the retirement is found at the slower rate: 2027-03-28 09:00 UTC', () => {
    // 0.48 an hour to 16 March (679.68 by March, + 172.80 = 852.48), then 0.16: 47.52 / 0.16 = 297 h.
    const year = plan(yaml('2027-03-16', '900')).scenarios[0]!.years[0]!;
    expect(formatInstant(year.exhaustedAt!)).toBe('2027-03-28T09:00:00Z');
  });
});

describe('contract years', () => {
  it('a contract starting mid-month splits its months at the anniversary; each year has its commitment, the last repeating', () => {
    const r = plan(`version: 1
contract: { start: 2027-01-15, years: 2, commitments: [1000] }
hosts: [{ name: db, memoryGiB: 16 }]
`);
    const s = r.scenarios[0]!;
    expect(s.months.map((m) => `${m.row.label}/${m.row.year}:${toPlain(m.row.period.days)}`).slice(0, 2)).toEqual(['2027-01/1:17', '2027-02/1:28']);
    expect(s.months.slice(11, 14).map((m) => `${m.row.label}/${m.row.year}:${toPlain(m.row.period.days)}`)).toEqual(['2027-12/1:31', '2028-01/1:14', '2028-01/2:17']);
    expect(s.months).toHaveLength(26);
    expect(s.years.map((y) => [toPlain(y.year.period.hours), toPlain(y.year.commitment!)])).toEqual([
      ['8760', '1000'],
      ['8784', '1000'], // 2028-01-15..2029-01-14 holds 29 February
    ]);
  });

  it('growth per contract year steps on each anniversary; linear growth adds the first year\'s share', () => {
    const r = plan(`version: 1
contract: { start: 2027-01-01, years: 3 }
growth:
  - { section: hosts, percentPerYear: 30 }
  - { section: containers, percentPerYear: 30, linear: true }
hosts: [{ name: db, memoryGiB: 16 }]
containers: [{ name: app, memoryLimitGiB: 16 }]
`);
    const jan = r.scenarios[0]!.months.filter((m) => m.row.monthName === 'jan');
    expect(jan.map((m) => toPlain(m.capabilities[0]!.quantity))).toEqual([
      '23808', // 11,904 × 2
      '30950.4', // 11,904 × 1.3 + 11,904 × (1 + 0.3)
      '39164.16', // 11,904 × 1.3² + 11,904 × (1 + 2 × 0.3)
    ]);
  });
});

describe('seasonality and scenarios', () => {
  const r = plan(`version: 1
contract: { start: 2027-01-01, years: 1, commitments: [20000] }
seasonality: { nov: 1.3, dec: 1.5 }
scenarios: { low: 0.85, high: 1.25 }
hosts: [{ name: web, count: 10, memoryGiB: 16 }]
`);

  it('multiplies November by 1.3 and December by 1.5', () => {
    expect(months(r, 1).slice(10).map((m) => toPlain(m.cost!))).toEqual(['1497.6', '1785.6']); // 1,152 × 1.3, 1,190.40 × 1.5
  });

  it('gives each scenario its multiplier, in order: low, base, high', () => {
    expect(r.scenarios.map((s) => [s.scenario.name, toPlain(s.scenario.multiplier), toPlain(s.totals.pricedCost)])).toEqual([
      ['low', '0.85', '12713.28'], // 14,956.80 × 0.85
      ['base', '1', '14956.8'], // 14,016 + 1,152 × 0.3 + 1,190.40 × 0.5
      ['high', '1.25', '18696'],
    ]);
    expect(r.scenarios.map((s) => toPlain(s.years[0]!.onDemandCost))).toEqual(['0', '0', '0']);
    expect(toPlain(r.scenarios[0]!.years[0]!.unusedCommitment!)).toBe('7286.72'); // 20,000 − 12,713.28
  });
});

describe('inclusions see the scaled quantities', () => {
  // 4 GiB on Full-Stack includes 900 data points per GiB per 15 minutes: 4 × 4 × 900 = 14,400 an hour;
  // 300 series a minute are 18,000 an hour.
  const r = plan(`version: 1
contract: { start: 2027-01-01, years: 1 }
seasonality: [{ section: metrics, dec: 0.5 }]
hosts: [{ name: app, memoryGiB: 4 }]
metrics: [{ name: kpis, series: 300, origin: fullstack }]
`);
  const points = (label: string) => toPlain(months(r).find((m) => m.row.label === label)!.capabilities.find((c) => c.capabilityId === 'metrics-ingest')!.quantity);

  it('November: 18,000 − 14,400 = 3,600 billed data points an hour, × 720 h', () => {
    expect(points('2027-11')).toBe('2592000');
  });

  it('December at half the series: 9,000 an hour, all of them within the 14,400 included (never below zero)', () => {
    expect(points('2027-12')).toBe('0');
  });

  it('the metric is scaled where it is read, and says so', () => {
    const p = prepared(`version: 1
contract: { start: 2027-01-01, years: 1 }
seasonality: [{ section: metrics, dec: 0.5 }]
hosts: [{ name: app, memoryGiB: 4 }]
metrics: [{ name: kpis, series: 300, origin: fullstack }]
`);
    if (!p.ok) throw new Error('invalid');
    const engine = planEngine(p.plan, { cards: [card()] });
    const items = [...engine.monthEstimate(p.plan.time.months[11]!, p.plan.scenarios[0]!).lineItems].filter((i) => i.capabilityId === 'metrics-ingest');
    expect(items.map((i) => [toPlain(i.quantity), i.formula.replace(/^.*; /, '')])).toEqual([
      ['6696000', 'plan 2027-12: count × 0.5 seasonality (dec, metrics)'],
      ['-6696000', expect.stringContaining('= 6,696,000 data points')],
    ]);
  });
});
