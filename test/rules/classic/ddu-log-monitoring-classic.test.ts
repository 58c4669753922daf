// classic/ddu-log-monitoring-classic: 0.0005 DDU per log record (log-monitoring-consumption.md,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/log-monitoring-consumption);
// the page's examples are golden: test/golden/classic/ddu-log-monitoring-classic/records.yaml.
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../../src/core/decimal.js';
import { golden, item, rows, run } from '../../helpers.js';

describe('ddu-log-monitoring-classic', () => {
  it('1,000,000 records = 500 DDUs; 9 = 0.0045; 3 = 0.0015; 14 = 0.007; 2 = 0.001', () => {
    const e = run(golden('classic/ddu-log-monitoring-classic/records.yaml'));
    expect(rows(e).filter((r) => r[0].startsWith('ddu-log-monitoring-classic')).map((r) => r[1])).toEqual(['500', '0.0045', '0.0015', '0.007', '0.001']);
    expect(item(e, 'ddu-log-monitoring-classic/one-million-records').formula).toBe('1,000,000 log records/month × 0.0005 DDU/record (Log Monitoring Classic)');
  });

  it('per month, scaled to the period; no retention or query DDUs', () => {
    const e = run('version: 1\nlicensing: classic\nperiod: year\nlogs: [{ name: l, model: log-monitoring-classic, recordsPerMonth: 3000000, retentionDays: 365, queryGiBPerDay: 10 }]');
    expect(e.lineItems.filter((i) => i.capabilityId !== 'ddu-free-tier').map((i) => [i.id, toPlain(i.quantity)])).toEqual([['ddu-log-monitoring-classic/l', '18250']]);
  });

  it('SaaS and Managed alike; both models in one estate', () => {
    const e = run('version: 1\nlicensing: classic\nlogs: [{ name: grail, ingestGiBPerDay: 1 }, { name: records, model: log-monitoring-classic, recordsPerMonth: 2000 }]');
    expect(e.lineItems.map((i) => i.id)).toEqual(['ddu-log-ingest/grail', 'ddu-log-retain/grail', 'ddu-log-monitoring-classic/records', 'ddu-free-tier/environment']);
  });

  it('recordsPerMonth is required for the model', () => {
    expect(() => run('version: 1\nlicensing: classic\nlogs: [{ name: l, model: log-monitoring-classic }]')).toThrow(/recordsPerMonth/);
  });
});
