// Synthetic monitor arithmetic shared by the DPS and classic rules:
// (billable steps or requests per execution) × (executions per hour) × (locations) × (hours)
// (dps-browser-monitor.txt "Consumption formula"; classic-dem-units.txt, the same formula).
import { D } from '../../decimal.js';
import type { BrowserMonitor } from '../../estate/schema.js';
import { countPrefix, n, plural } from './text.js';

export function locationCount(locations: D | readonly string[]): D {
  return Array.isArray(locations) ? new D(locations.length) : (locations as D);
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
    const value = new D(monitor.steps.filter((s) => s.requests.greaterThan(0)).length);
    const of = value.equals(monitor.steps.length) ? '' : ` (of ${monitor.steps.length} steps)`;
    return { value, text: `${plural(value, 'billable step')}${of}` };
  }
  return { value: new D(1), text: '1 billable step (single-URL monitor)' };
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
  const quantity = monitor.count.times(perExecution.value).times(60).times(locations).times(hours).div(monitor.frequencyMinutes);
  const perHour = new D(60).div(monitor.frequencyMinutes);
  const formula = `${countPrefix(monitor.count, 'monitor')}${perExecution.text} × ${plural(perHour, 'execution')}/h × ${plural(locations, 'location')} × ${n(hours)} h`;
  return { quantity, formula };
}
