// Classic custom metrics (the licensing before Davis data units): each custom metric series actively
// collected in a 24-hour window counts ("a metric for 5 folders across 10 hosts" is 50); beyond the
// agreed limit (`license.customMetrics`) the excess is an overage ("120 − 100 = 20"). The free tier
// is 100 per environment + 10 per host unit, at most 10,000 ("100 + 10 * 100 = 1,100"): with no limit
// bought (`customMetrics: 0`), the free tier is the limit. It applies only where the license has a
// custom-metric quota and no DDUs (custom metrics were converted to DDUs: then `metrics` are DDUs,
// and customMetrics is noted as not evaluated). Sources: classic-monitoring-consumption.txt "Custom
// metrics", "Custom metrics overages", "Free tier of custom metrics"; davis-data-units.md FAQ
// (shared/docs/dynatrace/managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units).
import { D, sum } from '../../core/decimal.js';
import { dailyProfile, runningEntries } from '../kit/fleet.js';
import { accountHostUnits, allowsOverages, checkQuota, customMetricLicensing } from '../kit/quota.js';
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

/** 100 free custom metrics per environment and 10 per host unit, at most 10,000. */
export function freeCustomMetrics(hostUnits: D): D {
  return D.min(10000, hostUnits.times(10).plus(100).floor());
}

export const overageCustomMetrics = defineRule({
  id: 'classic/overage-custom-metrics',
  model: 'classic',
  sections: [],
  licenseKeys: ['customMetrics'],
  emits: ['overage-custom-metrics'],
  doc: 'classic-monitoring-consumption.txt: Custom metrics; Custom metrics overages; Free tier of custom metrics; davis-data-units.md (https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units) FAQ: custom metrics converted to DDUs',
  estimate(estate, { note, allottedHostUnits }) {
    const license = estate.license;
    if (license?.customMetrics === undefined) return [];
    if (!customMetricLicensing(license)) {
      note('custom-metrics-converted', {});
      return [];
    }
    const series = sum(estate.metrics.map((m) => m.count.times(m.series)));
    // "10 free custom metrics are provided for each of your allotted host units": the licensed ones;
    // without a license for host units, the peak of those running.
    const hostUnits = accountHostUnits(estate) ?? allottedHostUnits ?? D.max(...dailyProfile(runningEntries(estate)));
    const free = freeCustomMetrics(hostUnits);
    note('custom-metrics-free-tier', { hostUnits: n(hostUnits), free: n(free), series: n(series) });
    if (estate.metrics.length > 0) note('custom-metrics-legacy', { series: n(series) });
    const bought = license.customMetrics;
    const quota = bought.isZero()
      ? { value: free, text: `${n(free)} custom metrics licensed (none bought: the free tier, 100 + 10 × ${n(hostUnits)} host units)` }
      : { value: bought, text: `${n(bought)} custom metrics licensed` };
    return checkQuota({ overages: allowsOverages(license), overageId: 'overage-custom-metrics', used: { value: series, text: `${n(series)} custom metrics` }, quota, what: ['custom metric', 'custom metrics'], quotaName: 'custom metric', note });
  },
});
