// DPS meters in 15-minute intervals, and what a host includes (metric data points, trace volume) is
// granted per interval: "Included metric data points that are not consumed within the 15-minute
// interval in which they are granted do not roll over to subsequent intervals" (full-stack-
// monitoring.md; the same for traces). A steady entry runs its hours a day from midnight, in whole
// intervals (as every DPS line counts them), so a day is 96 intervals, each with what runs in it; a
// period of `days` days is `days` such days.
import { D, ZERO } from '../core/decimal.js';

export const INTERVALS_PER_DAY = 96;

/** Intervals a day an entry running `hoursPerDay` occupies: 7.9 h -> 32 (a partial interval counts whole). */
export function intervalsPerDay(hoursPerDay: D): number {
  return Math.min(INTERVALS_PER_DAY, hoursPerDay.times(4).ceil().toNumber());
}

/** What runs in each of the 96 intervals of a day: `amount` of each entry, from midnight for its intervals. */
export function dayProfile(entries: Iterable<{ amount: D; intervals: number }>): D[] {
  // Summed by intervals first, then interval i has every entry that runs more than i intervals: one
  // pass over the fleet.
  const byLength: D[] = Array.from({ length: INTERVALS_PER_DAY + 1 }, () => ZERO);
  for (const e of entries) if (e.intervals > 0) byLength[e.intervals] = byLength[e.intervals]!.plus(e.amount);
  const profile: D[] = new Array(INTERVALS_PER_DAY);
  let total = ZERO;
  for (let i = INTERVALS_PER_DAY - 1; i >= 0; i--) {
    total = total.plus(byLength[i + 1]!);
    profile[i] = total;
  }
  return profile;
}

export interface Allowance {
  /** What the allowance covers of the demand over the period, and what is left to bill. */
  covered: D;
  billed: D;
  /** The allowance in the interval with the most and the least (for the formula). */
  most: D;
  least: D;
}

/**
 * A steady demand (the same in every interval) against an allowance granted per interval, with
 * nothing carried from one interval to the next: Σ over the period's intervals of min(demand,
 * allowance) and of what exceeds it. `allowanceOf(i)` is interval i's allowance of the day.
 */
export function againstAllowance(demandPerInterval: D, allowance: readonly D[], days: D): Allowance {
  let covered = ZERO;
  let billed = ZERO;
  let most = allowance[0] ?? ZERO;
  let least = most;
  for (const a of allowance) {
    if (a.greaterThan(most)) most = a;
    if (a.lessThan(least)) least = a;
    if (a.greaterThanOrEqualTo(demandPerInterval)) covered = covered.plus(demandPerInterval);
    else {
      covered = covered.plus(a);
      billed = billed.plus(demandPerInterval.minus(a));
    }
  }
  return { covered: covered.times(days), billed: billed.times(days), most, least };
}
