// The concurrent host units of a steady-state estate, hour by hour of a day, per environment.
// Classic licensing checks the host-unit quota against true concurrency
// (application-and-infrastructure-monitoring.md "True concurrency in host unit hour calculations",
// shared/docs/dynatrace/managed/license/classic-licensing/, source
// https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring);
// an estate says how many hours a day each entry runs, not when, so entries are taken to start
// together at midnight: the most they can overlap. Hours a day are classic calendar hours (a run
// under 5 minutes a day counts none: metering/host-units.ts).
import { D, ZERO } from '../../core/decimal.js';
import type { EstateData, Host } from '../../input/schema.js';
import { containerMemory } from '../../metering/containers.js';
import { classicHoursPerDay, hostUnits, type HostUnits } from '../../metering/host-units.js';

export interface Running {
  hostUnits: D;
  /** Whole calendar hours a day. */
  hours: number;
  fullStack: boolean;
  /** The environment the entry runs in (`environments[].name`), or undefined without environments. */
  environment?: string | undefined;
}

/**
 * The environment of an entry: its own, else the first of `environments` (the account's first
 * environment takes what names none), else undefined (an estate without environments).
 */
export function environmentOf(estate: EstateData, entry: { environment?: string | undefined }): string | undefined {
  return entry.environment ?? estate.environments[0]?.name;
}

/**
 * A host's classic host units: Full-Stack and Infrastructure by its memory; a host in mode code is
 * application-only monitoring, "based on the detected memory limit ... If no memory limits are
 * detected, host unit calculations may use the underlying host memory", at the Full-Stack weighting
 * (application-and-infrastructure-monitoring.md "Application-only monitoring"): its memoryGiB, once
 * per host whatever its processes (one OS instance). Undefined: none (discovery; code without memoryGiB).
 */
export function classicHostUnits(h: Host, cap: boolean): (HostUnits & { memoryGiB: D; applicationOnly: boolean }) | undefined {
  if (h.mode === 'discovery' || h.memoryGiB === undefined) return undefined;
  const applicationOnly = h.mode === 'code';
  return { ...hostUnits(h.memoryGiB, h.mode === 'infrastructure' ? 'infrastructure' : 'fullstack', cap), memoryGiB: h.memoryGiB, applicationOnly };
}

export function runningEntries(estate: EstateData): Running[] {
  const cap = estate.license?.infrastructureCap ?? true;
  const out: Running[] = [];
  for (const h of estate.hosts) {
    const hu = classicHostUnits(h, cap);
    if (hu === undefined) continue;
    out.push({ hostUnits: h.count.times(hu.value), hours: classicHoursPerDay(h.hoursPerDay).toNumber(), fullStack: h.mode !== 'infrastructure', environment: environmentOf(estate, h) });
  }
  for (const c of estate.containers) {
    out.push({ hostUnits: c.count.times(hostUnits(containerMemory(c).memoryGiB, 'fullstack').value), hours: classicHoursPerDay(c.hoursPerDay).toNumber(), fullStack: true, environment: environmentOf(estate, c) });
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

/** The daily profile of each environment (undefined: the estate's entries without environments). */
export function dailyProfiles(running: readonly Running[]): Map<string | undefined, D[]> {
  const groups = new Map<string | undefined, Running[]>();
  for (const r of running) {
    let list = groups.get(r.environment);
    if (list === undefined) groups.set(r.environment, (list = []));
    list.push(r);
  }
  return new Map([...groups].map(([env, list]) => [env, dailyProfile(list)]));
}
