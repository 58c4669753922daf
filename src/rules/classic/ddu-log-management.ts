// Classic DDUs for Log Management and Analytics: Ingest & Process 100 DDUs per GB, Retain 0.3 DDUs
// per GB per day, Query 1.7 DDUs per GB read (classic-licensing-bundle.md "DDUs for Log Management
// and Analytics": DDU consumption; Steps 1 to 4; FAQ "10.50 GB ... = 1,050 DDUs"). The estate's
// GiB are taken as the document's GB, as its examples do.
import { D } from '../../core/decimal.js';
import { ingested, queried, retained } from '../../metering/logs.js';
import { isGiBLog } from '../../input/schema.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const DDU_PER_GB_INGESTED = new D('100');
export const DDU_PER_GB_DAY_RETAINED = new D('0.3');
export const DDU_PER_GB_READ = new D('1.7');

export const dduLogManagement = defineRule({
  id: 'classic/ddu-log-management',
  model: 'classic',
  sections: ['logs'],
  emits: ['ddu-log-ingest', 'ddu-log-retain', 'ddu-log-query'],
  doc: 'classic-licensing-bundle.md: DDUs for Log Management and Analytics (Ingest & Process, Retain, Query; Steps 1-4)',
  estimate(estate, { period, note }) {
    return estate.logs.flatMap((log, i): LineItemDraft[] => {
      if (!isGiBLog(log)) return [];
      const subject = log.name;
      const path = `logs[${i}]`;
      if (log.includedQueries) note('classic-included-queries', { name: log.name });
      const ingest = ingested(log, period);
      const retain = retained(log, period);
      const items: LineItemDraft[] = [
        { capabilityId: 'ddu-log-ingest', subject, path, quantity: ingest.value.times(DDU_PER_GB_INGESTED), formula: `${ingest.text} × 100 DDU/GB` },
        { capabilityId: 'ddu-log-retain', subject, path, quantity: retain.value.times(DDU_PER_GB_DAY_RETAINED), formula: `${retain.text} × 0.3 DDU/GB-day` },
      ];
      if (log.queryGiBPerDay.greaterThan(0)) {
        const query = queried(log, period);
        items.push({ capabilityId: 'ddu-log-query', subject, path, quantity: query.value.times(DDU_PER_GB_READ), formula: `${query.text} × 1.7 DDU/GB` });
      }
      return items;
    });
  },
});
