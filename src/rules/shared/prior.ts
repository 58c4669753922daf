// Sums over the line items of earlier rules (RuleContext.prior).
import { capability } from '../../core/capabilities.js';
import type { D } from '../../core/decimal.js';
import type { PriorItems } from '../types.js';

/** What the earlier items consume in `unit`, overage lines left out (they repeat part of it). */
export function priorInUnit(prior: PriorItems, unit: string): D {
  return prior.quantity((id) => capability(id).unit === unit && !capability(id).overage);
}
