// classic/overage-ddus: the licensed DDUs (an annual volume, scaled to the period), the DDUs beyond
// them after the free tier, or what is not monitored without overages (davis-data-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, rows, run } from '../../helpers.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);
const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('overage-ddus', () => {
  it('an annual volume: 1,460,000 − 200,000 free − 1,000,000 = 260,000 over a year', () => {
    const e = run(golden('classic/overage-ddus/annual-volume.yaml'));
    expect([q(e, 'licensed-ddus/license'), q(e, 'overage-ddus/license')]).toEqual(['1000000', '260000']);
  });

  it('the same contract over a month: its volume × 30 / 365, one verdict', () => {
    const e = classic('license: { ddus: 1000000 }\nserverless: [{ name: s, invocationsPerMonth: 60000000 }]');
    // 120,000 − 16,438.36 free = 103,561.64 − 82,191.78 = 21,369.86 (× 365 / 30 = 260,000)
    expect(q(e, 'overage-ddus/license')).toBe('21369.86301369863013698630136986301');
    expect(item(e, 'overage-ddus/license').formula).toBe('103,561.643836 DDUs consumed after the free tier − 1,000,000 DDUs licensed a year × 30 d / 365 d (never below zero)');
  });

  it('a monthly volume (ddusPeriod: month) over a year: × 365 / 30', () => {
    expect(q(classic('license: { ddus: 30000, ddusPeriod: month }', 'year'), 'licensed-ddus/license')).toBe('365000');
  });

  it('nothing consumed: the licensed line and no overage', () => {
    expect(rows(classic('license: { ddus: 1000000 }', 'year'))).toEqual([
      ['licensed-ddus/license', '1000000', null],
      ['overage-ddus/license', '0', '0'],
    ]);
  });

  it('without overages: capped at the volume, the rest not monitored', () => {
    const e = classic('license: { ddus: 1000000, overages: false }\nserverless: [{ name: s, invocationsPerMonth: 60000000 }]', 'year');
    expect(q(e, 'not-monitored-ddus/license')).toBe('-260000');
    expect(toPlain(e.totals.quantityByUnit.get('ddu')!)).toBe('1000000');
    expect(e.lineItems.map((i) => i.id)).not.toContain('overage-ddus/license');
  });
});
