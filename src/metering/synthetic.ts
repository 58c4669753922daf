// Synthetic monitor arithmetic shared by the DPS and classic rules:
// (billable steps or requests per execution) × (executions per hour) × (locations) × (hours)
// (dps-browser-monitor.txt "Consumption formula"; classic-dem-units.txt, the same formula).
import { countOf, ONE, SIXTY, times, ZERO, type D } from '../core/decimal.js';
import type { BrowserMonitor } from '../input/schema.js';
import { lineItem, type LineItemDraft } from '../rules/types.js';
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
export function billableSteps(monitor: BrowserMonitor): { value: D; text: string } {
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
  perExecution: { value: D; text: string },
  monitor: { count: D; frequencyMinutes: D; locations: D | readonly string[] },
  hours: D,
): Executions {
  const locations = locationCount(monitor.locations);
  const quantity = times(times(monitor.count, perExecution.value), locations).times(SIXTY).times(hours).div(monitor.frequencyMinutes);
  const perHour = executionsPerHour(monitor.frequencyMinutes);
  const formula = `${countPrefix(monitor.count, 'monitor')}${perExecution.text} × ${plural(perHour, 'execution')}/h × ${plural(locations, 'location')} × ${n(hours)} h`;
  return { quantity, formula };
}

interface Monitor {
  name: string;
  count: D;
  frequencyMinutes: D;
  locations: D | readonly string[];
  enabled: boolean;
}

/**
 * One line item per monitor: what one execution consumes, scheduled over the period, optionally
 * weighted (classic DEM units); a disabled monitor consumes nothing and says so. Made as they are
 * read: an estate may have 100,000 monitors.
 */
export function* monitorLineItems<M extends Monitor>(
  monitors: readonly M[],
  section: string,
  capabilityId: string,
  hours: D,
  perExecution: (monitor: M) => { value: D; text: string },
  /** What a disabled monitor does not consume, and the weight of one unit (classic DEM units). */
  consumes: { nothing: string; weight?: { value: D; text: string } },
): Generator<LineItemDraft> {
  const { nothing, weight } = consumes;
  for (let i = 0; i < monitors.length; i++) {
    const monitor = monitors[i]!;
    const subject = monitor.name;
    const path = `${section}[${i}]`;
    if (!monitor.enabled) {
      yield lineItem(capabilityId, subject, path, ZERO, `disabled: no executions, ${nothing}`);
      continue;
    }
    const run = scheduled(perExecution(monitor), monitor, hours);
    yield weight
      ? lineItem(capabilityId, subject, path, run.quantity.times(weight.value), `${run.formula} × ${weight.text}`)
      : lineItem(capabilityId, subject, path, run.quantity, run.formula);
  }
}

export const requestsPerExecution = (monitor: { requests: D }) => ({ value: monitor.requests, text: plural(monitor.requests, 'request') });
