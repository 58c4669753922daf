// DPS Traces: Ingest & Process per GiB, less the trace volume Full-Stack Monitoring includes, then
// Retain and Query.
// - Included volume: "Every contributing GiB of host or application memory adds 200 KiB of trace data
//   per minute"; "Environments that have less then 320 memory GiB contributing to the included trace
//   volume will receive a fixed minimum peak volume of 64,000 KiB/minute"; it does not roll over
//   from one 15-minute interval to the next. Only spans that "originate at a Full-Stack Monitoring
//   host or application" count against it (`fromFullStack`, OneAgent's own spans `oneAgent` first);
//   "traces sent via the Custom Trace API and not coming from a Full-Stack Monitoring host or
//   application are always charged" (the default). Steady ingestion, hosts from midnight, as for
//   metrics.
// - Retain: "The first 10 days of retention are always included": GiB-days of the stored (enriched)
//   spans kept beyond 10 days. Query: GiB scanned.
// - With the platform extensions (`license.platformExtensions`): Custom Traces Classic per span,
//   which "cannot be used simultaneously" with Ingest & Process; spans from Full-Stack hosts "are
//   included with Full-Stack Monitoring, and therefore are not consumed as Custom Traces Classic".
// Sources: docs/dynatrace/saas/license/capabilities/app-infra-observability/full-stack-monitoring.md
// "Distributed traces" (its example's fourth interval reads 200 KiB × 25 GiB = 58.6 MiB/minute: it
// is 4.8828125 MiB, and the 62.5 MiB/minute floor applies, as the page's note says; the tests follow
// the rule); docs/dynatrace/saas/license/capabilities/traces.md
// (https://www.dynatrace.com/docs/license/capabilities/traces); platform-extensions/custom-traces-classic.md.
import { D, ZERO } from '../../core/decimal.js';
import { derived } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { INTERVALS_PER_DAY } from '../../metering/intervals.js';
import { processedPerDay, retainedAged } from '../../metering/logs.js';
import { gib, spans } from '../../metering/telemetry.js';
import { coveredBy, dpsDay, observed } from '../kit/dps-fleet.js';
import { defineRule, type LineItemDraft } from '../types.js';

const KIB_PER_GIB = new D(1_048_576);
/** 200 KiB a minute per contributing GiB, at least 64,000 KiB a minute below 320 GiB: per 15-minute interval. */
const KIB_PER_GIB_PER_INTERVAL = new D(200 * 15);
const FLOOR_KIB_PER_INTERVAL = new D(64000 * 15);
/** Traces Retain: the first 10 days are included. */
const INCLUDED_RETENTION_DAYS = new D(10);
/** Activity files count Full-Stack memory in quarter GiB. */
const QUARTERS = new D(4);

/** The trace volume included in an interval with `gib` Full-Stack GiB running, in KiB. */
function includedKiB(gib: D): D {
  if (gib.isZero()) return ZERO;
  return D.max(FLOOR_KIB_PER_INTERVAL, gib.times(KIB_PER_GIB_PER_INTERVAL));
}

export const traces = defineRule({
  id: 'dps/traces',
  model: 'dps',
  sections: ['traces', 'hosts', 'containers', 'activity'],
  emits: ['traces-ingest', 'custom-traces-classic', 'traces-retain', 'traces-query'],
  doc: 'full-stack-monitoring.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/full-stack-monitoring): Distributed traces (200 KiB/min per GiB, 64,000 KiB/min under 320 GiB, per 15-minute interval, only for spans from Full-Stack hosts); traces.md: Ingest & Process, Retain (10 days included), Query',
  estimate(estate, { period, note, activity }) {
    const items: LineItemDraft[] = [];
    const extensions = estate.license?.platformExtensions ?? false;
    // GiB from Full-Stack hosts, in the order they use the included volume: OneAgent's own first.
    let oneAgentGiB = ZERO;
    let fullStackGiB = ZERO;
    estate.traces.forEach((t, i) => {
      const path = `traces[${i}]`;
      const count = spans(t, period);
      const fromFullStack = t.fromFullStack || t.oneAgent;
      if (extensions) {
        items.push(
          fromFullStack
            ? { capabilityId: 'custom-traces-classic', subject: t.name, path, quantity: ZERO, formula: `${count.text}: from Full-Stack hosts, included with Full-Stack Monitoring (not Custom Traces Classic)` }
            : { capabilityId: 'custom-traces-classic', subject: t.name, path, quantity: count.value, formula: `${count.text} (Custom Traces Classic, per span)` },
        );
      }
      if (t.averageSpanKiB === undefined) {
        if (!extensions) note('traces-no-span-size', { name: t.name });
        return;
      }
      const volume = gib(count, t.averageSpanKiB, 'span');
      if (!extensions) {
        items.push({ capabilityId: 'traces-ingest', subject: t.name, path, quantity: volume.value, formula: fromFullStack ? volume.text : `${volume.text} (not from Full-Stack hosts: always charged)` });
        if (t.oneAgent) oneAgentGiB = oneAgentGiB.plus(volume.value);
        else if (fromFullStack) fullStackGiB = fullStackGiB.plus(volume.value);
      }
      if (t.retentionDays.greaterThan(INCLUDED_RETENTION_DAYS)) {
        const perDay = volume.value.div(period.days);
        const daily = processedPerDay(perDay, t.enrichmentFactor, `${n(perDay)} GiB/day of spans`);
        const kept = retainedAged(daily, { retentionDays: t.retentionDays, rampUp: false }, { from: INCLUDED_RETENTION_DAYS, to: t.retentionDays }, period);
        items.push({ capabilityId: 'traces-retain', subject: t.name, path, quantity: kept.value, formula: kept.text });
      }
      if (t.queryGiBPerDay.greaterThan(0)) {
        const q = derived(t.queryGiBPerDay.times(period.days), `${n(t.queryGiBPerDay)} GiB read/day × ${n(period.days)} d`);
        items.push({ capabilityId: 'traces-query', subject: t.name, path, quantity: q.value, formula: q.text });
      }
    });
    const fromHosts = oneAgentGiB.plus(fullStackGiB);
    if (fromHosts.greaterThan(0)) {
      const intervals = period.days.times(INTERVALS_PER_DAY);
      const day = dpsDay(estate).fullStackGiB;
      const runs = observed(activity.values());
      const grant = (gib: D) => includedKiB(gib).div(KIB_PER_GIB);
      // OneAgent's spans use each interval's volume first; the OTLP spans from Full-Stack hosts get what is left.
      const agentDemand = oneAgentGiB.div(intervals);
      const first = coveredBy(agentDemand, day, runs.fullStackGiB, runs.window, QUARTERS, intervals, grant);
      const then = coveredBy(fullStackGiB.div(intervals), day, runs.fullStackGiB, runs.window, QUARTERS, intervals, (gib) => D.max(ZERO, grant(gib).minus(agentDemand)));
      const covered = D.min(fromHosts, first.covered.plus(then.covered));
      if (covered.greaterThan(0)) {
        const mostKiB = first.most.times(KIB_PER_GIB).div(15);
        const leastKiB = first.least.times(KIB_PER_GIB).div(15);
        const perMinute = mostKiB.equals(leastKiB) ? `${n(mostKiB)} KiB/min` : `${n(leastKiB)} to ${n(mostKiB)} KiB/min by ${first.observedIntervals > 0 ? 'interval' : 'the time of day'}`;
        items.push({
          capabilityId: 'traces-ingest',
          subject: 'included with Full-Stack',
          path: 'traces',
          quantity: covered.negated(),
          formula: `included: 200 KiB/min per Full-Stack GiB, at least 64,000 KiB/min under 320 GiB (${perMinute}), per 15-minute interval without rollover, against ${n(fromHosts)} GiB of spans from Full-Stack hosts${oneAgentGiB.isZero() ? ' (OneAgent\'s own spans, not listed, would use it first)' : ', OneAgent\'s own first'} (${first.observedIntervals > 0 ? `${first.observedIntervals.toLocaleString('en-US')} intervals observed in activity files, the rest steady` : 'ingestion assumed steady'}) = ${n(covered)} GiB`,
        });
      }
    }
    return items;
  },
});
