// Log Management & Analytics (DPS): log-analytics.md. The page's examples and the issue's $2,226
// are golden estates (test/golden/dps/log-management/); these are the boundaries of the included-
// queries period, computed by hand (100 GiB a day, a 30-day month, list prices).
import { describe, expect, it } from 'vitest';
import { rows } from '../../helpers.js';
import { cost, dps } from './helpers.js';

const iq = (retention: number, extra = '') => dps(`logs: [{ name: l, ingestGiBPerDay: 100, retentionDays: ${retention}, includedQueries: true${extra} }]`);

describe('dps/log-management: Retain with Included Queries', () => {
  it.each([
    [10, '600', null],
    [35, '2100', null],
    [36, '2100', '2.1'],
    [95, '2100', '126'],
    [372, '2100', '707.7'],
  ])('retention %i days: the first 10-35 at the included-queries rate, the rest at Retain', (retention, included, retain) => {
    const e = iq(retention);
    expect(cost(e, 'log-retain-included-queries/l')).toBe(included);
    expect(e.lineItems.some((i) => i.id === 'log-retain/l') ? cost(e, 'log-retain/l') : null).toBe(retain);
  });

  it('an included-queries period shorter than the retention limit: includedQueriesDays', () => {
    const e = iq(95, ', includedQueriesDays: 10');
    expect([cost(e, 'log-retain-included-queries/l'), cost(e, 'log-retain/l')]).toEqual(['600', '178.5']);
  });

  it('outside 10-35 days is a located error, not a silent choice', () => {
    expect(() => iq(9)).toThrow(/logs\[0\]\.retentionDays: expected at least 10 days with includedQueries \(the included-queries period is 10 to 35 days\), found 9 days/);
    expect(() => iq(95, ', includedQueriesDays: 36')).toThrow(/logs\[0\]\.includedQueriesDays: expected a whole number from 10 to 35, found 36/);
    expect(() => iq(20, ', includedQueriesDays: 30')).toThrow(/includedQueriesDays: expected at most the retention \(20 days\), found 30 days/);
  });

  it('queries within the included period cost nothing (a note past the fair-use quota); queries reading past it are billed at Query', () => {
    const e = iq(95, ', queryGiBPerDay: 60000, queryBeyondIncludedGiBPerDay: 200');
    expect(cost(e, 'log-query/l')).toBe('21');
    expect(e.warnings.map((w) => w.id)).toContain('included-queries-quota');
    expect(iq(95, ', queryGiBPerDay: 52500').warnings.map((w) => w.id)).not.toContain('included-queries-quota');
  });

  it('enrichment grows what is retained, not what is ingested', () => {
    const e = dps('logs: [{ name: l, ingestGiBPerDay: 100, enrichmentFactor: 2, retentionDays: 10, includedQueries: true }]');
    expect(rows(e)).toEqual([
      ['log-ingest/l', '3000', '600'],
      ['log-retain-included-queries/l', '60000', '1200'],
    ]);
  });

  it('the ramp-up splits the same way: day d holds min(d, 35) days at the included rate, the rest at Retain', () => {
    // 30 days of a 40-day retention, 35 included: every day is within the included period.
    const e = dps('logs: [{ name: l, ingestGiBPerDay: 1, retentionDays: 40, includedQueries: true, rampUp: true }]', '40d');
    // Σ_{d=1..40} min(d, 35) = 630 + 5 × 35 = 805; Σ min(d, 40) = 820: 15 GiB-days past day 35.
    expect(rows(e)).toEqual([
      ['log-ingest/l', '40', '8'],
      ['log-retain-included-queries/l', '805', '16.1'],
      ['log-retain/l', '15', '0.0105'],
    ]);
  });
});

describe('dps/log-management: Log Monitoring Classic', () => {
  it('a log record each, a platform extension with no public price; the model is named', () => {
    const e = dps('logs: [{ name: legacy, model: log-monitoring-classic, recordsPerMonth: 9000000 }]');
    expect(rows(e)).toEqual([['log-monitoring-classic/legacy', '9000000', null]]);
    expect(e.lineItems[0]!.formula).toBe('9,000,000 log records/month (Log Monitoring Classic)');
    expect(() => dps('logs: [{ name: legacy, model: log-monitoring-classic }]')).toThrow(/logs\[0\]\.recordsPerMonth: expected recordsPerMonth/);
  });
});
