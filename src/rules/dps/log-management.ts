// DPS Log Management & Analytics:
// - Ingest & Process: "number of GiBs ingested": raw data, before enrichment.
// - Retain: GiB-days of the processed (enriched) data stored.
// - Retain with Included Queries: "Customers can split a log bucket's retention period into two
//   parts: An Included Queries retention period (10–35 days of data retention). The overall retention
//   period (up to 10 years) that follows the usage-based Retain and Query model." The first
//   `includedQueriesDays` (default: the retention, at most 35) are billed at Retain with Included
//   Queries, the rest at Retain; queries within the included period are not charged (a fair-use
//   quota of 15 × the GiB held in it a day, noted when exceeded: `queryGiBPerDay`), queries reading
//   logs past it are billed at Query (`queryBeyondIncludedGiBPerDay`).
// - Query: GiB scanned.
// - `model: log-monitoring-classic`: Log Monitoring Classic, a platform extension billed per log
//   record (no public price).
// Sources: docs/dynatrace/saas/license/capabilities/log-analytics.md
// (https://www.dynatrace.com/docs/license/capabilities/log-analytics), "Retain with Included Queries"
// (its quota example: 1 GiB/day × 10 days × 15 = 150 GiB); .../log-analytics/dps-log-query.md;
// docs/dynatrace/managed/license/capabilities/platform-extensions/log-monitoring-classic.md.
import { D } from '../../core/decimal.js';
import { derived } from '../../core/derivation.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n } from '../../core/text.js';
import { isGiBLog } from '../../input/schema.js';
import { ingested, processedPerDay, queried, retainedAged } from '../../metering/logs.js';
import { defineRule, type LineItemDraft } from '../types.js';

/** The included-queries period may be 10 to 35 days. */
const MOST_INCLUDED_DAYS = new D(35);
/** Included query usage a day = GiB of logs within the included period × 15 (a fair-use quota). */
const QUERY_QUOTA_FACTOR = new D(15);

export const logManagement = defineRule({
  id: 'dps/log-management',
  model: 'dps',
  sections: ['logs'],
  emits: ['log-ingest', 'log-retain', 'log-retain-included-queries', 'log-query', 'log-monitoring-classic'],
  doc: 'log-analytics.md (https://www.dynatrace.com/docs/license/capabilities/log-analytics): Ingest & Process, Retain, Retain with Included Queries (10-35 days, then Retain and Query), Query',
  estimate(estate, { period, note }) {
    const items: LineItemDraft[] = [];
    estate.logs.forEach((log, i) => {
      const subject = log.name;
      const path = `logs[${i}]`;
      if (!isGiBLog(log)) {
        // Records are required but under a classic license for log storage (input/schema.ts): estimated with --model dps, such an entry has none.
        if (log.recordsPerMonth === undefined) {
          note('log-classic-no-records', { name: log.name });
          return;
        }
        const records = derived(perPeriod(log.recordsPerMonth, period), `${n(log.recordsPerMonth)} log records/month${monthScale(period)} (Log Monitoring Classic)`);
        items.push({ capabilityId: 'log-monitoring-classic', subject, path, quantity: records.value, formula: records.text });
        return;
      }
      const ingest = ingested(log, period);
      items.push({ capabilityId: 'log-ingest', subject, path, quantity: ingest.value, formula: ingest.text });
      const r = log.retentionDays;
      const daily = processedPerDay(log.ingestGiBPerDay, log.enrichmentFactor);
      if (!log.includedQueries) {
        const retain = retainedAged(daily, log, { from: new D(0), to: r }, period);
        items.push({ capabilityId: 'log-retain', subject, path, quantity: retain.value, formula: retain.text });
        if (log.queryGiBPerDay.greaterThan(0)) {
          const query = queried(log, period);
          items.push({ capabilityId: 'log-query', subject, path, quantity: query.value, formula: query.text });
        }
        return;
      }
      const included = log.includedQueriesDays ?? D.min(r, MOST_INCLUDED_DAYS);
      const inPeriod = retainedAged(daily, log, { from: new D(0), to: included }, period);
      items.push({ capabilityId: 'log-retain-included-queries', subject, path, quantity: inPeriod.value, formula: inPeriod.text });
      if (r.greaterThan(included)) {
        const rest = retainedAged(daily, log, { from: included, to: r }, period);
        items.push({ capabilityId: 'log-retain', subject, path, quantity: rest.value, formula: `${rest.text}, past the ${n(included)} days with included queries` });
      }
      if (log.queryBeyondIncludedGiBPerDay.greaterThan(0)) {
        const beyond = derived(log.queryBeyondIncludedGiBPerDay.times(period.days), `${n(log.queryBeyondIncludedGiBPerDay)} GiB read/day beyond the ${n(included)} included days × ${n(period.days)} d`);
        items.push({ capabilityId: 'log-query', subject, path, quantity: beyond.value, formula: beyond.text });
      }
      const quota = daily.value.times(included).times(QUERY_QUOTA_FACTOR);
      if (log.queryGiBPerDay.greaterThan(quota)) note('included-queries-quota', { name: log.name, read: n(log.queryGiBPerDay), quota: n(quota), days: n(included) });
    });
    return items;
  },
});
