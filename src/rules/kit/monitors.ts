// The line items of synthetic monitors: one per monitor, what one execution consumes scheduled
// over the period (metering/synthetic.ts), optionally weighted (classic DEM units).
import { ZERO, type D } from '../../core/decimal.js';
import type { Derived } from '../../core/derivation.js';
import { scheduled } from '../../metering/synthetic.js';
import { lineItem, type LineItemDraft } from '../types.js';

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
  perExecution: (monitor: M) => Derived,
  /** What a disabled monitor does not consume, and the weight of one unit (classic DEM units). */
  consumes: { nothing: string; weight?: Derived },
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
