// The DPS pages' worked examples, rendered as billing usage events by hand (test/fixtures/reconcile,
// README.md there), reconcile to zero variance against the estate of the same example: the
// events' quantities are the pages' numbers, and so are the estimate's.
// The actual side of each example is also checked on its own (the events' numbers, exactly), so
// that a failure says which side moved.
import { describe, expect, it } from 'vitest';
import { D } from '../../src/core/decimal.js';
import { actual, fixture, reconcileFiles, table, usageOf } from './helpers.js';

const ZERO_PERCENT = new D(0);

async function zeroVariance(estate: string, usage: string[]) {
  const r = await reconcileFiles(fixture(estate), usage.map(fixture), ZERO_PERCENT);
  for (const row of r.rows) expect([row.capabilityId, row.difference.toFixed()]).toEqual([row.capabilityId, '0']);
  expect(r.exceeded).toEqual([]);
  return r;
}

describe('reconcile: the DPS pages worked examples as billing usage events', () => {
  it('a month of browser (E9), HTTP (E10), third-party (E11), RUM (E2, E4, E5) and mainframe (MF-1) events: zero variance', async () => {
    const r = await zeroVariance('dem-month.yaml', ['dem-month.csv']);
    expect(r.period.hours.toFixed()).toBe('720');
    expect(table(r)).toEqual({
      'mainframe-monitoring': ['99000', '99000', '0'],
      'real-user-monitoring': ['2880000', '2880000', '0'],
      'real-user-monitoring-session-replay': ['720000', '720000', '0'],
      'real-user-monitoring-property': ['36000000', '36000000', '0'],
      'browser-monitor': ['25920', '25920', '0'],
      'http-monitor': ['51840', '51840', '0'],
      'third-party-synthetic': ['172800', '172800', '0'],
    });
    const cost = Object.fromEntries(r.rows.map((row) => [row.capabilityId, row.actual.cost?.toFixed()]));
    expect(cost).toMatchObject({ 'browser-monitor': '116.64', 'http-monitor': '51.84', 'third-party-synthetic': '172.8', 'real-user-monitoring': '6480', 'real-user-monitoring-session-replay': '3240', 'real-user-monitoring-property': '3600' });
    expect(r.rows.every((row) => row.explanations.length === 0)).toBe(true);
  });

  it('the same month from the DPS API usage and v3 cost JSON: zero variance, the booked cost alongside', async () => {
    const r = await zeroVariance('dem-month.yaml', ['dps-api-usage.json', 'dps-api-cost.json']);
    expect(r.period.hours.toFixed()).toBe('720');
    expect(r.usage.files.map((f) => f.format)).toEqual(['dps-api', 'dps-api']);
    expect(r.rows.find((row) => row.capabilityId === 'browser-monitor')!.actual).toMatchObject({ apiRows: 1, events: 0 });
    expect(r.totals.bookedCost!.toFixed()).toBe('341.28');
    expect(r.rows.find((row) => row.capabilityId === 'http-monitor')!.actual.bookedCost!.toFixed()).toBe('51.84');
  });

  it('Full-Stack, RVA and RAP 8 GiB-hours (FS-2, RVA-1, RAP-1), Infrastructure 1.25 host-hours (IM-1), metrics included per interval: zero variance; the refreshed event counted once', async () => {
    const r = await zeroVariance('security-hour.yaml', ['security-hour.json']);
    expect(table(r)).toEqual({
      'full-stack-monitoring': ['8', '8', '0'],
      'infrastructure-monitoring': ['1.25', '1.25', '0'],
      'runtime-vulnerability-analytics': ['8', '8', '0'],
      'runtime-application-protection': ['8', '8', '0'],
      'metrics-ingest': ['8325', '8325', '0'],
    });
    const metrics = r.rows.find((row) => row.capabilityId === 'metrics-ingest')!;
    expect([metrics.actual.gross.toFixed(), metrics.actual.included.toFixed()]).toEqual(['36300', '27975']);
    expect([metrics.estimated.gross.toFixed(), metrics.estimated.included.toFixed()]).toEqual(['36300', '27975']);
    expect(r.usage.duplicates).toBe(1);
    expect(r.usage.events).toBe(37);
  });

  it('RAP alone (the page\'s own scenario) bills RVA as well: zero variance', async () => {
    await zeroVariance('security-hour-rap.yaml', ['security-hour.json']);
  });

  it('metrics, no rollover (dps-data.md §4.4): 80,000 points, 38,400 billed after the per-interval inclusion', () => {
    const u = usageOf(fixture('metrics-no-rollover.jsonl'));
    const metrics = u.totals.capabilities.find((c) => c.key === 'metrics-ingest')!;
    expect([metrics.gross.toFixed(), metrics.included.toFixed(), metrics.quantity.toFixed()]).toEqual(['80000', '41600', '38400']);
    expect(actual(u)['full-stack-monitoring']).toBe('24');
  });

  it('metrics, no rollover: the estimate bills 38,400 too (zero variance)', async () => {
    await zeroVariance('metrics-no-rollover.yaml', ['metrics-no-rollover.jsonl']);
  });

  it('logs with included queries (dps-data.md §4.1): 3,000 GiB ingested, 105,000 GiB-days with included queries, 180,000 retained, split by cost centre', async () => {
    const u = usageOf(fixture('logs-included-queries.jsonl'));
    expect(actual(u)).toEqual({ 'log-ingest': '3000', 'log-retain-included-queries': '105000', 'log-retain': '180000' });
    const iq = u.totals.capabilities.find((c) => c.key === 'log-retain-included-queries')!;
    expect(iq.costCenters.map((g) => [g.key, g.quantity.toFixed()])).toEqual([
      ['retail', '90000'],
      ['unassigned', '15000'],
    ]);
    const r = await reconcileFiles(fixture('logs-included-queries.yaml'), [fixture('logs-included-queries.jsonl')]);
    expect(table(r)['log-ingest']).toEqual(['3000', '3000', '0']);
  });

  it('logs with included queries: zero variance', async () => {
    await zeroVariance('logs-included-queries.yaml', ['logs-included-queries.jsonl']);
  });

  it('partner traces (dps-data.md §4.2): OTLP spans are billed in full, 11.444091796875 GiB in the hour', () => {
    const u = usageOf(fixture('partner-traces.jsonl'));
    const traces = u.totals.capabilities.find((c) => c.key === 'traces-ingest')!;
    expect([traces.gross.toFixed(), traces.included.toFixed(), traces.quantity.toFixed()]).toEqual(['11.444091796875', '0', '11.444091796875']);
    expect(actual(u)['full-stack-monitoring']).toBe('1000');
  });

  it('partner traces: zero variance', async () => {
    await zeroVariance('partner-traces.yaml', ['partner-traces.jsonl']);
  });

  it('Security Posture Management (SPM-1): distinct nodes per hour, 3,000 host-hours over 10 days', () => {
    const u = usageOf(fixture('spm-10d.jsonl'));
    expect(actual(u)).toEqual({ 'security-posture-management': '3000' });
    expect(u.totals.capabilities[0]!.entities).toHaveLength(15);
    expect(u.totals.span![1] - u.totals.span![0]).toBe(240 * 3_600_000);
  });

  it('Security Posture Management: zero variance', async () => {
    await zeroVariance('spm-10d.yaml', ['spm-10d.jsonl']);
  });

  it('Automation Workflow (E23): distinct workflows per hour, 336 workflow-hours over 14 days', () => {
    const u = usageOf(fixture('automation-14d.jsonl'));
    expect(actual(u)).toEqual({ 'automation-workflow': '336' });
    expect(u.totals.capabilities[0]!.entities.map((e) => [e.key, e.label, e.hours.toFixed()])).toEqual([['1c2d3e4f-0000-4000-8000-00000000a11c', 'hourly cleanup', '336']]);
  });

  it('Automation Workflow: zero variance', async () => {
    await zeroVariance('automation-14d.yaml', ['automation-14d.jsonl']);
  });
});
