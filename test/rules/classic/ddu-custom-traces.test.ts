// classic/ddu-custom-traces: 0.0007 DDU per span ingested through the Trace API (custom-traces.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/custom-traces).
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, run } from '../../helpers.js';

describe('ddu-custom-traces', () => {
  it('1,000,000 invocations × 10 spans × 0.0007 = 7,000 DDUs a month; 84,000 for twelve 30-day months', () => {
    expect(toPlain(item(run(golden('classic/ddu-custom-traces/7000-ddus-a-month.yaml')), 'ddu-custom-traces/service').quantity)).toBe('7000');
    expect(toPlain(item(run(golden('classic/ddu-custom-traces/84000-ddus-a-year.yaml')), 'ddu-custom-traces/service').quantity)).toBe('84000');
  });

  it('a year of 365 days is 365 / 30 months', () => {
    expect(toPlain(item(run('version: 1\nlicensing: classic\nperiod: year\ntraces: [{ name: t, requestsPerMonth: 30000, spansPerRequest: 10 }]'), 'ddu-custom-traces/t').quantity)).toBe('2555');
  });
});
