// Sums over the line items of earlier rules (RuleContext.prior).
import { capability } from '../../capabilities.js';
import { sum, type D } from '../../decimal.js';
import type { LineItemDraft } from '../types.js';

export function priorQuantity(prior: readonly LineItemDraft[], match: (capabilityId: string) => boolean): D {
  return sum(prior.filter((i) => match(i.capabilityId)).map((i) => i.quantity));
}

/** What the earlier items consume in `unit`, overage lines left out (they repeat part of it). */
export function priorInUnit(prior: readonly LineItemDraft[], unit: string): D {
  return priorQuantity(prior, (id) => capability(id).unit === unit && !capability(id).overage);
}
