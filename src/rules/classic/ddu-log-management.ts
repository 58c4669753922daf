// Classic DDUs for Log Management and Analytics (SaaS environments with Grail): Ingest & Process 100
// DDUs per GB, Retain 0.3 DDUs per GB per day, Query 1.7 DDUs per GB read (Steps 1 to 4:
// 1,500,000 + 283,500 + 1,275,000 = 3,058,500 DDUs; FAQ "10.50 GB ... = 1,050 DDUs"). The estate's
// GiB are taken as the document's GB, as its examples do. The formula names the model; Managed has
// no Grail, and the schema refuses this model there. Under log storage licensing (Dynatrace 1.207
// and earlier) logs are not DDUs (classic/overage-log-storage). Sources: log-management-and-
// analytics.md (shared/docs/dynatrace/saas/license/monitoring-consumption-classic/davis-data-units/,
// https://www.dynatrace.com/docs/license/monitoring-consumption-classic/davis-data-units/log-management-and-analytics;
// its step tables in shared/docs/classic-licensing-bundle.md).
import { D } from '../../core/decimal.js';
import { scaled } from '../../core/derivation.js';
import { ingested, queried, retained } from '../../metering/logs.js';
import { isGiBLog } from '../../input/schema.js';
import { environmentOf } from '../kit/fleet.js';
import { logStorageLicensing } from '../kit/quota.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const DDU_PER_GB_INGESTED = new D('100');
export const DDU_PER_GB_DAY_RETAINED = new D('0.3');
export const DDU_PER_GB_READ = new D('1.7');

const MODEL = ' (Log Management and Analytics)';

export const dduLogManagement = defineRule({
  id: 'classic/ddu-log-management',
  model: 'classic',
  sections: ['logs'],
  emits: ['ddu-log-ingest', 'ddu-log-retain', 'ddu-log-query'],
  doc: 'log-management-and-analytics.md (saas/license/monitoring-consumption-classic/davis-data-units/, https://www.dynatrace.com/docs/license/monitoring-consumption-classic/davis-data-units/log-management-and-analytics; steps in classic-licensing-bundle.md): Ingest & Process, Retain, Query; Steps 1-4',
  estimate(estate, { period, note }) {
    if (logStorageLicensing(estate.license) !== undefined) return [];
    return estate.logs.flatMap((log, i): LineItemDraft[] => {
      if (!isGiBLog(log)) return [];
      const subject = log.name;
      const path = `logs[${i}]`;
      const environment = environmentOf(estate, log);
      if (log.includedQueries) note('classic-included-queries', { name: log.name });
      const ingest = scaled(ingested(log, period), DDU_PER_GB_INGESTED, `100 DDU/GB${MODEL}`);
      const retain = scaled(retained(log, period), DDU_PER_GB_DAY_RETAINED, `0.3 DDU/GB-day${MODEL}`);
      const items: LineItemDraft[] = [
        { capabilityId: 'ddu-log-ingest', subject, path, quantity: ingest.value, formula: ingest.text, environment },
        { capabilityId: 'ddu-log-retain', subject, path, quantity: retain.value, formula: retain.text, environment },
      ];
      if (log.queryGiBPerDay.greaterThan(0)) {
        const query = scaled(queried(log, period), DDU_PER_GB_READ, `1.7 DDU/GB${MODEL}`);
        items.push({ capabilityId: 'ddu-log-query', subject, path, quantity: query.value, formula: query.text, environment });
      }
      return items;
    });
  },
});
