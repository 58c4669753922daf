// classic/ddu-log-management: Log Management and Analytics DDUs (SaaS with Grail): Ingest 100 per GB,
// Retain 0.3 per GB-day, Query 1.7 per GB (log-management-and-analytics.md,
// https://www.dynatrace.com/docs/license/monitoring-consumption-classic/davis-data-units/log-management-and-analytics);
// the steps are golden estates in test/golden/classic/ddu-log-management/.
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../../src/core/decimal.js';
import { golden, item, run } from '../../helpers.js';

const classic = (body: string, period = 'month') => run(`version: 1\nlicensing: classic\nperiod: ${period}\n${body}`);
const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('ddu-log-management', () => {
  it('Steps 1 to 4: 1,500,000 + 283,500 + 1,275,000 = 3,058,500 DDUs a month, the model named', () => {
    const e = run(golden('classic/ddu-log-management/3058500-ddus.yaml'));
    expect([q(e, 'ddu-log-ingest/prod'), q(e, 'ddu-log-retain/prod'), q(e, 'ddu-log-query/prod')]).toEqual(['1500000', '283500', '1275000']);
    const gross = e.lineItems.filter((i) => i.capabilityId.startsWith('ddu-log')).reduce((t, i) => t.plus(i.quantity), new D(0));
    expect(toPlain(gross)).toBe('3058500');
    expect(item(e, 'ddu-log-retain/prod').formula).toBe('500 GiB/day × 1.8 enrichment × 35 days retained × 30 d (steady state, after the 35-day ramp-up) × 0.3 DDU/GB-day (Log Management and Analytics)');
  });

  it('retained for a year: 900 GB × 365 days × 0.3 × 30 = 2,956,500 DDUs a month', () => {
    expect(q(run(golden('classic/ddu-log-management/retained-a-year.yaml')), 'ddu-log-retain/prod')).toBe('2956500');
  });

  it('the ramp-up view: the first 30 days of a 35-day retention hold 1 + 2 + ... + 30 days of data', () => {
    // 900 GB/day × 465 GB-days per GB/day × 0.3 = 125,550
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 500, enrichmentFactor: 1.8, retentionDays: 35, rampUp: true }]'), 'ddu-log-retain/l')).toBe('125550');
    // over 40 days the storage is full from day 35: (35 × 36 / 2 + 5 × 35) × 900 × 0.3
    expect(q(classic('logs: [{ name: l, ingestGiBPerDay: 500, enrichmentFactor: 1.8, retentionDays: 35, rampUp: true }]', '40d'), 'ddu-log-retain/l')).toBe('217350');
  });

  it('FAQ: 10.50 GB ingested = 1,050 DDUs', () => {
    expect(q(run(golden('classic/ddu-log-management/faq-10.5-gb.yaml')), 'ddu-log-ingest/faq')).toBe('1050');
  });

  it('a Managed deployment cannot have it: the estate is refused where the log says so', () => {
    expect(() => run('version: 1\nlicensing: classic\nlicense: { deployment: managed }\nlogs: [{ name: l, ingestGiBPerDay: 1 }]')).toThrow(/logs\[0\]\.model: expected model: log-monitoring-classic with recordsPerMonth, or with ingestGiBPerDay under a license for log storage \(license\.deployment is managed/);
  });

  it('under log storage licensing, logs are not DDUs', () => {
    const e = classic('license: { logStorageGiB: 450, logStorageDays: 90 }\nlogs: [{ name: l, ingestGiBPerDay: 1 }]');
    expect(e.lineItems.map((i) => i.capabilityId)).toEqual(['overage-log-storage']);
  });
});
