// Classic DDUs for metrics: 0.001 DDU per metric data point (525.6 DDUs per metric a year at one
// point a minute), custom metrics and NAM monitors alike, less the metrics host units include:
// 1,000 per Full-Stack host unit, 200 per Infrastructure host (at one point a minute); the
// inclusion is its own line and never takes the total below zero. Source: prices-and-rules.md
// "Classic licensing (beyond ../docs)", DDU weights; classic-licensing-bundle.md (NAM data points).
import { D, sum } from '../../core/decimal.js';
import { dailyProfile, runningEntries } from '../kit/fleet.js';
import { metricDataPoints, namDataPoints } from '../../metering/metrics.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const DDU_PER_DATA_POINT = new D('0.001');

export const dduMetrics = defineRule({
  id: 'classic/ddu-metrics',
  model: 'classic',
  sections: ['metrics', 'synthetic.nam'],
  emits: ['ddu-metrics'],
  doc: 'prices-and-rules.md: Classic licensing, DDU weights (metric data point 0.001 DDU; 1,000 metrics per Full-Stack host unit, 200 per Infrastructure host)',
  estimate(estate, { period }) {
    const items: LineItemDraft[] = [];
    estate.metrics.forEach((m, i) => {
      const points = metricDataPoints(m, period);
      items.push({ capabilityId: 'ddu-metrics', subject: m.name, path: `metrics[${i}]`, quantity: points.value.times(DDU_PER_DATA_POINT), formula: `${points.text} × 0.001 DDU` });
    });
    estate.synthetic.nam.forEach((m, i) => {
      const points = namDataPoints(m, period);
      items.push({ capabilityId: 'ddu-metrics', subject: m.name, path: `synthetic.nam[${i}]`, quantity: points.value.times(DDU_PER_DATA_POINT), formula: `${points.text} × 0.001 DDU` });
    });
    const gross = sum(items.map((i) => i.quantity));
    const fullStackUnits = D.max(...dailyProfile(runningEntries(estate).filter((r) => r.fullStack)));
    const infraHosts = sum(estate.hosts.filter((h) => h.mode === 'infrastructure').map((h) => h.count));
    const includedMetrics = fullStackUnits.times(1000).plus(infraHosts.times(200));
    const includedDdus = includedMetrics.times(period.hours).times(60).times(DDU_PER_DATA_POINT);
    if (gross.greaterThan(0) && includedDdus.greaterThan(0)) {
      items.push({
        capabilityId: 'ddu-metrics',
        subject: 'included with host units',
        path: 'metrics',
        quantity: D.min(gross, includedDdus).negated(),
        formula: `included: (${n(fullStackUnits)} Full-Stack host units × 1,000 + ${n(infraHosts)} Infrastructure hosts × 200) metrics × 1 point/min × ${n(period.hours)} h × 0.001 DDU = ${n(includedDdus)} DDUs`,
      });
    }
    return items;
  },
});
