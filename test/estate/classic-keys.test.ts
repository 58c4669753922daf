// The classic keys of the estate (SPEC "Classic licensing, to the documents"): environments and the
// entries that name them, metrics booked on hosts, quota periods, the deployment and its log model,
// one log storage model. Every reference is checked, located, with a did-you-mean, all at once.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/input/diagnostics.js';
import { loadText } from '../../src/input/load.js';
import { estateSchema } from '../../src/input/schema.js';
import { ROOT } from '../helpers.js';

function load(text: string) {
  return loadText({ file: 'e.yaml', dir: ROOT, text }, estateSchema, 'an estate');
}

function problems(text: string): string[] {
  const r = load(text);
  if (r.ok) throw new Error('expected problems');
  return r.diagnostics.map((d: Diagnostic) => `${d.position ? `${d.position.line}:${d.position.col} ` : ''}${d.path ? `${d.path}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`);
}

describe('classic keys', () => {
  it('defaults: SaaS, DEM units and DDUs sold by the year, no pool period, no environments', () => {
    const r = load('version: 1\nlicense: { demUnits: 10 }');
    if (!r.ok) throw new Error('invalid');
    expect([r.data.license!.deployment, r.data.license!.demUnitsPeriod, r.data.license!.ddusPeriod, r.data.license!.hostUnitHoursPeriod, r.data.environments]).toEqual(['saas', 'year', 'year', undefined, []]);
  });

  it('every reference is checked at once, each located with what it could be and the nearest name', () => {
    const text = [
      'version: 1',
      'environments: [{ name: production, hostUnits: 80 }, { name: testing, hostUnits: 20, overages: false }]',
      'hosts:',
      '  - { name: web-1, memoryGiB: 16, environment: prodution }',
      '  - { name: web-2, memoryGiB: 16, environment: testing }',
      'synthetic: { http: [{ name: h, frequencyMinutes: 5, locations: 1, environment: staging }] }',
      'metrics:',
      '  - { name: m, series: 10, host: web-3 }',
      '  - { name: n, series: 10, host: web-2 }',
    ].join('\n');
    expect(problems(text)).toEqual([
      '4:48 hosts[0].environment: expected the name of an environments entry: production, testing, found "prodution" (did you mean "production"?)',
      '6:80 synthetic.http[0].environment: expected the name of an environments entry: production, testing, found "staging"',
      '8:34 metrics[0].host: expected the name of a hosts entry: web-1, web-2, found "web-3" (did you mean "web-1"?)',
    ]);
  });

  it('an environment named where the estate lists none', () => {
    expect(problems('version: 1\nlogs: [{ name: l, ingestGiBPerDay: 1, environment: prod }]')).toEqual(['2:52 logs[0].environment: expected the name of an environments entry, but the estate lists none, found "prod"']);
  });

  it('Managed has no Log Management and Analytics: said at the log, model given or not', () => {
    expect(problems('version: 1\nlicense: { deployment: managed }\nlogs:\n  - { name: a, ingestGiBPerDay: 1 }\n  - { name: b, model: log-management-analytics, ingestGiBPerDay: 1 }\n  - { name: c, model: log-monitoring-classic, recordsPerMonth: 5 }')).toEqual([
      '4:5 logs[0].model: expected model: log-monitoring-classic with recordsPerMonth, or with ingestGiBPerDay under a license for log storage (license.deployment is managed: Log Management and Analytics needs Grail, which only SaaS has), found log-management-analytics',
      '5:23 logs[1].model: expected model: log-monitoring-classic with recordsPerMonth, or with ingestGiBPerDay under a license for log storage (license.deployment is managed: Log Management and Analytics needs Grail, which only SaaS has), found log-management-analytics',
    ]);
  });

  it('quota periods are a year or a month; one log storage model', () => {
    expect(problems('version: 1\nlicense: { ddusPeriod: week, logStorageGiBPerDay: 10, logStorageGiB: 5, logStorageDays: 30 }')).toEqual([
      '2:24 license.ddusPeriod: expected one of year, month, found "week"',
      '2:51 license.logStorageGiBPerDay: expected either logStorageGiBPerDay (Managed: a daily limit) or logStorageGiB with logStorageDays (SaaS: annual average storage), found both',
    ]);
  });

  it('environments are a section: unique names, known keys', () => {
    expect(problems('version: 1\nenvironments: [{ name: a }, { name: a, hostUnit: 3 }]')).toEqual([
      '2:37 environments[1].name: expected a name not used by another entry (entry [0] is "a"), found "a"',
      '2:40 environments[1].hostUnit: unknown key "hostUnit" (did you mean "hostUnits"?)',
    ]);
  });
});
