// Sums over the line items of earlier rules (RuleContext.prior).
import { capability } from '../../capabilities.js';
import { ZERO, type D } from '../../decimal.js';
import type { LineItemDraft } from '../types.js';

export function priorQuantity(prior: readonly LineItemDraft[], match: (capabilityId: string) => boolean): D {
  // One test per capability, not per item: an estate of 100,000 entries has that many items.
  const matches = new Map<string, boolean>();
  let total = ZERO;
  for (const item of prior) {
    let m = matches.get(item.capabilityId);
    if (m === undefined) matches.set(item.capabilityId, (m = match(item.capabilityId)));
    if (m) total = total.plus(item.quantity);
  }
  return total;
}

/** What the earlier items consume in `unit`, overage lines left out (they repeat part of it). */
export function priorInUnit(prior: readonly LineItemDraft[], unit: string): D {
  return priorQuantity(prior, (id) => capability(id).unit === unit && !capability(id).overage);
}
