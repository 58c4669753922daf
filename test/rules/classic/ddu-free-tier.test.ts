// classic/ddu-free-tier: 200,000 DDUs a year per SaaS environment or Managed license, pro rata
// (davis-data-units.md, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, rows, run } from '../../helpers.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);

describe('ddu-free-tier', () => {
  it('a year: 200,000 DDUs, its own line, the gross kept visible', () => {
    const e = run(golden('classic/ddu-free-tier/a-year.yaml'));
    expect(rows(e)).toEqual([
      ['ddu-log-ingest/l', '365000', null],
      ['ddu-log-retain/l', '10950', null],
      ['ddu-free-tier/environment', '-200000', null],
    ]);
    expect(toPlain(e.totals.quantityByUnit.get('ddu')!)).toBe('175950');
  });

  it('pro rata with its arithmetic: a month is 200,000 × 30 / 365; never more than what is consumed', () => {
    const e = classic('events: [{ name: e, eventsPerMonth: 1000 }]');
    expect(rows(e)).toEqual([
      ['ddu-custom-events/e', '1', null],
      ['ddu-free-tier/environment', '-1', null],
    ]);
    expect(item(e, 'ddu-free-tier/environment').formula).toBe('200,000 DDUs/year per environment × 30 d / 365 d = 16,438.356164 DDUs, of which the 1 consumed are used');
    // 7,200 invocations a month are 10 an hour: 0.02 DDUs
    expect(item(classic('serverless: [{ name: s, invocationsPerMonth: 7200 }]', '1h'), 'ddu-free-tier/environment').formula).toBe('200,000 DDUs/year per environment × 1 h / 8,760 h = 22.83105 DDUs, of which the 0.02 consumed are used');
  });

  it('one per SaaS environment, each against its own DDUs', () => {
    const e = run(golden('classic/ddu-free-tier/per-environment.yaml'));
    expect([toPlain(item(e, 'ddu-free-tier/production').quantity), toPlain(item(e, 'ddu-free-tier/testing').quantity)]).toEqual(['-200000', '-3650']);
    expect(toPlain(e.totals.quantityByUnit.get('ddu')!)).toBe('530000');
  });

  it('metrics count in the environment of the host they are booked on; entries naming none in the first', () => {
    const e = classic('environments: [{ name: a }, { name: b }]\nhosts: [{ name: h, memoryGiB: 16, environment: b }]\nmetrics: [{ name: m, series: 2000, host: h }, { name: n, series: 10 }]', 'day');
    // b: 2,880 − 1,440 = 1,440 DDUs (its free tier 547.95); a: 14.4
    expect([toPlain(item(e, 'ddu-free-tier/a').quantity), toPlain(item(e, 'ddu-free-tier/b').quantity)]).toEqual(['-14.4', '-547.9452054794520547945205479452055']);
  });

  it('one per Managed license, whatever its environments', () => {
    const e = classic('license: { deployment: managed }\nenvironments: [{ name: a }, { name: b }]\nserverless: [{ name: s, invocationsPerMonth: 30000000, environment: a }, { name: t, invocationsPerMonth: 30000000, environment: b }]', 'year');
    expect(e.lineItems.filter((i) => i.capabilityId === 'ddu-free-tier').map((i) => [i.id, toPlain(i.quantity)])).toEqual([['ddu-free-tier/license', '-200000']]);
    expect(item(e, 'ddu-free-tier/license').formula).toBe('200,000 DDUs/year per Managed license × 365 d / 365 d = 200,000 DDUs');
  });

  it('nothing when nothing is consumed', () => {
    expect(classic('hosts: [{ name: h, memoryGiB: 16 }]').lineItems.map((i) => i.capabilityId)).toEqual(['host-unit-hours']);
  });
});
