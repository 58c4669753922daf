// Classic DDU quota: the licensed DDUs ("purchased in volumes of 1 million units ... with the full
// amount of licensed units renewing at the beginning of each year": an annual volume unless
// `ddusPeriod: month`, scaled to the period estimated), the committed cost; the DDUs consumed after
// the free tier beyond it ("Can I enable overages for DDUs? Yes"); without overages, what is beyond
// it is not monitored ("If all DDUs in the Metrics pool are used up, then the included metrics per
// host unit are not available as well"). Overages are per account, the environments summed.
// Sources: davis-data-units.md (shared/docs/dynatrace/managed/license/classic-licensing/,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units) "Davis data
// units", FAQ; metric-cost-calculation.md (https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/metric-cost-calculation).
import { consumptionIn, priorSum } from '../kit/prior.js';
import { allowsOverages, checkQuota, licensedLine, quotaForPeriod } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

const DDU_CONSUMPTION = consumptionIn('ddu');

export const overageDdus = defineRule({
  id: 'classic/overage-ddus',
  model: 'classic',
  sections: [],
  licenseKeys: ['ddus'],
  emits: ['licensed-ddus', 'overage-ddus', 'not-monitored-ddus'],
  after: DDU_CONSUMPTION,
  doc: 'davis-data-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units): DDU volumes renewing each year; overages; free tier',
  estimate(estate, { period, prior, note }) {
    const license = estate.license;
    if (license?.ddus === undefined) return [];
    const used = priorSum(prior, DDU_CONSUMPTION);
    const quota = quotaForPeriod(license.ddus, license.ddusPeriod, period, ['DDU', 'DDUs']);
    const items: LineItemDraft[] = [licensedLine('licensed-ddus', quota)];
    return items.concat(
      checkQuota({ overages: allowsOverages(license), overageId: 'overage-ddus', notMonitoredId: 'not-monitored-ddus', used: { value: used, text: `${n(used)} DDUs consumed after the free tier` }, quota, what: ['DDU', 'DDUs'], quotaName: 'DDU', note }),
    );
  },
});
