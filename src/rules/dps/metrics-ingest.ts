// DPS Metrics: Ingest & Process per data point, for custom metrics and NAM monitors, less what
// Full-Stack Monitoring (900 data points per GiB per 15 minutes) and Infrastructure Monitoring
// (1,500 per host per 15 minutes) include; the inclusion is its own line and never takes the total
// below zero. The inclusion applies per 15-minute interval without rollover; it is compared with
// the period's data points, as for steady ingestion. Sources: prices-and-rules.md "DPS metering
// rules" (Full-Stack, Infrastructure, Metrics); classic-licensing-bundle.md (NAM data points).
import { D, sum } from '../../core/decimal.js';
import { metricDataPoints, namDataPoints } from '../../metering/metrics.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const metricsIngest = defineRule({
  id: 'dps/metrics-ingest',
  model: 'dps',
  sections: ['metrics', 'synthetic.nam'],
  emits: ['metrics-ingest'],
  after: ['full-stack-monitoring', 'infrastructure-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Metrics; Full-Stack (900 points per GiB per 15 min) and Infrastructure (1,500 per host per 15 min) inclusions',
  estimate(estate, { period, prior }) {
    const items: LineItemDraft[] = [];
    estate.metrics.forEach((m, i) => {
      const points = metricDataPoints(m, period);
      items.push({ capabilityId: 'metrics-ingest', subject: m.name, path: `metrics[${i}]`, quantity: points.value, formula: points.text });
    });
    estate.synthetic.nam.forEach((m, i) => {
      const points = namDataPoints(m, period);
      items.push({ capabilityId: 'metrics-ingest', subject: m.name, path: `synthetic.nam[${i}]`, quantity: points.value, formula: points.text });
    });
    const gross = sum(items.map((i) => i.quantity));
    const gibHours = prior('full-stack-monitoring');
    const hostHours = prior('infrastructure-monitoring');
    const included = gibHours.times(4).times(900).plus(hostHours.times(4).times(1500));
    if (gross.greaterThan(0) && included.greaterThan(0)) {
      const parts = [
        gibHours.isZero() ? '' : `${n(gibHours)} Full-Stack GiB-hours × 4 intervals/h × 900`,
        hostHours.isZero() ? '' : `${n(hostHours)} Infrastructure host-hours × 4 intervals/h × 1,500`,
      ].filter(Boolean);
      items.push({
        capabilityId: 'metrics-ingest',
        subject: 'included with host monitoring',
        path: 'metrics',
        quantity: D.min(gross, included).negated(),
        formula: `included: ${parts.join(' + ')} = ${n(included)} data points${included.greaterThan(gross) ? `, of which the ${n(gross)} ingested are used` : ''}`,
      });
    }
    return items;
  },
});
