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
