// Classic custom metrics: each custom metric series actively collected counts (classic-monitoring-
// consumption.txt "Custom metrics": a metric for 5 folders across 10 hosts is 50). The free tier is
// 100 + 10 per host unit, at most 10,000 ("100 host units ... 1,100 custom metrics"); beyond the
// licensed limit (`license.customMetrics`, else the free tier) the excess is an overage
// ("120 − 100 = 20"). Source: classic-monitoring-consumption.txt "Custom metrics overages", "Free
// tier of custom metrics".
import { D, sum } from '../../core/decimal.js';
import { dailyProfile, runningEntries } from '../kit/fleet.js';
import { overage } from '../kit/quota.js';
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
  doc: 'classic-monitoring-consumption.txt: Custom metrics; Custom metrics overages; Free tier of custom metrics',
  estimate(estate, { note }) {
    const license = estate.license;
    const series = sum(estate.metrics.map((m) => m.count.times(m.series)));
    if (!license || series.isZero()) return [];
    const hostUnits = license.hostUnits ?? D.max(...dailyProfile(runningEntries(estate)));
    const free = freeCustomMetrics(hostUnits);
    note('custom-metrics-free-tier', { hostUnits: n(hostUnits), free: n(free), series: n(series) });
    if (license.customMetrics === undefined) return [];
    return overage(license, 'overage-custom-metrics', series, license.customMetrics, ['custom metric', 'custom metrics'], `${n(series)} custom metrics`, note);
  },
});
