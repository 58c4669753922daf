// Sums over the items of other rules (RuleContext.prior), for rules that read a whole unit.
import { CAPABILITIES } from '../../core/capabilities.js';
import { sum, type D } from '../../core/decimal.js';

/** The capabilities that consume `unit`, overage lines left out (they repeat a part of it). */
export function consumptionIn(unit: string): string[] {
  return CAPABILITIES.filter((c) => c.unit === unit && !c.overage).map((c) => c.id);
}

/** The summed quantity of the capabilities `ids` (each declared in the rule's `after`). */
export function priorSum(prior: (capabilityId: string) => D, ids: readonly string[]): D {
  return sum(ids.map(prior));
}
