// DPS memory and time metering (prices-and-rules.md "DPS metering rules"): host memory is rounded up
// to the next 0.25 GiB with a 4 GiB minimum per host (8.3 GiB -> 8.5; 2 GiB -> 4); application-only
// containers have a 0.25 GiB (256 MiB) minimum with the same rounding (780 MiB -> 1 GiB). Usage is
// metered in 15-minute intervals, and a partial interval counts whole.
import { D } from '../core/decimal.js';
import { n } from '../core/text.js';

const QUARTER = new D('0.25');

/** Up to the next multiple of 0.25. */
export function toQuarter(value: D): D {
  return value.div(QUARTER).ceil().times(QUARTER);
}

export function billedHostMemory(memoryGiB: D): D {
  return D.max(4, toQuarter(memoryGiB));
}

export function billedContainerMemory(memoryGiB: D): D {
  return D.max(QUARTER, toQuarter(memoryGiB));
}

/** Hours a day in whole 15-minute intervals: 7.9 h -> 8 h (a partial interval counts whole). */
export function billedHoursPerDay(hoursPerDay: D): D {
  return toQuarter(hoursPerDay);
}

/** "8.5 GiB (8.3 GiB rounded up to 0.25)", "4 GiB (2 GiB; 4 GiB minimum)", or just "12 GiB". */
export function describeMemory(actual: D, billed: D, minimum: D): string {
  if (billed.equals(actual)) return `${n(billed)} GiB`;
  if (actual.lessThan(minimum)) return `${n(billed)} GiB (${n(actual)} GiB; ${n(minimum)} GiB minimum)`;
  return `${n(billed)} GiB (${n(actual)} GiB rounded up to 0.25)`;
}

/** The billed memory of a host (asHost) or an application-only container, described. */
export function billedMemory(actual: D, asHost: boolean): { value: D; text: string } {
  const value = asHost ? billedHostMemory(actual) : billedContainerMemory(actual);
  return { value, text: describeMemory(actual, value, asHost ? new D(4) : QUARTER) };
}
