// The GiB-hours of the hosts and containers that enable a runtime security feature (`appSecurity`),
// with the Full-Stack memory rounding and minimums: Runtime Vulnerability Analytics and Runtime
// Application Protection (DPS) bill the same GiB-hours, each at its own rate.
import { count, derived, times } from '../../core/derivation.js';
import type { Period } from '../../core/period.js';
import { hasMemory, type EstateData } from '../../input/schema.js';
import { containerMemory } from '../../metering/containers.js';
import { dpsHours } from '../../metering/hours.js';
import { billedMemory } from '../../metering/memory.js';
import type { LineItemDraft } from '../types.js';

type Feature = 'rva' | 'rap';

/**
 * One item per entry that runs the feature: `runs(appSecurity)` says whether it does, and with what
 * words (`because` is appended to the formula: why an entry without the feature listed runs it).
 */
export function runtimeSecurityItems(
  estate: EstateData,
  capabilityId: string,
  period: Period,
  runs: (appSecurity: readonly Feature[]) => { because: string } | undefined,
): LineItemDraft[] {
  const items: LineItemDraft[] = [];
  estate.hosts.forEach((h, i) => {
    const why = runs(h.appSecurity);
    if (!hasMemory(h) || why === undefined) return;
    const gibHours = times(count(h.count, 'host'), billedMemory(h.memoryGiB, true), dpsHours(h.hoursPerDay, period));
    items.push({ capabilityId, subject: h.name, path: `hosts[${i}]`, quantity: gibHours.value, formula: `${gibHours.text}${why.because}` });
  });
  estate.containers.forEach((c, i) => {
    const why = runs(c.appSecurity);
    if (why === undefined) return;
    const seen = containerMemory(c, 'dps');
    const memory = billedMemory(seen.memoryGiB, seen.asHost);
    const gibHours = times(count(c.count, ...seen.noun), derived(memory.value, memory.text), dpsHours(c.hoursPerDay, period));
    items.push({ capabilityId, subject: c.name, path: `containers[${i}]`, quantity: gibHours.value, formula: `${gibHours.text}${why.because}` });
  });
  return items;
}
