// The concurrent host units of a steady-state estate, hour by hour of a day. Classic licensing
// checks the host-unit quota against true concurrency (classic-licensing-bundle.md "True
// concurrency in host unit hour calculations"); an estate says how many hours a day each entry
// runs, not when, so entries are taken to start together at midnight: the most they can overlap.
import { D, ZERO } from '../../core/decimal.js';
import { hasMemory, type EstateData } from '../../input/schema.js';
import { containerMemory } from '../../metering/containers.js';
import { hostUnits } from '../../metering/host-units.js';

export interface Running {
  hostUnits: D;
  /** Whole calendar hours a day. */
  hours: number;
  fullStack: boolean;
}

export function runningEntries(estate: EstateData): Running[] {
  const cap = estate.license?.infrastructureCap ?? true;
  const out: Running[] = [];
  for (const h of estate.hosts) {
    if (!hasMemory(h) || h.mode === 'discovery') continue;
    out.push({ hostUnits: h.count.times(hostUnits(h.memoryGiB, h.mode, cap).value), hours: h.hoursPerDay.ceil().toNumber(), fullStack: h.mode === 'fullstack' });
  }
  for (const c of estate.containers) {
    out.push({ hostUnits: c.count.times(hostUnits(containerMemory(c).memoryGiB, 'fullstack').value), hours: c.hoursPerDay.ceil().toNumber(), fullStack: true });
  }
  return out;
}

/** Concurrent host units in each of the 24 hours of a day. */
export function dailyProfile(running: readonly Running[]): D[] {
  // Summed once by hours a day (0 to 24), then hour h counts the entries running more than h
  // hours: one pass over a fleet of 100,000 hosts instead of 24. Host units have at most three
  // decimals, so every sum is exact and its order does not matter.
  const byHours: D[] = Array.from({ length: 25 }, () => ZERO);
  for (const r of running) byHours[r.hours] = byHours[r.hours]!.plus(r.hostUnits);
  const profile: D[] = new Array(24);
  let total = ZERO;
  for (let hour = 23; hour >= 0; hour--) {
    total = total.plus(byHours[hour + 1]!);
    profile[hour] = total;
  }
  return profile;
}
