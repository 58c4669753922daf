// Log volumes over the period, shared by DPS Log Management & Analytics and classic DDUs for Log
// Management and Analytics (classic-licensing-bundle.md "DDUs for Log Management and Analytics":
// Ingest & Process, Retain, Query; its four-step example).
// - Ingest: raw GiB a day × days (measured before enrichment).
// - Retain: processed GiB a day (× enrichmentFactor) kept for retentionDays: the storage holds
//   daily × retentionDays once the ramp-up is over (the steady state), and that is retained every
//   day of the period. During the ramp-up the storage grows a day's volume a day instead.
// - Query: GiB read a day × days.
import type { Derived } from '../core/derivation.js';
import { D } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import { n } from '../core/text.js';

/** What of a log entry its volumes depend on. */
export interface LogEntry {
  ingestGiBPerDay: D;
  enrichmentFactor: D;
  retentionDays: D;
  queryGiBPerDay: D;
  rampUp: boolean;
}

export function ingested(log: LogEntry, period: Period): Derived {
  return { value: log.ingestGiBPerDay.times(period.days), text: `${n(log.ingestGiBPerDay)} GiB/day × ${n(period.days)} d` };
}

export function queried(log: LogEntry, period: Period): Derived {
  return { value: log.queryGiBPerDay.times(period.days), text: `${n(log.queryGiBPerDay)} GiB read/day × ${n(period.days)} d` };
}

/** GiB-days retained in the period, in the steady state or over the ramp-up, and how. */
export function retained(log: LogEntry, period: Period): Derived {
  return retainedAged(processedPerDay(log.ingestGiBPerDay, log.enrichmentFactor), log, { from: new D(0), to: log.retentionDays }, period);
}

/** The processed (stored) GiB a day: ingested × enrichment. `ingested` words the ingested GiB a day. */
export function processedPerDay(ingestGiBPerDay: D, enrichmentFactor: D, ingested = `${n(ingestGiBPerDay)} GiB/day`): Derived {
  const value = ingestGiBPerDay.times(enrichmentFactor);
  return { value, text: enrichmentFactor.equals(1) ? ingested : `${ingested} × ${n(enrichmentFactor)} enrichment` };
}

/** Σ over the period's days d of min(d, x): the GiB-days a GiB a day kept x days holds during the ramp-up. */
function rampUpDays(x: D, p: D): D {
  const full = D.min(p, x);
  return full.times(full.plus(1)).div(2).plus(D.max(0, p.minus(x)).times(x));
}

/**
 * GiB-days retained in the period of the data aged from `from` to `to` days (the days of a retention
 * that one rate bills: Retain with Included Queries the first 10-35, Retain the rest; the days past
 * what a capability includes), in the steady state (the storage full: daily × (to − from) every day)
 * or over the ramp-up from empty (day d holds the ages up to min(d, to)).
 */
export function retainedAged(daily: Derived, kept: { retentionDays: D; rampUp: boolean }, ages: { from: D; to: D }, period: Period): Derived {
  const r = kept.retentionDays;
  const { from, to } = ages;
  const p = period.days;
  const span = to.minus(from);
  const which = from.isZero() && to.equals(r) ? `${n(r)} days retained` : from.isZero() ? `the first ${n(to)} of ${n(r)} days retained` : `days ${n(from)} to ${n(to)} of ${n(r)} retained (${n(span)} days)`;
  if (!kept.rampUp) {
    return { value: daily.value.times(span).times(p), text: `${daily.text} × ${which} × ${n(p)} d (steady state, after the ${n(r)}-day ramp-up)` };
  }
  // Day d of the ramp-up holds min(d, r) days of data: of them, the ages from..to.
  const days = rampUpDays(to, p).minus(rampUpDays(from, p));
  return { value: daily.value.times(days), text: `${daily.text} × ${n(days)} GiB-days per GiB/day (${which}; ramp-up from empty: day d holds min(d, ${n(r)}) days, over ${n(p)} d)` };
}
