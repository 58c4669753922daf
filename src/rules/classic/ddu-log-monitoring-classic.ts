// Classic DDUs for Log Monitoring Classic (Managed, and SaaS without Grail): "Each log record (line,
// message, entry) deducts 0.0005 DDU from your available quota. For example, 1 million log records
// multiplied by a DDU weight of 0.0005 consumes a total of 500 DDUs"; a record starts at a timestamp
// or is one JSON object. There are no host-included DDUs, and retention and queries consume none.
// `logs[].model: log-monitoring-classic` with `recordsPerMonth`; the formula names the model. Under
// log storage licensing (Dynatrace 1.207 and earlier) logs are not DDUs. Source: log-monitoring-
// consumption.md (shared/docs/dynatrace/managed/license/classic-licensing/davis-data-units/,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/log-monitoring-consumption).
import { D } from '../../core/decimal.js';
import { scaled } from '../../core/derivation.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n } from '../../core/text.js';
import { environmentOf } from '../kit/fleet.js';
import { logStorageLicensing } from '../kit/quota.js';
import { defineRule, lineItem, type LineItemDraft } from '../types.js';

export const DDU_PER_LOG_RECORD = new D('0.0005');

export const dduLogMonitoringClassic = defineRule({
  id: 'classic/ddu-log-monitoring-classic',
  model: 'classic',
  sections: ['logs'],
  emits: ['ddu-log-monitoring-classic'],
  doc: 'log-monitoring-consumption.md (managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/log-monitoring-consumption): 0.0005 DDU per log record',
  estimate(estate, { period }) {
    if (logStorageLicensing(estate.license) !== undefined) return [];
    const items: LineItemDraft[] = [];
    estate.logs.forEach((log, i) => {
      if (log.model !== 'log-monitoring-classic' || log.recordsPerMonth === undefined) return;
      const records = { value: perPeriod(log.recordsPerMonth, period), text: `${n(log.recordsPerMonth)} log records/month${monthScale(period)}` };
      const ddus = scaled(records, DDU_PER_LOG_RECORD, '0.0005 DDU/record (Log Monitoring Classic)');
      items.push({ ...lineItem('ddu-log-monitoring-classic', log.name, `logs[${i}]`, ddus.value, ddus.text), environment: environmentOf(estate, log) });
    });
    return items;
  },
});
