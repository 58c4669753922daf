// classic/overage-log-storage: Log Monitoring storage licensing, Dynatrace 1.207 and earlier
// (log-monitoring-consumption-legacy.md,
// https://docs.dynatrace.com/managed/license/monitoring-consumption-classic/log-monitoring-consumption-legacy).
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../../../src/core/decimal.js';
import { annualIngestion, anticipatedDailyIngestion, dailyOverage, ingestionOver, storageOverage } from '../../../src/metering/log-storage.js';
import { golden, item, run } from '../../helpers.js';

const q = (e: ReturnType<typeof run>, id: string) => toPlain(item(e, id).quantity);

describe('overage-log-storage', () => {
  it('450 GiB over 90 days: 5 GiB a day, 1,825 GiB a year; over 45 days: 10 GiB a day', () => {
    expect(toPlain(anticipatedDailyIngestion(new D(450), new D(90)))).toBe('5');
    expect(toPlain(annualIngestion(new D(5)))).toBe('1825');
    expect(toPlain(anticipatedDailyIngestion(new D(450), new D(45)))).toBe('10');
    expect(run(golden('classic/overage-log-storage/saas-allowance.yaml')).warnings.map((w) => w.message)).toContain('log storage: 450 GiB of annual average storage over 90 days allows 5 GiB a day (1,825 GiB a year)');
  });

  it('half a year at 5 GiB a day (912.5 GiB), half at 10: 2,737.5 GiB', () => {
    expect(toPlain(ingestionOver([[new D('182.5'), new D(5)]]))).toBe('912.5');
    expect(toPlain(ingestionOver([[new D('182.5'), new D(5)], [new D('182.5'), new D(10)]]))).toBe('2737.5');
  });

  it('SaaS: 500 GiB of average storage against 450 licensed = 50 GiB', () => {
    expect(toPlain(storageOverage(new D(500), new D(450)))).toBe('50');
    expect(q(run(golden('classic/overage-log-storage/saas-annual-average.yaml')), 'overage-log-storage/license')).toBe('50');
  });

  it('Managed: 730 GiB in a year is 2 GiB a day; 12 GiB a day against a 10 GiB daily limit: 2 GiB a day over', () => {
    expect(toPlain(new D(730).div(365))).toBe('2');
    expect(toPlain(dailyOverage(new D(12), new D(10)))).toBe('2');
    expect(q(run(golden('classic/overage-log-storage/managed-daily-limit.yaml')), 'overage-log-storage/license')).toBe('2');
    expect(q(run('version: 1\nlicensing: classic\nlicense: { logStorageGiBPerDay: 10 }\nlogs: [{ name: l, ingestGiBPerDay: 12 }]'), 'overage-log-storage/license')).toBe('60');
  });

  it('logs licensed by storage are not DDUs, and a log without GiB is noted', () => {
    const e = run('version: 1\nlicensing: classic\nlicense: { logStorageGiBPerDay: 10 }\nlogs: [{ name: l, ingestGiBPerDay: 12 }, { name: r, model: log-monitoring-classic, recordsPerMonth: 100 }]');
    expect(e.lineItems.map((i) => i.capabilityId)).toEqual(['overage-log-storage']);
    expect(e.warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['log-storage-legacy', 'log-storage-no-gib']));
  });

  it('one storage model: a daily limit and annual average storage together are refused', () => {
    expect(() => run('version: 1\nlicensing: classic\nlicense: { logStorageGiBPerDay: 10, logStorageGiB: 450, logStorageDays: 90 }')).toThrow(/license\.logStorageGiBPerDay: expected either logStorageGiBPerDay/);
  });

  it('without overages: noted, no line', () => {
    const e = run('version: 1\nlicensing: classic\nlicense: { logStorageGiBPerDay: 10, overages: false }\nlogs: [{ name: l, ingestGiBPerDay: 12 }]');
    expect(e.lineItems).toEqual([]);
    expect(e.warnings.map((w) => w.id)).toContain('log-storage-no-overages');
  });
});

describe('records are not needed where the license is for log storage (it counts GiB stored a day)', () => {
  const managed = 'version: 1\nlicensing: classic\nperiod: day\nlicense: { deployment: managed, logStorageGiBPerDay: 10 }\nlogs:\n  - { name: cluster, model: log-monitoring-classic, ingestGiBPerDay: 12 }\n';
  it('Managed, 12 GiB a day against 10, no recordsPerMonth: 2 GiB over, and no DDUs', () => {
    const e = run(managed);
    expect(e.lineItems.map((i) => [i.id, toPlain(i.quantity)])).toEqual([['overage-log-storage/license', '2']]);
  });
  it('the same entry estimated under DPS: not estimated (DPS bills its records), and a note says so', () => {
    const e = run(managed, { model: 'dps' });
    expect(e.lineItems).toEqual([]);
    expect(e.warnings.map((w) => w.id)).toContain('log-classic-no-records');
  });
  it('without a license for log storage, records stay required', () => {
    expect(() => run('version: 1\nlicensing: classic\nlogs:\n  - { name: cluster, model: log-monitoring-classic, ingestGiBPerDay: 12 }\n')).toThrow(/logs\[0\]\.recordsPerMonth/);
  });
});
