// What a DPS estate's hosts and containers grant per 15-minute interval of a day: the Full-Stack
// GiB (each contributes 900 metric data points and 200 KiB/min of traces) and the Infrastructure
// hosts (1,500 data points each). The same metering as the Full-Stack and Infrastructure lines
// (billed memory with its rounding and minimums, whole intervals), so an inclusion is what those
// lines say runs. Sources: full-stack-monitoring.md, infrastructure-monitoring.md.
import type { D } from '../../core/decimal.js';
import { hasMemory, type EstateData } from '../../input/schema.js';
import { containerMemory } from '../../metering/containers.js';
import { dayProfile, intervalsPerDay } from '../../metering/intervals.js';
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
