// Sums over the items of other rules (RuleContext.prior), for rules that read a whole unit.
import { CAPABILITIES } from '../../core/capabilities.js';
import { sum, type D } from '../../core/decimal.js';

/**
 * The capabilities that consume `unit`: overage lines left out (they repeat a part of it), and the
 * classic licensed quotas and the lines of what a quota stops (they are measured against it).
 */
export function consumptionIn(unit: string): string[] {
  return CAPABILITIES.filter((c) => c.unit === unit && !c.overage && !c.licensed && !c.notMonitored).map((c) => c.id);
}

/** The summed quantity of the capabilities `ids` (each declared in the rule's `after`), in one environment or all. */
export function priorSum(prior: (capabilityId: string, environment?: string) => D, ids: readonly string[], environment?: string): D {
  return sum(ids.map((id) => prior(id, environment)));
}
