// The period of an estimate that covers exactly the events' span: from the earliest usage.start
// to the latest usage.end, in hours (per-month inputs of the estate scale by its days / 30).
import { D } from '../core/decimal.js';
import type { Period } from '../core/period.js';

const HOUR_MS = 3_600_000;

export function spanPeriod(startMs: number, endMs: number): Period {
  const hours = new D(endMs - startMs).div(HOUR_MS);
  return { label: `${hours.toFixed()}h`, days: hours.div(24), hours };
}
