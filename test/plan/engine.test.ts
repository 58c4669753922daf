// The plan engine's shortcut (the rules of entries run once per month length, their sums multiplied
// by each class's factor; the rules reading others run month by month) must give exactly what the
// plain way gives: every month estimated whole, each item scaled as it is made.
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../src/core/decimal.js';
import { ActivityReader } from '../../src/input/activity.js';
import { sumsOf } from '../../src/plan/engine.js';
import { planEngine, stripForPlan } from '../../src/plan/plan.js';
import { streamEstimate } from '../../src/estimate/run.js';
import { RULES } from '../../src/rules/index.js';
import { card } from '../helpers.js';
import { prepared } from './helpers.js';

const ESTATE = `version: 1
name: everything at once
contract: { start: 2027-01-15, years: 2, commitments: [50000, 60000] }
growth:
  - { percentPerMonth: 1.5 }
  - { section: logs, percentPerYear: 30 }
  - { entry: legacy-db, percentPerMonth: -2, linear: true }
seasonality:
  - { nov: 1.3, dec: 1.5 }
  - { section: applications, dec: 2.5, jan: 0.5 }
changes:
  - { from: 2027-04-10, add: ./wave.yaml }
  - { from: 2027-06-01T12:00Z, until: 2027-07-15, add: ./pilot.yaml }
  - { from: 2027-09-20, remove: { hosts: [legacy-db], synthetic.browser: [old-check] } }
scenarios: { low: 0.8, high: 1.3 }
activity:
  - { name: batch, file: runs.csv }
hosts:
  - { name: web, count: 12, memoryGiB: 12 }
  - { name: legacy-db, memoryGiB: 64 }
  - { name: edge, count: 30, memoryGiB: 8, mode: infrastructure, hoursPerDay: 10 }
containers:
  - { name: api, count: 40, memoryLimitGiB: 2 }
applications:
  - { name: shop, visitsPerMonth: 500000, bounceRate: 0.3, visitMinutes: 12, replayRate: 0.1, properties: 25 }
synthetic:
  browser:
    - { name: old-check, billableSteps: 3, frequencyMinutes: 15, locations: 2 }
  http:
    - { name: ping, frequencyMinutes: 5, locations: 3 }
logs:
  - { name: prod, ingestGiBPerDay: 40, retentionDays: 35, queryGiBPerDay: 300 }
metrics:
  - { name: custom, series: 4000, origin: fullstack }
  - { name: api, series: 900000, origin: other }
traces:
  - { name: otel, requestsPerMonth: 20000000, spansPerRequest: 8, averageSpanKiB: 1, fromFullStack: true }
events:
  - { name: deploys, eventsPerMonth: 30000, averageEventKiB: 2 }
license:
  ddus: 1000000
  demUnits: 500000
`;

const FILES = {
  './wave.yaml': `version: 1
hosts: [{ name: wave-app, count: 20, memoryGiB: 32 }]
applications: [{ name: portal, visitsPerMonth: 200000, visitMinutes: 5 }]
`,
  './pilot.yaml': 'version: 1\ncontainers: [{ name: pilot, count: 5, memoryLimitGiB: 4 }]\n',
};

const RUNS = ['host,start,end,memoryGiB,mode', 'batch-1,2027-02-03T01:00:00Z,2027-02-03T07:30:00Z,32,fullstack', 'batch-2,2027-02-27T22:00:00Z,2027-03-02T02:00:00Z,16,fullstack', 'batch-3,2028-01-10T00:00:00Z,2028-01-10T00:04:00Z,16,infrastructure'];

describe('the engine equals the plain estimate of every month and scenario', () => {
  for (const model of ['dps', 'classic'] as const) {
    it(`${model}: every capability's quantity, month by month, scenario by scenario`, () => {
      const p = prepared(ESTATE, FILES);
      if (!p.ok) throw new Error(JSON.stringify(p.diagnostics));
      const reader = ActivityReader.windowed('runs.csv', { mode: 'fullstack', infrastructureCap: true }, p.plan.time.months.map((m) => [m.start, m.end] as const));
      RUNS.forEach((line, i) => reader.line(line, i + 1));
      const byMonth = reader.windowSummaries().map((s) => new Map([['batch', s]]));
      const rates = model === 'classic' ? ['prices: { host-unit-hour: 0.01, dem-unit: 0.002, ddu: 0.0008 }\n'] : [undefined];
      const engine = planEngine(p.plan, { model, cards: rates.map((r) => card(r)), activity: (row) => byMonth[row.index]! });
      const fast = engine.run();
      let compared = 0;
      for (const scenario of p.plan.scenarios) {
        const months = fast.get(scenario.name)!;
        expect(months).toHaveLength(p.plan.time.months.length);
        for (const m of months) {
          const plain = sumsOf(engine.monthEstimate(m.row, scenario).lineItems);
          const show = (q: Map<string, import('../../src/core/decimal.js').D>) => Object.fromEntries([...q].map(([id, v]) => [id, toPlain(v)]));
          expect({ month: m.row.label, scenario: scenario.name, q: show(m.quantities) }).toEqual({ month: m.row.label, scenario: scenario.name, q: show(plain) });
          compared++;
        }
      }
      expect(compared).toBe(3 * 26); // 17 days of January 2027, 24 whole months, 14 days of January 2029
    }, 60_000);
  }

  for (const model of ['dps', 'classic'] as const) {
    it(`${model}: every rule of entries' own consumption is linear in the inputs a plan scales (count, or the volumes)`, () => {
      const p = prepared(ESTATE, FILES);
      if (!p.ok) throw new Error('invalid');
      const data = stripForPlan(p.plan.data, model);
      const engine = planEngine(p.plan, { model, cards: [card()] });
      const linear = RULES.filter((r) => r.model === model && (r.after ?? []).length === 0);
      let checked = 0;
      for (const row of [p.plan.time.months[3]!, p.plan.time.months[8]!, p.plan.time.months[11]!]) {
        for (const scenario of p.plan.scenarios) {
          const scale = engine.scaleFor(row, scenario, false);
          for (const rule of linear) {
            const options = { model, period: row.period, rules: [rule] };
            const made = [...streamEstimate(data, card(), 'plan.yaml', { ...options, scale: (d) => scale(d.path) }).lineItems];
            // A rule that totals several entries (an item of no entry) is run on the scaled estate by the engine itself.
            if (made.some((i) => !p.plan.factors.classOf(i.path))) continue;
            // The same up to where repeating fractions are rounded (scaling a count before or after a division).
            const show = (q: Map<string, import('../../src/core/decimal.js').D>) => Object.fromEntries([...q].map(([id, v]) => [id, toPlain(v.toSignificantDigits(30))]));
            const scaledInputs = sumsOf(streamEstimate(engine.scaledEstate(row, scenario), card(), 'plan.yaml', options).lineItems);
            expect({ rule: rule.id, month: row.label, q: show(scaledInputs) }).toEqual({ rule: rule.id, month: row.label, q: show(sumsOf(made)) });
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    }, 60_000);
  }

  it('the estate is large enough to mean something: classes, partial months, activity, inclusions', () => {
    const p = prepared(ESTATE, FILES);
    if (!p.ok) throw new Error('invalid');
    const engine = planEngine(p.plan, { cards: [card()] });
    const months = engine.run().get('base')!;
    const ids = new Set(months.flatMap((m) => [...m.quantities.keys()]));
    expect([...ids]).toEqual(expect.arrayContaining(['full-stack-monitoring', 'infrastructure-monitoring', 'real-user-monitoring', 'browser-monitor', 'http-monitor', 'log-ingest', 'metrics-ingest', 'traces-ingest', 'events-ingest']));
    expect(p.plan.factors.all().length).toBeGreaterThanOrEqual(6);
    expect(months[0]!.row.period.days.toString()).toBe('17');
  });
});
