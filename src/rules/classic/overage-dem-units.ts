// Classic DEM unit quota: the licensed DEM units (an annual volume unless `demUnitsPeriod: month`,
// scaled to the period estimated), the committed cost; the DEM units consumed beyond it, "counted
// just as with regular DEM unit consumption"; without overages, what is beyond it is not monitored.
// Sources: digital-experience-monitoring-units.md (shared/docs/dynatrace/managed/license/
// classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units)
// "Digital Experience Monitoring overages" and "If you've set up an annual RUM sessions quota, your
// usage will reset annually"; davis-data-units.md FAQ ("reset on each anniversary of the contract
// term, same as is done for DEM units", https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units).
import { consumptionIn, priorSum } from '../kit/prior.js';
import { allowsOverages, checkQuota, licensedLine, quotaForPeriod } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

const DEM_CONSUMPTION = consumptionIn('dem-unit');

export const overageDemUnits = defineRule({
  id: 'classic/overage-dem-units',
  model: 'classic',
  sections: [],
  licenseKeys: ['demUnits'],
  emits: ['licensed-dem-units', 'overage-dem-units', 'not-monitored-dem-units'],
  after: DEM_CONSUMPTION,
  doc: 'digital-experience-monitoring-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units): Digital Experience Monitoring overages; annual quota (davis-data-units.md FAQ)',
  estimate(estate, { period, prior, note }) {
    const license = estate.license;
    if (license?.demUnits === undefined) return [];
    const used = priorSum(prior, DEM_CONSUMPTION);
    const quota = quotaForPeriod(license.demUnits, license.demUnitsPeriod, period, ['DEM unit', 'DEM units']);
    const items: LineItemDraft[] = [licensedLine('licensed-dem-units', quota)];
    return items.concat(
      checkQuota({ overages: allowsOverages(license), overageId: 'overage-dem-units', notMonitoredId: 'not-monitored-dem-units', used: { value: used, text: `${n(used)} DEM units consumed` }, quota, what: ['DEM unit', 'DEM units'], quotaName: 'DEM unit', note }),
    );
  },
});
