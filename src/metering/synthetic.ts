// Synthetic monitor arithmetic shared by the DPS and classic rules:
// (billable steps or requests per execution) × (executions per hour) × (locations) × (hours)
// (dps-browser-monitor.txt "Consumption formula"; classic-dem-units.txt, the same formula).
import { countOf, ONE, SIXTY, times, type D } from '../core/decimal.js';
import type { Derived } from '../core/derivation.js';
import { countPrefix, n, plural } from '../core/text.js';

export function locationCount(locations: D | readonly string[]): D {
  return Array.isArray(locations) ? countOf(locations.length) : (locations as D);
}

/**
 * Steps that explicitly trigger at least one web request count once each, however many requests
 * they trigger; a monitor with no steps listed is a single-URL monitor: one action per execution
 * (dps-browser-monitor.txt "Counting rules"; classic-dem-units.txt "Browser monitors perform a
 * single synthetic interaction").
 */
/** What of a browser monitor its billable steps depend on. */
export interface StepsEntry {
  billableSteps?: D | undefined;
  steps?: readonly { requests: D }[] | undefined;
}

export function billableSteps(monitor: StepsEntry): Derived {
  if (monitor.billableSteps !== undefined) return { value: monitor.billableSteps, text: plural(monitor.billableSteps, 'billable step') };
  if (monitor.steps !== undefined) {
    let billable = 0;
    for (const step of monitor.steps) if (!step.requests.isZero()) billable++;
    const value = countOf(billable);
    const of = billable === monitor.steps.length ? '' : ` (of ${monitor.steps.length} steps)`;
    return { value, text: `${plural(value, 'billable step')}${of}` };
  }
  return { value: ONE, text: '1 billable step (single-URL monitor)' };
}

const perHourCache = new Map<string, D>();

/** 60 / frequency, computed once per distinct frequency. */
function executionsPerHour(frequencyMinutes: D): D {
  const key = frequencyMinutes.toString();
  let v = perHourCache.get(key);
  if (v === undefined) perHourCache.set(key, (v = SIXTY.div(frequencyMinutes)));
  return v;
}

/** A monitor's schedule: how many, how often, from how many locations. */
export interface ScheduledEntry {
  count: D;
  frequencyMinutes: D;
  locations: D | readonly string[];
}

export interface Executions {
  /** What one execution consumes, times executions per hour, locations, hours and count. */
  quantity: D;
  formula: string;
}

/**
 * `perExecution` × (60 / frequencyMinutes) × locations × hours × count. The division comes last so
 * that every frequency that divides an hour gives an exact result.
 */
export function scheduled(
  perExecution: Derived,
  monitor: ScheduledEntry,
  hours: D,
): Executions {
  const locations = locationCount(monitor.locations);
  const quantity = times(times(monitor.count, perExecution.value), locations).times(SIXTY).times(hours).div(monitor.frequencyMinutes);
  const perHour = executionsPerHour(monitor.frequencyMinutes);
  const formula = `${countPrefix(monitor.count, 'monitor')}${perExecution.text} × ${plural(perHour, 'execution')}/h × ${plural(locations, 'location')} × ${n(hours)} h`;
  return { quantity, formula };
}

export const requestsPerExecution = (monitor: { requests: D }): Derived => ({ value: monitor.requests, text: plural(monitor.requests, 'request') });
