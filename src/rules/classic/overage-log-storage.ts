// Classic Log Monitoring storage (Dynatrace 1.207 and earlier), which licenses logs instead of DDUs:
// - SaaS: annual average log storage (`license.logStorageGiB`) for a number of days of retention
//   (`license.logStorageDays`): "450 (GiB) / 90 (days) = 5 (GiB; anticipated average daily
//   ingestion)"; the overage is the estate's average storage (raw GiB a day × days) beyond it
//   ("500 − 450 = 50"); the anticipated daily ingestion the quota allows is noted.
// - Managed: a daily storage limit (`license.logStorageGiBPerDay`): "12 (GiB; actual daily log
//   storage) - 10 (GiB; daily log storage limit) = 2 (GiB; daily overage)", every day of the period.
// Log entries are then not billed as DDUs (a note says so). Sources: log-monitoring-consumption-
// legacy.md (shared/docs/dynatrace/managed/license/monitoring-consumption-classic/,
// https://docs.dynatrace.com/managed/license/monitoring-consumption-classic/log-monitoring-consumption-legacy);
// classic-monitoring-consumption.txt "Log Monitoring", "Log Monitoring overages - SaaS".
import { D, sum } from '../../core/decimal.js';
import { anticipatedDailyIngestion, annualIngestion, dailyOverage, storageOverage } from '../../metering/log-storage.js';
import { n } from '../../core/text.js';
import { allowsOverages, logStorageLicensing } from '../kit/quota.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const overageLogStorage = defineRule({
  id: 'classic/overage-log-storage',
  model: 'classic',
  sections: [],
  licenseKeys: ['logStorageGiB', 'logStorageDays', 'logStorageGiBPerDay'],
  emits: ['overage-log-storage'],
  doc: 'log-monitoring-consumption-legacy.md (managed/license/monitoring-consumption-classic/, https://docs.dynatrace.com/managed/license/monitoring-consumption-classic/log-monitoring-consumption-legacy): annual average log storage; Managed daily limit and overages',
  estimate(estate, { period, note }) {
    const license = estate.license;
    const key = logStorageLicensing(license);
    if (key === undefined || license === undefined) return [];
    note('log-storage-legacy', { key });
    const withGiB = estate.logs.filter((l) => l.ingestGiBPerDay !== undefined);
    const without = estate.logs.filter((l) => l.ingestGiBPerDay === undefined).map((l) => l.name);
    if (without.length > 0) note('log-storage-no-gib', { names: without });
    const ingest = sum(withGiB.map((l) => l.ingestGiBPerDay!));
    let excess: D;
    let formula: string;
    if (key === 'logStorageGiBPerDay') {
      const limit = license.logStorageGiBPerDay!;
      const daily = dailyOverage(ingest, limit);
      excess = daily.times(period.days);
      formula = `(${n(ingest)} GiB/day stored − ${n(limit)} GiB/day limit, never below zero) × ${n(period.days)} d`;
    } else {
      const limit = license.logStorageGiB!;
      const days = license.logStorageDays!;
      const daily = anticipatedDailyIngestion(limit, days);
      note('log-storage-allowance', { limit: n(limit), days: n(days), daily: n(daily), annual: n(annualIngestion(daily)) });
      const actual = ingest.times(days);
      excess = storageOverage(actual, limit);
      formula = `${n(ingest)} GiB/day × ${n(days)} days = ${n(actual)} GiB average storage − ${n(limit)} GiB licensed (never below zero)`;
    }
    if (excess.greaterThan(0) && !allowsOverages(license)) {
      note('log-storage-no-overages', { excess: n(excess) });
      return [];
    }
    const item: LineItemDraft = { capabilityId: 'overage-log-storage', subject: 'license', path: 'license', quantity: excess, formula };
    return [item];
  },
});
