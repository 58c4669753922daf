// DPS Log Management & Analytics: Ingest & Process per GiB of raw data, Retain per GiB-day of
// processed data, Query per GiB scanned; or Retain with Included Queries (`includedQueries`), a
// per-bucket model with no query charge. Source: prices-and-rules.md "DPS metering rules", Logs;
// volumes as in classic-licensing-bundle.md "DDUs for Log Management and Analytics".
import { ingested, queried, retained } from '../../metering/logs.js';
import { isGiBLog } from '../../input/schema.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const logManagement = defineRule({
  id: 'dps/log-management',
  model: 'dps',
  sections: ['logs'],
  emits: ['log-ingest', 'log-retain', 'log-retain-included-queries', 'log-query'],
  doc: 'prices-and-rules.md: DPS metering rules, Logs (Ingest & Process, Retain, Retain with Included Queries, Query)',
  estimate(estate, { period }) {
    return estate.logs.flatMap((log, i): LineItemDraft[] => {
      if (!isGiBLog(log)) return [];
      const subject = log.name;
      const path = `logs[${i}]`;
      const ingest = ingested(log, period);
      const retain = retained(log, period);
      const items: LineItemDraft[] = [
        { capabilityId: 'log-ingest', subject, path, quantity: ingest.value, formula: ingest.text },
        { capabilityId: log.includedQueries ? 'log-retain-included-queries' : 'log-retain', subject, path, quantity: retain.value, formula: retain.text },
      ];
      if (!log.includedQueries && log.queryGiBPerDay.greaterThan(0)) {
        const query = queried(log, period);
        items.push({ capabilityId: 'log-query', subject, path, quantity: query.value, formula: query.text });
      }
      return items;
    });
  },
});
