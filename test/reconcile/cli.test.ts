// `dtcost reconcile` as a user runs it: the built CLI, its outputs, exit codes (1 for
// --max-variance after the full output, 2 for bad input with nothing printed), the JSON contract
// (schema/reconcile-output-v1.schema.json, checked with ajv), and --to-estate.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { fixture } from './helpers.js';

const BIN = join(ROOT, 'bin/dtcost');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-reconcile-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function dtcost(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const F = (name: string) => fixture(name).replace(`${ROOT}/`, '');

const ajv = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/reconcile-output-v1.schema.json'), 'utf8')));

/** The one-hour estate with host2 all the hour instead of 45 minutes: 10.125 GiB-hours estimated, 8 used. */
function offEstate(): string {
  const path = join(TMP, 'off.yaml');
  writeFileSync(path, readFileSync(fixture('security-hour.yaml'), 'utf8').replace('hoursPerDay: 18', 'hoursPerDay: 24'));
  return path;
}

describe('dtcost reconcile', () => {
  it('prints actual against estimated per capability, for the events\' span', () => {
    const r = dtcost(['reconcile', F('dem-month.yaml'), F('dem-month.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^dtcost reconcile: DPS worked examples, digital experience and mainframe\n2026-04-01T00:00:00Z to 2026-05-01T00:00:00Z \(720 h = 30 days\)/);
    expect(r.stdout).toMatch(/│ browser-monitor +│ synthetic-action +│ +25,920 │ +25,920 │ +0 │ +0\.0% │ +116\.64 │ +116\.64 │/);
    expect(r.stdout).not.toMatch(/What in the estate would explain/);
  });

  it('JSON output follows schema/reconcile-output-v1.schema.json (events, DPS API, the samples with every kind of row)', () => {
    const cases = [
      [F('dem-month.yaml'), F('dem-month.csv')],
      [F('dem-month.yaml'), F('dps-api-usage.json'), F('dps-api-cost.json')],
      [offEstate(), F('security-hour.json'), '--max-variance', '5'],
      [F('logs-included-queries.yaml'), F('samples.csv')],
    ];
    for (const args of cases) {
      const r = dtcost(['reconcile', ...args, '--format', 'json']);
      expect(r.status === 0 || r.status === 1).toBe(true);
      const doc = JSON.parse(r.stdout) as { schemaVersion: number; capabilities: unknown[] };
      expect({ args, errors: validate(doc) ? null : validate.errors }).toEqual({ args, errors: null });
      expect(doc.schemaVersion).toBe(1);
    }
    const doc = JSON.parse(dtcost(['reconcile', F('logs-included-queries.yaml'), F('samples.csv'), '--format', 'json']).stdout) as { capabilities: { capabilityId: string; actual: { quantity: string }; explanations: string[] }[]; usage: { duplicates: number } };
    expect(doc.usage.duplicates).toBe(1);
    expect(doc.capabilities.find((c) => c.capabilityId === 'log-ingest')).toMatchObject({ actual: { quantity: '5' } });
    expect(validate({ ...doc, schemaVersion: 2 })).toBe(false);
  });

  it('--max-variance exits 1 after the whole output, naming the capabilities over it; within it, 0', () => {
    const over = dtcost(['reconcile', offEstate(), F('security-hour.json'), '--max-variance', '10%']);
    expect(over.status).toBe(1);
    const over10 = 'full-stack-monitoring, runtime-vulnerability-analytics, runtime-application-protection, metrics-ingest';
    expect(over.stdout).toContain(`Variance over 10%: ${over10}\n`);
    // Over a 1-hour span, hours a day are the hour's share × 24: host1 15 minutes and host2 45 (12 h/day
    // on average) where the estate says 6 and 24.
    expect(over.stdout).toContain('full-stack-monitoring:\n  - observed 12 h/day per host on average, the estate says 15\n  - 7.38 GiB billed per host on average');
    expect(over.stdout).toContain('  - GiB-hours 20.99% below the estimate (8 against 10.13)\n');
    expect(over.stderr).toMatch(new RegExp(`dtcost: variance over 10%: ${over10}\n$`));
    expect(dtcost(['reconcile', offEstate(), F('security-hour.json'), '--max-variance', '641'])).toMatchObject({ status: 0 });
    const within = dtcost(['reconcile', F('security-hour.yaml'), F('security-hour.json'), '--max-variance', '0']);
    expect(within.status).toBe(0);
    expect(within.stdout).toMatch(/Every variance within 0%/);
    expect(dtcost(['reconcile', F('security-hour.yaml'), F('security-hour.json'), '--max-variance', 'ten']).status).toBe(2);
  });

  it('CSV has a row per capability and per cost centre, product and entity; Markdown a table and bullet lists', () => {
    const csv = dtcost(['reconcile', F('security-hour.yaml'), F('security-hour.json'), '--format', 'csv']).stdout;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('estate,spanStart,spanEnd,scope,capabilityId,unit,field,key,actual,estimated,difference,variancePercent,actualCost,estimatedCost,costDifference,exceeded,explanation');
    expect(lines).toContain('DPS worked examples,2026-04-01T11:00:00Z,2026-04-01T12:00:00Z,capability,full-stack-monitoring,GiB-hour,,,8,8,0,0,0.08,0.08,0,false,'.replace('DPS worked examples', '"DPS worked examples, Full-Stack, RVA, RAP and Infrastructure in one hour"'));
    expect(lines.filter((l) => l.includes(',entity,full-stack-monitoring,'))).toHaveLength(2);
    const md = dtcost(['reconcile', offEstate(), F('security-hour.json'), '--format', 'markdown']).stdout;
    expect(md).toMatch(/^### dtcost reconcile: /);
    expect(md).toMatch(/\| full-stack-monitoring \| GiB-hour \| 8 \| 10\.125 \| -2\.125 \| -21\.0% \| 0\.08 \| 0\.10 \|/);
    expect(md).toMatch(/- `full-stack-monitoring`: observed 12 h\/day per host on average, the estate says 15\n/);
  });

  it('bad input in the estate and in the usage files is all reported at once, exit 2, nothing on standard output', () => {
    const estate = join(TMP, 'bad.yaml');
    writeFileSync(estate, 'version: 1\nhosts:\n  - { name: a, memoryGiB: -1 }\n');
    const usage = join(TMP, 'bad.jsonl');
    writeFileSync(usage, '{"timestamp":"2026-03-01T10:00:00Z","event.type":"Full-Stack Monitorng","event.id":"1","billed_gibibyte_hours":1}\n');
    const r = dtcost(['reconcile', estate, usage]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:3:\d+: error: hosts\[0\]\.memoryGiB/);
    expect(r.stderr).toMatch(/bad\.jsonl:1:1: error: event\.type "Full-Stack Monitorng" is not a billing usage event type dtcost knows \(did you mean "Full-Stack Monitoring"\?\)/);
    expect(r.stderr).toMatch(/dtcost: 2 errors in 2 files; nothing was reconciled\.\n$/);
    expect(dtcost(['reconcile', F('dem-month.yaml')])).toMatchObject({ status: 2, stdout: '' });
    expect(dtcost(['reconcile', F('dem-month.yaml'), '-'])).toMatchObject({ status: 2, stdout: '' });
  });

  it('--to-estate: a commented estate from usage that validates and reconciles back to the same usage; -o refuses to overwrite without --force', () => {
    const out = join(TMP, 'from-usage.yaml');
    const r = dtcost(['reconcile', '--to-estate', F('dem-month.csv'), F('security-hour.json'), '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote .*from-usage\.yaml: \d+ entries\. Next: dtcost estimate/);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Made by: dtcost reconcile --to-estate /);
    expect(text).toMatch(/# from 2,880 events "Browser Monitor or Clickpath": 25,920 synthetic actions/);
    expect(dtcost(['validate', out]).status).toBe(0);
    expect(dtcost(['reconcile', '--to-estate', F('dem-month.csv'), '-o', out])).toMatchObject({ status: 2 });
    expect(existsSync(out)).toBe(true);
    // The month alone, as an estate, reconciles to itself.
    const month = join(TMP, 'month.yaml');
    expect(dtcost(['reconcile', '--to-estate', F('dem-month.csv'), '-o', month]).status).toBe(0);
    const back = JSON.parse(dtcost(['reconcile', month, F('dem-month.csv'), '--format', 'json']).stdout) as { capabilities: { capabilityId: string; difference: string }[] };
    expect(back.capabilities.map((c) => [c.capabilityId, c.difference])).toEqual([
      ['mainframe-monitoring', '0'],
      ['real-user-monitoring', '0'],
      ['real-user-monitoring-session-replay', '0'],
      ['real-user-monitoring-property', '0'],
      ['browser-monitor', '0'],
      ['http-monitor', '0'],
      ['third-party-synthetic', '0'],
    ]);
  });
});
