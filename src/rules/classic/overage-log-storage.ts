// Classic Log Monitoring storage overage: the estate's average storage (raw GiB a day of all
// `logs`, kept `license.logStorageDays`) against the licensed annual average storage
// (`license.logStorageGiB`); the anticipated daily ingestion the quota allows is noted.
// Source: classic-monitoring-consumption.txt "Log Monitoring", "Log Monitoring overages - SaaS".
import { sum } from '../../core/decimal.js';
import { anticipatedDailyIngestion, annualIngestion, storageOverage } from '../../metering/log-storage.js';
import { n } from '../../core/text.js';
import { isGiBLog } from '../../input/schema.js';
import { defineRule } from '../types.js';

export const overageLogStorage = defineRule({
  id: 'classic/overage-log-storage',
  model: 'classic',
  sections: [],
  licenseKeys: ['logStorageGiB', 'logStorageDays'],
  emits: ['overage-log-storage'],
  doc: 'classic-monitoring-consumption.txt: Log Monitoring (annual average log storage); Log Monitoring overages',
  estimate(estate, { note }) {
    const license = estate.license;
    if (license?.logStorageGiB === undefined || license.logStorageDays === undefined) return [];
    const limit = license.logStorageGiB;
    const days = license.logStorageDays;
    const daily = anticipatedDailyIngestion(limit, days);
    note('log-storage-allowance', { limit: n(limit), days: n(days), daily: n(daily), annual: n(annualIngestion(daily)) });
    const ingest = sum(estate.logs.filter(isGiBLog).map((l) => l.ingestGiBPerDay));
    const actual = ingest.times(days);
    const excess = storageOverage(actual, limit);
    if (excess.greaterThan(0) && !license.overages) {
      note('log-storage-no-overages', { excess: n(excess) });
      return [];
    }
    return [
      {
        capabilityId: 'overage-log-storage',
        subject: 'license',
        path: 'license',
        quantity: excess,
        formula: `${n(ingest)} GiB/day × ${n(days)} days = ${n(actual)} GiB average storage − ${n(limit)} GiB licensed (never below zero)`,
      },
    ];
  },
});
