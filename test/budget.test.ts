// Budgets: the total, caps by capability, quotas by unit, and what drives an excess.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../src/core/decimal.js';
import { run } from './helpers.js';

const ESTATE = `version: 1
synthetic:
  browser: [{ name: checkout, billableSteps: 3, frequencyMinutes: 15, locations: 3 }]
  http: [{ name: health, requests: 2, frequencyMinutes: 5, locations: 2 }]
applications: [{ name: web, visitsPerMonth: 100000 }]
`;
// browser 25,920 × 0.0045 = 116.64; http 34,560 × 0.001 = 34.56; RUM 100,000 × 0.00225 = 225: total 376.2

const summary = (b: ReturnType<typeof run>['budget']) =>
  b?.checks.map((c) => [c.kind, c.key, toPlain(c.actual), toPlain(c.limit), toPlain(c.excess), c.exceeded, c.drivers.map((d) => `${d.id}=${toPlain(d.amount)}`)]);

describe('budgets', () => {
  it('no budget: null', () => {
    expect(run(ESTATE).budget).toBeNull();
  });

  it('a total that holds', () => {
    const b = run(`${ESTATE}budget: { total: 376.2 }`).budget!;
    expect(b.exceeded).toBe(false);
    expect(summary(b)).toEqual([['total', null, '376.2', '376.2', '0', false, ['real-user-monitoring=225', 'browser-monitor=116.64', 'http-monitor=34.56']]]);
  });

  it('a total exceeded, with its top drivers', () => {
    const b = run(ESTATE, { budgetTotal: new D(300) }).budget!;
    expect(b.exceeded).toBe(true);
    expect(summary(b)).toEqual([['total', null, '376.2', '300', '76.2', true, ['real-user-monitoring=225', 'browser-monitor=116.64', 'http-monitor=34.56']]]);
  });

  it('an estate budget is per the estate period: scaled to the period estimated', () => {
    const e = run(`${ESTATE}budget: { total: 400, units: { synthetic-action: 30000 } }`, { periodText: 'year' });
    // 400 × 365 / 30 = 4,866.67; 30,000 × 365 / 30 = 365,000; the year costs 376.2 × 365 / 30 = 4,577.1
    expect(summary(e.budget)?.map((c) => c.slice(0, 6))).toEqual([
      ['total', null, '4577.1', '4866.666666666666666666666666666667', '0', false],
      ['unit', 'synthetic-action', '315360', '365000', '0', false],
    ]);
    expect(e.warnings).toContainEqual({ code: 'budget-scaled', id: 'budget-scaled', message: "the estate's budget is per month; scaled × 365 d / 30 d to the year estimated" });
  });

  it('the --budget flag is per the period estimated', () => {
    expect(run(ESTATE, { periodText: 'year', budgetTotal: new D(4000) }).budget!.exceeded).toBe(true);
  });

  it('the --budget flag overrides budget.total', () => {
    expect(run(`${ESTATE}budget: { total: 100 }`, { budgetTotal: new D(1000) }).budget!.exceeded).toBe(false);
  });

  it('caps by capability (money) and quotas by unit (quantity)', () => {
    const b = run(`${ESTATE}budget: { capabilities: { browser-monitor: 100, http-monitor: 50 }, units: { synthetic-request: 30000 } }`).budget!;
    expect(summary(b)).toEqual([
      ['capability', 'browser-monitor', '116.64', '100', '16.64', true, ['browser-monitor/checkout=116.64']],
      ['capability', 'http-monitor', '34.56', '50', '0', false, ['http-monitor/health=34.56']],
      ['unit', 'synthetic-request', '34560', '30000', '4560', true, ['http-monitor=34560']],
    ]);
    expect(b.violations.map((v) => v.key)).toEqual(['browser-monitor', 'synthetic-request']);
  });

  it('a cap on a capability of the other model is not checked, and the estimate says so', () => {
    const e = run(`${ESTATE}licensing: classic\nbudget: { capabilities: { browser-monitor: 1, dem-browser-monitor: 1000000 } }`, { rates: 'prices: { dem-unit: 0.001 }' });
    expect(summary(e.budget)).toEqual([['capability', 'dem-browser-monitor', '25.92', '1000000', '0', false, ['dem-browser-monitor/checkout=25.92']]]);
    expect(e.warnings).toContainEqual({ code: 'ignored', id: 'budget-cap-other-model', message: 'budget.capabilities.browser-monitor: a DPS capability; not checked under classic licensing' });
    const dps = run(`${ESTATE}budget: { units: { dem-unit: 5, synthetic-action: 1 } }`);
    expect(summary(dps.budget)?.map((c) => c[1])).toEqual(['synthetic-action']);
    expect(dps.warnings).toContainEqual({ code: 'ignored', id: 'budget-cap-other-model', message: 'budget.units.dem-unit: a classic licensing unit; not checked under DPS' });
  });

  it('a money budget over unpriced line items cannot be verified: it fails closed, naming them', () => {
    const e = run('version: 1\nlicensing: classic\nbudget: { total: 10, capabilities: { dem-browser-monitor: 5 } }\nsynthetic: { browser: [{ name: b, billableSteps: 1, frequencyMinutes: 60, locations: 1 }] }');
    expect(e.budget).toMatchObject({ complete: false, exceeded: true });
    expect(e.budget!.violations.map((v) => [v.kind, v.exceeded, v.unpriced])).toEqual([
      ['total', false, ['dem-browser-monitor']],
      ['capability', false, ['dem-browser-monitor']],
    ]);
    expect(e.warnings.at(-1)).toEqual({ code: 'budget-incomplete', id: 'budget-incomplete', message: 'the budget is checked against priced line items only: 1 line item has no price' });
  });

  it('a cap on a priced capability is verified even when other capabilities have no price', () => {
    const e = run('version: 1\nbudget: { capabilities: { browser-monitor: 50 } }\nsynthetic: { browser: [{ name: b, billableSteps: 1, frequencyMinutes: 60, locations: 1 }] }\nserverless: [{ name: s, invocationsPerMonth: 5 }]');
    expect(e.budget).toMatchObject({ exceeded: false });
  });

  it('an unpriced line of nothing costs nothing: it leaves no total unknown', () => {
    // The licensed volume is priced by the card (ddu); the overage of nothing has no price of its own.
    const e = run('version: 1\nlicensing: classic\nperiod: year\nlicense: { ddus: 1000 }', { rates: 'prices: { ddu: 0.01 }' });
    expect(e.lineItems.map((i) => [i.id, i.cost?.toFixed() ?? null])).toEqual([['licensed-ddus/license', '10'], ['overage-ddus/license', '0']]);
    expect(e.totals.cost?.toFixed()).toBe('10');
  });
});
