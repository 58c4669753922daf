// Hours an entry runs in the period, as each model meters them.
import { D } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import { billedHoursPerDay } from './memory.js';
import { n } from '../core/text.js';

/** DPS: hours per day in whole 15-minute intervals, over the period's days. */
export function dpsHours(hoursPerDay: D, period: Period): { value: D; text: string } {
  const billed = billedHoursPerDay(hoursPerDay);
  const rounded = billed.equals(hoursPerDay) ? '' : ` (${n(hoursPerDay)} h rounded up to 15 minutes)`;
  return { value: billed.times(period.days), text: `${n(billed)} h/day${rounded} × ${n(period.days)} d` };
}

/**
 * Classic: host unit hours are counted in calendar hours, and a host running 5 minutes or more in
 * an hour counts the whole hour (classic-licensing-bundle.md "True concurrency in host unit hour
 * calculations"): a part of an hour a day counts as a whole one.
 */
export function classicHours(hoursPerDay: D, period: Period): { value: D; text: string } {
  const billed = hoursPerDay.ceil();
  const rounded = billed.equals(hoursPerDay) ? '' : ` (${n(hoursPerDay)} h rounded up to calendar hours)`;
  return { value: billed.times(period.days), text: `${n(billed)} h/day${rounded} × ${n(period.days)} d` };
}

