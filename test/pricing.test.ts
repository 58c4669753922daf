// Rate cards and the pricing function: overrides by capability and by unit, discounts, unknown
// prices that stay unknown, and provisional prices that say so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../src/core/capabilities.js';
import { toPlain } from '../src/core/decimal.js';
import { BUILTIN_PRICES } from '../src/pricing/builtin.js';
import { builtinRateCard } from '../src/pricing/rate-card.js';
import { coverageWarnings } from '../src/estimate/run.js';
import { RULES } from '../src/rules/index.js';
import { estate, item, ROOT, rows, run } from './helpers.js';

const MONITOR = 'version: 1\nsynthetic: { browser: [{ name: m, billableSteps: 3, frequencyMinutes: 15, locations: 3 }] }';

describe('built-in rate card', () => {
  it('every price belongs to a DPS capability and has a source and a grade', () => {
    for (const p of BUILTIN_PRICES) {
      expect(CAPABILITIES.find((c) => c.id === p.capabilityId)?.model).toBe('dps');
      expect(p.source.length).toBeGreaterThan(10);
      expect(['D', 'S']).toContain(p.grade);
    }
  });

  it('follows the rate card Dynatrace published in March 2026: every priced line grade D, with its price per price unit', () => {
    const card = builtinRateCard();
    // Hand-copied from shared/reference/dynatrace-rate-card-2026.md: price / per.
    const published: Record<string, string> = {
      'full-stack-monitoring': '0.01', 'infrastructure-monitoring': '0.04', 'foundation-discovery': '0.01', 'mainframe-monitoring': '0.1',
      'code-monitoring': '0.005', 'kubernetes-platform-monitoring': '0.002', 'log-ingest': '0.2', 'log-query': '0.0035', 'log-retain': '0.0007',
      'log-retain-included-queries': '0.02', 'traces-ingest': '0.2', 'traces-query': '0.0035', 'traces-retain': '0.0007', 'metrics-ingest': '0.0000015',
      'metrics-retain': '0.0007', 'events-ingest': '0.2', 'events-query': '0.0035', 'events-retain': '0.0007', 'real-user-monitoring': '0.00225',
      'real-user-monitoring-session-replay': '0.0045', 'real-user-monitoring-property': '0.0001', 'browser-monitor': '0.0045', 'http-monitor': '0.001',
      'third-party-synthetic': '0.001', 'runtime-application-protection': '0.00225', 'runtime-vulnerability-analytics': '0.00225',
      'security-posture-management': '0.007', 'automation-workflow': '0.03', 'appengine-functions': '0.001',
    };
    expect(Object.fromEntries([...card.prices].map(([id, p]) => [id, p.unitPrice.toFixed()]))).toEqual(published);
    for (const p of card.prices.values()) expect(p).toMatchObject({ provisional: false, grade: 'D' });
    expect(card.prices.get('mainframe-monitoring')!.source).toBe('list price, Dynatrace public rate card, March 2026 (1,000 per 10,000) (grade D)');
    // The platform extensions have no public price; classic units have none at all.
    for (const key of ['custom-metrics-classic', 'log-monitoring-classic', 'custom-traces-classic', 'custom-events-classic', 'serverless-functions-classic']) {
      expect(card.prices.has(key)).toBe(false);
      expect(card.unpricedNotes.get(key)).toMatch(/^no public price/);
    }
    for (const key of ['host-unit-hour', 'dem-unit', 'ddu', 'msu']) expect(card.prices.has(key)).toBe(false);
  });

  it('lists every DPS capability of the catalogue, priced or with no public price', () => {
    const dps = CAPABILITIES.filter((c) => c.model === 'dps').map((c) => c.id);
    expect(BUILTIN_PRICES.map((p) => p.capabilityId).sort()).toEqual([...dps].sort());
  });

  it('the list price of a line item carries its source', () => {
    expect(item(run(MONITOR), 'browser-monitor/m').priceSource).toBe('list price, Dynatrace public rate card, March 2026 (450 per 100,000) (grade D)');
  });
});

describe('user rate cards', () => {
  const contract = readFileSync(join(ROOT, 'test/fixtures/valid/contract-rates.yaml'), 'utf8');

  it('override a capability price and apply the discount to every price', () => {
    const e = run(`${MONITOR}\napplications: [{ name: a, visitsPerMonth: 1000 }]`, { rates: contract });
    // 25,920 × 0.004 × 0.8 = 82.944; 1,000 sessions × 0.00225 (list) × 0.8 = 1.8
    expect(rows(e)).toEqual([
      ['real-user-monitoring/a', '1000', '1.8'],
      ['browser-monitor/m', '25920', '82.944'],
    ]);
    expect(item(e, 'browser-monitor/m').priceSource).toBe('contract 2026-03 (rate card Test contract), less 20% discount');
    expect(item(e, 'real-user-monitoring/a').priceSource).toBe('list price, Dynatrace public rate card, March 2026 (225 per 100,000) (grade D), less 20% discount');
  });

  it('price classic units', () => {
    const e = run(`${MONITOR}\nlicensing: classic`, { rates: contract });
    expect(rows(e)).toEqual([['dem-browser-monitor/m', '25920', '103.68']]);
    expect(e.warnings).toEqual([]);
  });
});

describe('unknown prices are not zero', () => {
  it('classic without a rate card: cost null, total null, one warning per unit', () => {
    const e = run('version: 1\nlicensing: classic\nsynthetic: { browser: [{ name: m, billableSteps: 3, frequencyMinutes: 15, locations: 3 }], http: [{ name: h, frequencyMinutes: 5, locations: 1 }] }');
    expect(e.lineItems.map((i) => [i.unitPrice, i.cost])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(e.totals.cost).toBeNull();
    expect(e.totals.unpricedLineItems).toBe(2);
    expect(e.warnings).toEqual([
      {
        code: 'unpriced',
        id: 'unpriced-classic-unit',
        message: 'no price for dem-unit (dem-browser-monitor, dem-http-monitor): 2 line items have no cost; classic unit prices come only from your own rate card (--rates)',
      },
    ]);
  });

  it('a partial total is never passed off as the total', () => {
    const e = run('version: 1\nlicensing: classic\nsynthetic: { browser: [{ name: m, billableSteps: 1, frequencyMinutes: 60, locations: 1 }], thirdParty: [{ name: t, resultsPerMonth: 10 }] }', {
      rates: 'prices: { dem-browser-monitor: 0.01 }',
    });
    expect(rows(e)).toEqual([
      ['dem-browser-monitor/m', '720', '7.2'],
      ['dem-third-party/t', '1', null],
    ]);
    expect(e.totals.cost).toBeNull();
    expect(e.totals.pricedCost.toFixed()).toBe('7.2');
  });
});

describe('warnings', () => {
  it('sections without rules yet are reported, never silently left out', () => {
    const data = estate('version: 1\nlicensing: classic\nlogs: [{ name: prod, ingestGiBPerDay: 5 }]\nmetrics: [{ name: m, series: 5 }, { name: n, series: 1 }]\nlicense: { ddus: 5, hostUnits: 3 }');
    const onlyHosts = RULES.filter((r) => r.id === 'classic/host-unit-hours' || r.id === 'classic/overage-host-unit-hours');
    expect(coverageWarnings(data, 'classic', onlyHosts).map((w) => w.message)).toEqual([
      'logs (1 entry) not estimated: this version of dtcost has no classic licensing rule for it yet',
      'metrics (2 entries) not estimated: this version of dtcost has no classic licensing rule for it yet',
      'license.ddus: not evaluated yet by this version of dtcost',
    ]);
    expect(coverageWarnings(data, 'classic', RULES)).toEqual([]);
  });

  it('a currency label that differs from the prices is flagged', () => {
    const e = run(`${MONITOR}\ncurrency: EUR`);
    expect(e.warnings).toEqual([{ code: 'currency', id: 'currency-label', message: 'prices are in USD but amounts are labelled EUR: nothing is converted' }]);
  });
});

describe('classic committed cost: the licensed quotas, and overages; consumption within a quota is not paid twice', () => {
  const contract = 'name: Classic contract\nprices: { host-unit-year: 600, dem-unit: 0.01, ddu: 0.001, overage-dem-units: 0.012 }';

  it('a licensed quota priced by the card covers its unit: consumption in it costs nothing, said where it is paid', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: year\nlicense: { hostUnits: 2, demUnits: 100000 }\nhosts: [{ name: h, memoryGiB: 16 }]\napplications: [{ name: a, visitsPerMonth: 30000 }]', { rates: contract });
    expect(rows(e)).toEqual([
      ['host-unit-hours/h', '8760', '0'],
      ['licensed-host-units/license', '2', '1200'],
      ['overage-host-unit-hours/license', '0', '0'],
      ['dem-rum-sessions/a', '91250', '0'],
      ['licensed-dem-units/license', '100000', '1000'],
      ['overage-dem-units/license', '0', '0'],
    ]);
    expect(item(e, 'host-unit-hours/h').priceSource).toBe('within the licensed quota (licensed-host-units): paid for there');
    expect(item(e, 'licensed-host-units/license').priceSource).toBe('rate card Classic contract');
  });

  it('a unit with no licensed quota is paid as consumed (pay as you go), as before', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: year\nserverless: [{ name: s, invocationsPerMonth: 30000000 }]', { rates: contract });
    // 730,000 − 200,000 free = 530,000 DDUs × 0.001
    expect(e.totals.cost!.toFixed()).toBe('530');
  });

  it('licensed host units without a host-unit-year price: the year\'s 8,760 host-unit hours at the host-unit-hour price', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: day\nlicense: { hostUnits: 2 }\nhosts: [{ name: h, memoryGiB: 16 }]', { rates: 'prices: { host-unit-hour: 0.1 }' });
    // 2 host units × 1 d / 365 d = 0.00547945... host-unit years × (0.1 × 8,760 = 876) = 4.8
    expect(rows(e)).toEqual([
      ['host-unit-hours/h', '24', '0'],
      ['licensed-host-units/license', '0.005479452054794520547945205479452055', '4.8'],
      ['overage-host-unit-hours/license', '0', '0'],
    ]);
    expect(item(e, 'licensed-host-units/license').priceSource).toMatch(/host-unit-hour × 8,760 hours a host-unit year$/);
    expect(e.totals.cost!.toFixed()).toBe('4.8');
  });

  it('an overage is priced at its unit\'s price only where a priced licensed quota covers the unit', () => {
    // 3 host units of hosts against 2 licensed, a day: 24 host-unit hours over the quota.
    const estate = 'version: 1\nlicensing: classic\nperiod: day\nlicense: { hostUnits: 2 }\nhosts: [{ name: h, memoryGiB: 16, count: 3 }]';
    const covered = run(estate, { rates: 'prices: { host-unit-year: 876 }\n' });
    expect(covered.totals.cost).toBeNull(); // no host-unit-hour price: the overage has none
    const both = run(estate, { rates: 'prices: { host-unit-year: 876, host-unit-hour: 0.1 }\n' });
    // 4.8 committed + 24 HUh over × 0.1 = 7.2; the 72 HUh consumed are within the quota's price.
    expect(rows(both)).toEqual([
      ['host-unit-hours/h', '72', '0'],
      ['licensed-host-units/license', '0.005479452054794520547945205479452055', '4.8'],
      ['overage-host-unit-hours/license', '24', '2.4'],
    ]);
    expect(item(both, 'overage-host-unit-hours/license').priceSource).toMatch(/the unit's price: what is within the licensed quota is paid there/);
    expect(both.totals.cost!.toFixed()).toBe('7.2');
  });

  it('a licensed quota the card cannot price leaves its unit paid as consumed, and its overage unpriced (never paid twice)', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: year\nlicense: { demUnits: 1000 }\napplications: [{ name: a, visitsPerMonth: 1000 }]', { rates: 'prices: { dem-unit: 0.01 }' });
    // dem-unit is priced, so the licensed DEM units are too: covered. Remove the unit price and nothing is known.
    expect(item(e, 'licensed-dem-units/license').cost!.toFixed()).toBe('10');
    const none = run('version: 1\nlicensing: classic\nperiod: year\nlicense: { hostUnitHours: 100 }\nhosts: [{ name: h, memoryGiB: 16 }]', { rates: 'prices: { overage-host-unit-hours: 0.2 }' });
    expect(rows(none).map(([id, , cost]) => [id, cost])).toEqual([
      ['host-unit-hours/h', null],
      ['licensed-host-unit-hours/license', null],
      ['overage-host-unit-hours/license', expect.any(String)],
    ]);
    expect(none.warnings.map((w) => w.message)).toContain('no price for host-unit-hour (host-unit-hours, licensed-host-unit-hours): 2 line items have no cost; classic unit prices come only from your own rate card (--rates)');
  });

  it('licensed lines are left out of the quantity totals by unit', () => {
    const e = run('version: 1\nlicensing: classic\nlicense: { ddus: 1000000 }\nevents: [{ name: e, eventsPerMonth: 1000 }]');
    expect(toPlain(e.totals.quantityByUnit.get('ddu')!)).toBe('0');
  });
});
