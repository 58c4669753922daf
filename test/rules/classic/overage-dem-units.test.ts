// classic/overage-dem-units: the licensed DEM units (an annual volume unless demUnitsPeriod: month,
// scaled to the period), the DEM units beyond them, or what is not monitored without overages
// (digital-experience-monitoring-units.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { parsePeriod } from '../../../src/core/period.js';
import { golden, item, run } from '../../helpers.js';

const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('overage-dem-units', () => {
  it('an annual quota gives one verdict whatever the period estimated (the year\'s overage = the month\'s × 365 / 30)', () => {
    const text = golden('classic/overage-dem-units/annual-quota.yaml');
    const month = run(text);
    const year = run(text, { period: parsePeriod('year')! });
    expect(q(year, 'overage-dem-units/license')).toBe('2041666.666666666666666666666666667');
    expect(q(month, 'overage-dem-units/license')).toBe('167808.2191780821917808219178082192');
    expect(toPlain(item(month, 'overage-dem-units/license').quantity.times(365).div(30))).toBe('2041666.666666666666666666666666667');
    expect(item(month, 'overage-dem-units/license').formula).toBe('250,000 DEM units consumed − 1,000,000 DEM units licensed a year × 30 d / 365 d (never below zero)');
  });

  it('DEM units beyond a monthly quota', () => {
    const e = run('version: 1\nlicensing: classic\nlicense: { demUnits: 20000, demUnitsPeriod: month }\nsynthetic: { browser: [{ name: b, billableSteps: 3, frequencyMinutes: 15, locations: 3 }] }');
    expect(q(e, 'overage-dem-units/license')).toBe('5920');
  });

  it('without overages: 200,000 monitored, 50,000 not', () => {
    const e = run(golden('classic/overage-dem-units/monthly-quota-no-overages.yaml'));
    expect(q(e, 'not-monitored-dem-units/license')).toBe('-50000');
    expect(toPlain(e.totals.quantityByUnit.get('dem-unit')!)).toBe('200000');
    expect(e.warnings.map((w) => w.message)).toContain('the DEM unit quota would be exceeded by 50,000 DEM units, and the license allows no overages: monitoring beyond the quota would stop');
  });
});
