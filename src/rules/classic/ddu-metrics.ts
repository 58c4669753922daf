// Classic DDUs for metrics: "Each ingested data point deducts 0.001 DDU" (525.6 DDUs per metric a
// year at one point a minute), custom metrics and NAM monitors alike. Included metrics are bound to
// the host a metric is booked on (`metrics[].host`): each minute a host includes its own data points
// up to 1,000 per Full-Stack host unit (at least 200), 200 on an Infrastructure host, only while it
// runs (per host-unit hour), never pooled across hosts or hours; "All metrics that exceed the
// host's included metrics will consume DDUs", and metrics booked on no host (API ingestion, NAM)
// consume DDUs in full. Two 16 GiB hosts, 1,500 metrics on one: 500 × 1,440 × 0.001 = 720 DDUs a
// day. Each inclusion is a line of its own (negative), so the gross stays visible. Where the license
// counts metrics as custom metrics (license.customMetrics without DDUs), `metrics` are not DDUs.
// Sources: metric-cost-calculation.md (shared/docs/dynatrace/managed/license/classic-licensing/
// davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/metric-cost-calculation)
// "Included metrics per host unit", its example and scenario table; digital-experience-monitoring-
// units.md (https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units)
// "How consumption of Synthetic NAM Monitoring affects billing" (NAM data points; their DDU weight
// is the metric data point's, an inference: no classic page states it).
import { D, SIXTY } from '../../core/decimal.js';
import { count, derived, scaled, times } from '../../core/derivation.js';
import { classicHoursPerDay, hostUnits } from '../../metering/host-units.js';
import { includedPerMinute, pointsPerMinute } from '../../metering/included-metrics.js';
import { metricDataPoints, namDataPoints } from '../../metering/metrics.js';
import { n } from '../../core/text.js';
import { hasMemory } from '../../input/schema.js';
import { environmentOf } from '../kit/fleet.js';
import { customMetricLicensing } from '../kit/quota.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const DDU_PER_DATA_POINT = new D('0.001');

export const dduMetrics = defineRule({
  id: 'classic/ddu-metrics',
  model: 'classic',
  sections: ['metrics', 'synthetic.nam'],
  emits: ['ddu-metrics'],
  doc: 'metric-cost-calculation.md (managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/metric-cost-calculation): 0.001 DDU per data point; included metrics per host unit, bound to the host',
  estimate(estate, { period, note }) {
    const items: LineItemDraft[] = [];
    const hostIndex = new Map(estate.hosts.map((h, i) => [h.name, i]));
    /** Data points a minute booked on each hosts entry (all its hosts together), by its index. */
    const booked = new Map<number, D>();
    const unbound: string[] = [];
    // Under custom-metric licensing, `metrics` count against license.customMetrics instead
    // (classic/overage-custom-metrics, which says so).
    if (!customMetricLicensing(estate.license)) {
      estate.metrics.forEach((m, i) => {
        const points = metricDataPoints(m, period);
        const h = m.host === undefined ? undefined : hostIndex.get(m.host);
        const environment = m.environment ?? (h === undefined ? undefined : estate.hosts[h]!.environment) ?? estate.environments[0]?.name;
        items.push({ capabilityId: 'ddu-metrics', subject: m.name, path: `metrics[${i}]`, quantity: points.value.times(DDU_PER_DATA_POINT), formula: `${points.text} × 0.001 DDU${m.host === undefined ? '' : ` (booked on ${m.host})`}`, environment });
        if (h !== undefined) booked.set(h, (booked.get(h) ?? new D(0)).plus(pointsPerMinute(m)));
        else if (m.origin !== 'other') unbound.push(m.name);
      });
    }
    estate.synthetic.nam.forEach((m, i) => {
      const points = namDataPoints(m, period);
      items.push({ capabilityId: 'ddu-metrics', subject: m.name, path: `synthetic.nam[${i}]`, quantity: points.value.times(DDU_PER_DATA_POINT), formula: `${points.text} × 0.001 DDU`, environment: environmentOf(estate, m) });
    });
    if (unbound.length > 0) note('classic-metric-origin', { names: unbound });
    const cap = estate.license?.infrastructureCap ?? true;
    for (const [i, perMinute] of [...booked].sort(([a], [b]) => a - b)) {
      const host = estate.hosts[i]!;
      if (!hasMemory(host) || host.mode === 'discovery') {
        note('metric-host-no-inclusion', { host: host.name, mode: host.mode });
        continue;
      }
      const hours = classicHoursPerDay(host.hoursPerDay);
      if (host.count.isZero() || hours.isZero()) continue;
      const included = includedPerMinute(host.mode, hostUnits(host.memoryGiB, host.mode, cap).value);
      const perHost = perMinute.div(host.count);
      const used = derived(D.min(perHost, included.value), `min(${n(perHost)} booked${host.count.equals(1) ? '' : ' each'}, ${included.text}) data points/min`);
      const ddus = scaled(times(count(host.count, 'host'), used, derived(SIXTY, '60 min'), derived(hours, `${n(hours)} h/day running`), derived(period.days, `${n(period.days)} d`)), DDU_PER_DATA_POINT, '0.001 DDU (ingestion taken as steady)');
      items.push({
        capabilityId: 'ddu-metrics',
        subject: `included on ${host.name}`,
        path: `hosts[${i}]`,
        quantity: ddus.value.negated(),
        formula: `included on ${host.name}: ${ddus.text}`,
        environment: environmentOf(estate, host),
      });
    }
    return items;
  },
});
