// What a DPS estate's hosts and containers grant per 15-minute interval of a day: the Full-Stack
// GiB (each contributes 900 metric data points and 200 KiB/min of traces) and the Infrastructure
// hosts (1,500 data points each). The same metering as the Full-Stack and Infrastructure lines
// (billed memory with its rounding and minimums, whole intervals), so an inclusion is what those
// lines say runs. Sources: full-stack-monitoring.md, infrastructure-monitoring.md.
import { D, ZERO } from '../../core/decimal.js';
import { hasMemory, type EstateData } from '../../input/schema.js';
import { sumOfRanges, type ActivitySummary } from '../../metering/activity.js';
import { containerMemory } from '../../metering/containers.js';
import { againstAllowance, dayProfile, INTERVALS_PER_DAY, intervalsPerDay } from '../../metering/intervals.js';
import { billedMemory } from '../../metering/memory.js';

export interface DpsDay {
  /** Full-Stack GiB running in each of the 96 intervals of a day (hosts and application-only containers). */
  fullStackGiB: D[];
  /** Infrastructure hosts running in each interval. */
  infrastructureHosts: D[];
}

export function dpsDay(estate: EstateData): DpsDay {
  const fullStack: { amount: D; intervals: number }[] = [];
  const infrastructure: { amount: D; intervals: number }[] = [];
  for (const h of estate.hosts) {
    if (!hasMemory(h)) continue;
    if (h.mode === 'fullstack') fullStack.push({ amount: h.count.times(billedMemory(h.memoryGiB, true).value), intervals: intervalsPerDay(h.hoursPerDay) });
    else if (h.mode === 'infrastructure') infrastructure.push({ amount: h.count, intervals: intervalsPerDay(h.hoursPerDay) });
  }
  for (const c of estate.containers) {
    if (c.monitoring !== 'fullstack') continue;
    const seen = containerMemory(c, 'dps');
    fullStack.push({ amount: c.count.times(billedMemory(seen.memoryGiB, seen.asHost).value), intervals: intervalsPerDay(c.hoursPerDay) });
  }
  return { fullStackGiB: dayProfile(fullStack), infrastructureHosts: dayProfile(infrastructure) };
}

/** What the observed runs of the estate's activity files run in each interval, with the window they cover. */
export interface Observed {
  /** Step functions [from, to, value] by absolute interval (ms / 900,000). */
  fullStackGiB: readonly number[];
  infrastructureHosts: readonly number[];
  /** The intervals the files cover: [first, end). */
  window: [number, number] | null;
}

const QUARTERS_PER_HOUR = 4;

/** The observed runs of every activity file of the estate, summed. */
export function observed(summaries: Iterable<ActivitySummary>): Observed {
  const fullStack: [number, number, number][] = [];
  const infrastructure: [number, number, number][] = [];
  let first = Infinity;
  let end = -Infinity;
  for (const s of summaries) {
    if (!s.window) continue;
    first = Math.min(first, (s.window[0] / 3_600_000) * QUARTERS_PER_HOUR);
    end = Math.max(end, (s.window[1] / 3_600_000 + 1) * QUARTERS_PER_HOUR);
    const { fullStackQuarterGiB, infrastructureHosts } = s.dps.intervals;
    for (let i = 0; i < fullStackQuarterGiB.length; i += 3) fullStack.push([fullStackQuarterGiB[i]!, fullStackQuarterGiB[i + 1]!, fullStackQuarterGiB[i + 2]!]);
    for (let i = 0; i < infrastructureHosts.length; i += 3) infrastructure.push([infrastructureHosts[i]!, infrastructureHosts[i + 1]!, infrastructureHosts[i + 2]!]);
  }
  return { fullStackGiB: sumOfRanges(fullStack), infrastructureHosts: sumOfRanges(infrastructure), window: first < end ? [first, end] : null };
}

export interface Covered {
  /** What the allowance covers of the demand over the period, and the allowance's extremes in an interval. */
  covered: D;
  most: D;
  least: D;
  /** Intervals counted as observed (in the activity files' window). */
  observedIntervals: number;
}

/**
 * A steady demand against what the fleet grants per interval (`grant(units)`, of the units running:
 * Full-Stack GiB or Infrastructure hosts), without rollover, over a period of `intervals` intervals
 * of which the activity files' window is counted as observed: there, the estate's entries (at that
 * time of day) and the runs; elsewhere, the entries alone, as a steady day.
 */
export function coveredBy(demand: D, day: readonly D[], runs: readonly number[], window: [number, number] | null, scale: D, intervals: D, grant: (units: D) => D): Covered {
  const days = intervals.div(INTERVALS_PER_DAY);
  if (window === null) {
    const steady = againstAllowance(demand, day.map(grant), days);
    return { covered: steady.covered, most: steady.most, least: steady.least, observedIntervals: 0 };
  }
  let covered = ZERO;
  let most: D | undefined;
  let least: D | undefined;
  let r = 0;
  const [first, end] = window;
  for (let k = first; k < end; k++) {
    while (r < runs.length && runs[r + 1]! <= k) r += 3;
    const run = r < runs.length && runs[r]! <= k ? new D(runs[r + 2]!).div(scale) : ZERO;
    const a = grant(day[((k % INTERVALS_PER_DAY) + INTERVALS_PER_DAY) % INTERVALS_PER_DAY]!.plus(run));
    covered = covered.plus(D.min(demand, a));
    if (most === undefined || a.greaterThan(most)) most = a;
    if (least === undefined || a.lessThan(least)) least = a;
  }
  const outside = D.max(ZERO, intervals.minus(end - first));
  if (outside.greaterThan(0)) {
    const steady = againstAllowance(demand, day.map(grant), outside.div(INTERVALS_PER_DAY));
    covered = covered.plus(steady.covered);
    most = D.max(most!, steady.most);
    least = D.min(least!, steady.least);
  }
  return { covered, most: most!, least: least!, observedIntervals: end - first };
}
