// DPS Metrics: Ingest & Process per data point, less what host monitoring includes, and Retain.
// - Included data points: "Every contributing GiB of host or application memory adds 900 custom
//   metric data points in each 15-minute interval" (Full-Stack) and "Every host adds 1,500 custom
//   metric data points in each 15-minute interval" (Infrastructure), each applied only "to metrics
//   that originate at hosts and containers that are monitored by OneAgent in" that mode
//   (`metrics[].origin`); two pools, never one. Metrics from elsewhere (API, cloud integrations,
//   extensions on an ActiveGate) and NAM data points are billed in full. "Included metric data
//   points that are not consumed within the 15-minute interval in which they are granted do not roll
//   over to subsequent intervals": each interval's points are set against that interval's
//   inclusion; for steady entries the ingestion is assumed steady (the same in every interval) and
//   the hosts to run their hours a day from midnight, as the formula says.
// - NAM monitors "don't have a separate line on the Dynatrace rate card. Instead, you're billed
//   based on the number of metric data points generated": 6 per ping request execution, 3 per TCP
//   or DNS one.
// - With the platform extensions (`license.platformExtensions`), data points are Custom Metrics
//   Classic instead ("If Metrics powered by Grail does not exist on your rate card, these are charged
//   as Custom Metrics Classic").
// - Retain: GiB-days kept beyond the 15 months (462 days) included.
// Sources: docs/dynatrace/saas/license/capabilities/app-infra-observability/full-stack-monitoring.md
// and infrastructure-monitoring.md (included metric data points, their calculation examples);
// docs/dynatrace/saas/license/capabilities/digital-experience-monitoring.md (NAM); metrics.md
// (https://www.dynatrace.com/docs/license/capabilities/metrics); the rate card ("first 15 months free").
import { D, ONE, ZERO } from '../../core/decimal.js';
import { derived, scaled } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { INTERVALS_PER_DAY } from '../../metering/intervals.js';
import { metricDataPoints, namDataPoints } from '../../metering/metrics.js';
import { coveredBy, dpsDay, observed } from '../kit/dps-fleet.js';
import { defineRule, type LineItemDraft } from '../types.js';

const FULL_STACK_POINTS = new D(900);
/** Activity files count Full-Stack memory in quarter GiB. */
const QUARTERS = new D(4);
const INFRASTRUCTURE_POINTS = new D(1500);
/** Metrics Retain: the first 15 months (462 days) are included. */
const INCLUDED_RETENTION_DAYS = new D(462);

export const metrics = defineRule({
  id: 'dps/metrics',
  model: 'dps',
  sections: ['metrics', 'synthetic.nam', 'hosts', 'containers', 'activity'],
  emits: ['metrics-ingest', 'custom-metrics-classic', 'metrics-retain'],
  doc: 'full-stack-monitoring.md and infrastructure-monitoring.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/): 900 data points per Full-Stack GiB and 1,500 per Infrastructure host per 15-minute interval, no rollover, only for metrics from those hosts; digital-experience-monitoring.md: NAM data points; metrics.md: Retain beyond 15 months',
  estimate(estate, { period, activity }) {
    const items: LineItemDraft[] = [];
    const capabilityId = estate.license?.platformExtensions ? 'custom-metrics-classic' : 'metrics-ingest';
    const byOrigin = { fullstack: ZERO, infrastructure: ZERO };
    estate.metrics.forEach((m, i) => {
      const points = metricDataPoints(m, period);
      items.push({ capabilityId, subject: m.name, path: `metrics[${i}]`, quantity: points.value, formula: points.text });
      if (m.origin !== 'other') byOrigin[m.origin] = byOrigin[m.origin].plus(points.value);
    });
    estate.synthetic.nam.forEach((m, i) => {
      const points = namDataPoints(m, period);
      items.push({ capabilityId, subject: m.name, path: `synthetic.nam[${i}]`, quantity: points.value, formula: `${points.text} (synthetic: no host inclusion)` });
    });
    const day = dpsDay(estate);
    const runs = observed(activity.values());
    const intervals = period.days.times(INTERVALS_PER_DAY);
    const pools = [
      { origin: 'fullstack', subject: 'included with Full-Stack hosts', per: FULL_STACK_POINTS, day: day.fullStackGiB, runs: runs.fullStackGiB, scale: QUARTERS, what: 'Full-Stack GiB', unit: 'GiB' },
      { origin: 'infrastructure', subject: 'included with Infrastructure hosts', per: INFRASTRUCTURE_POINTS, day: day.infrastructureHosts, runs: runs.infrastructureHosts, scale: ONE, what: 'Infrastructure host', unit: 'hosts' },
    ] as const;
    for (const pool of pools) {
      const gross = byOrigin[pool.origin];
      if (!gross.greaterThan(0)) continue;
      const demand = gross.div(intervals);
      const used = coveredBy(demand, pool.day, pool.runs, runs.window, pool.scale, intervals, (units) => units.times(pool.per));
      if (!used.covered.greaterThan(0)) continue;
      const covered = D.min(gross, used.covered);
      const running = used.most.equals(used.least) ? `${n(used.most.div(pool.per))} ${pool.unit}` : `${n(used.least.div(pool.per))} to ${n(used.most.div(pool.per))} ${pool.unit} by ${used.observedIntervals > 0 ? 'interval' : 'the time of day'}`;
      const how = used.observedIntervals > 0 ? `${used.observedIntervals.toLocaleString('en-US')} intervals observed in activity files, the rest steady` : 'ingestion assumed steady';
      items.push({
        capabilityId,
        subject: pool.subject,
        path: 'metrics',
        quantity: covered.negated(),
        formula: `included: ${n(pool.per)} data points per ${pool.what} per 15-minute interval (${running}) against ${n(demand)} data points of metrics from those hosts per interval (${how}; unused points do not roll over) over ${n(intervals)} intervals = ${n(covered)} data points`,
      });
    }
    estate.metrics.forEach((m, i) => {
      if (m.retainedGiBPerDay === undefined || !m.retentionDays.greaterThan(INCLUDED_RETENTION_DAYS)) return;
      const beyond = m.retentionDays.minus(INCLUDED_RETENTION_DAYS);
      const q = scaled(derived(m.retainedGiBPerDay.times(beyond), `${n(m.retainedGiBPerDay)} GiB/day × ${n(beyond)} days kept beyond the 462 included (${n(m.retentionDays)} retained)`), period.days, `${n(period.days)} d`);
      items.push({ capabilityId: 'metrics-retain', subject: m.name, path: `metrics[${i}]`, quantity: q.value, formula: q.text });
    });
    return items;
  },
});
