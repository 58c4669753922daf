// Classic host units from RAM: application-and-infrastructure-monitoring.md "Host units" (the
// weighting table; shared/docs/dynatrace/managed/license/classic-licensing/, source
// https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring),
// classic-licensing-bundle.md and classic-monitoring-consumption.txt "Host units". RAM between two rows is rounded up to the next
// row (12 GiB is a 16 GiB host: 1 host unit); beyond 112 GiB, n × 16 GiB is n host units.
// Infrastructure Monitoring weighs 0.3 per 16 GiB (0.03, 0.075 and 0.15 below), capped at 1.0 per
// host where the contract has the cap; older contracts without it continue 0.3 per 16 GiB
// (prices-and-rules.md "Classic licensing": 64 GiB -> 1.2; no Dynatrace page states the uncapped
// values, this is the older research's extrapolation).
import { D, ONE, ZERO } from '../core/decimal.js';
import type { Derived } from '../core/derivation.js';
import type { Period } from '../core/period.js';
import { n } from '../core/text.js';

export type HostUnitMode = 'fullstack' | 'infrastructure';

/** Rows below 16 GiB: [max RAM, Full-Stack, Infrastructure] (Decimals made once: a fleet has 100,000 hosts). */
const SMALL_ROWS: readonly [D, D, D][] = [
  ['1.6', '0.10', '0.03'],
  ['4', '0.25', '0.075'],
  ['8', '0.50', '0.15'],
].map(([max, full, infra]) => [new D(max!), new D(full!), new D(infra!)]);

const SIXTEEN = new D(16);
const TWO = new D(2);
/** Infrastructure Monitoring per 16 GiB. */
const INFRASTRUCTURE_PER_16 = new D('0.3');

export interface HostUnits {
  value: D;
  /** The table row the RAM was rounded up to, in GiB. */
  rowGiB: D;
}

export function hostUnits(memoryGiB: D, mode: HostUnitMode, infrastructureCap = true): HostUnits {
  for (const [max, full, infra] of SMALL_ROWS) {
    if (memoryGiB.lessThanOrEqualTo(max)) return { value: mode === 'fullstack' ? full : infra, rowGiB: max };
  }
  const n = memoryGiB.div(SIXTEEN).ceil();
  const rowGiB = n.times(SIXTEEN);
  if (mode === 'fullstack') return { value: n, rowGiB };
  const infra = n.times(INFRASTRUCTURE_PER_16);
  return { value: infrastructureCap && infra.greaterThan(ONE) ? ONE : infra, rowGiB };
}

// --- Hours and Application Security units ------------------------------------------------------
// Host unit hours are counted in calendar hours, and "If a host runs for less than 5 minutes, it
// doesn't count against your host unit hour quota. A host running for 5 minutes or longer is
// rounded up to 1 host unit hour" (application-and-infrastructure-monitoring.md, "True concurrency
// in host unit hour calculations"). The 5 minutes are a run's ("a host runs"), not a calendar
// hour's: a run of 10:00-11:03 touches two calendar hours and counts both (2 host unit hours).
// A steady entry says how long it runs a day, as one run: under 5 minutes a day counts nothing;
// otherwise its hours a day are rounded up to whole calendar hours.

/** Hours a day as classic licensing counts them: 0 under 5 minutes, else rounded up to whole hours. */
export function classicHoursPerDay(hoursPerDay: D): D {
  return hoursPerDay.times(60).lessThan(5) ? ZERO : hoursPerDay.ceil();
}

/** Calendar hours an entry running `hoursPerDay` counts over the period, and how. */
export function classicHours(hoursPerDay: D, period: Period): Derived {
  const billed = classicHoursPerDay(hoursPerDay);
  const rounded = billed.equals(hoursPerDay)
    ? ''
    : billed.isZero()
      ? ` (${n(hoursPerDay)} h: a run under 5 minutes a day does not count)`
      : ` (${n(hoursPerDay)} h rounded up to calendar hours)`;
  // A period of hours that are not whole days (250h) says so, rather than a rounded 10.416667 d.
  const days = period.days.isInteger() ? `${n(period.days)} d` : `${n(period.hours)} h / 24 h`;
  return { value: billed.times(period.days), text: `${n(billed)} h/day${rounded} × ${days}` };
}

/**
 * Application Security units an hour (application-security-units.md): "Each capability consumes 1
 * ASU per hour multiplied by the RAM weight" of the host-unit weighting table, Full-Stack column
 * for Full-Stack and Infrastructure hosts alike (no Infrastructure cap); "a server with Runtime
 * Application Protection enabled always consumes ASUs for both RVA and RAP".
 */
export function asuPerHour(memoryGiB: D, features: readonly ('rva' | 'rap')[]): Derived {
  const weight = hostUnits(memoryGiB, 'fullstack');
  const rap = features.includes('rap');
  const capabilities = rap ? TWO : ONE;
  const row = weight.rowGiB.equals(memoryGiB) ? '' : `: the ${n(weight.rowGiB)} GiB row`;
  return {
    value: weight.value.times(capabilities),
    text: `${n(weight.value)} RAM weight (${n(memoryGiB)} GiB${row}) × ${rap ? '2 capabilities (RVA and RAP)' : '1 capability (RVA)'} × 1 ASU/h`,
  };
}
