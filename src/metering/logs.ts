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
  const daily = log.ingestGiBPerDay.times(log.enrichmentFactor);
  const processed = log.enrichmentFactor.equals(1) ? `${n(daily)} GiB/day` : `${n(log.ingestGiBPerDay)} GiB/day × ${n(log.enrichmentFactor)} enrichment`;
  const r = log.retentionDays;
  const p = period.days;
  if (!log.rampUp) {
    return { value: daily.times(r).times(p), text: `${processed} × ${n(r)} days retained × ${n(p)} d (steady state, after the ${n(r)}-day ramp-up)` };
  }
  // Day d of the ramp-up holds min(d, r) days of data: the sum over the period's days.
  const full = D.min(p, r);
  const days = full.times(full.plus(1)).div(2).plus(D.max(0, p.minus(r)).times(r));
  return { value: daily.times(days), text: `${processed} × ${n(days)} GiB-days per GiB/day (ramp-up from empty: day d holds min(d, ${n(r)}) days, over ${n(p)} d)` };
}
