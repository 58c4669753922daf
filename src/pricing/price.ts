// The one place where money is computed: unit price (after the card's discount) × quantity, and the
// totals. A line item whose price is unknown keeps `unitPrice: null, cost: null` and the estimate
// says so; it never counts as zero.
import { capability } from '../capabilities.js';
import { D, sum, ZERO } from '../decimal.js';
import type { LineItemDraft, Rule } from '../rules/types.js';
import type { RateCard } from './rate-card.js';

export interface LineItem extends LineItemDraft {
  id: string;
  /** The estate file the entry is in. */
  file: string;
  capability: string;
  unit: string;
  unitPrice: D | null;
  cost: D | null;
  priceSource: string | null;
  provisional: boolean;
  /** The rule that produced the item and the document section it implements. */
  rule: string;
  doc: string;
}

export interface Totals {
  /** null when any line item has no price: a partial sum would pass for the whole. */
  cost: D | null;
  /** The sum of the priced line items, whether or not all are priced. */
  pricedCost: D;
  unpricedLineItems: number;
  costByCapability: Map<string, D | null>;
  quantityByUnit: Map<string, D>;
}

export interface PricedDraft {
  draft: LineItemDraft;
  rule: Rule;
  file: string;
}

interface Priced {
  cap: ReturnType<typeof capability>;
  unitPrice: D | null;
  priceSource: string | null;
  provisional: boolean;
}

export function priceLineItems(drafts: readonly PricedDraft[], card: RateCard): LineItem[] {
  const factor = new D(1).minus(card.discount);
  const discount = card.discount.isZero() ? '' : `, less ${card.discount.times(100).toFixed()}% discount`;
  // Everything about a price depends on the capability only: worked out once per capability.
  const byCapability = new Map<string, Priced>();
  const pricedFor = (capabilityId: string): Priced => {
    let p = byCapability.get(capabilityId);
    if (!p) {
      const cap = capability(capabilityId);
      const price = card.prices.get(cap.id) ?? (cap.overage ? undefined : card.prices.get(cap.unit));
      p = {
        cap,
        unitPrice: price ? price.unitPrice.times(factor) : null,
        priceSource: price ? `${price.source}${discount}` : null,
        provisional: price?.provisional ?? false,
      };
      byCapability.set(capabilityId, p);
    }
    return p;
  };
  const ids = new Map<string, number>();
  return drafts.map(({ draft, rule, file }) => {
    const { cap, unitPrice, priceSource, provisional } = pricedFor(draft.capabilityId);
    let id = `${cap.id}/${draft.subject}`;
    const seen = (ids.get(id) ?? 0) + 1;
    ids.set(id, seen);
    if (seen > 1) id = `${id}#${seen}`;
    return {
      capabilityId: draft.capabilityId,
      subject: draft.subject,
      path: draft.path,
      quantity: draft.quantity,
      formula: draft.formula,
      id,
      file,
      capability: cap.name,
      unit: cap.unit,
      unitPrice,
      cost: unitPrice ? draft.quantity.times(unitPrice) : null,
      priceSource,
      provisional,
      rule: rule.id,
      doc: rule.doc,
    };
  });
}

export function totalsOf(items: readonly LineItem[]): Totals {
  const costByCapability = new Map<string, D | null>();
  const quantityByUnit = new Map<string, D>();
  for (const item of items) {
    const before = costByCapability.has(item.capabilityId) ? costByCapability.get(item.capabilityId)! : ZERO;
    costByCapability.set(item.capabilityId, before === null || item.cost === null ? null : before.plus(item.cost));
    if (!capability(item.capabilityId).overage) quantityByUnit.set(item.unit, (quantityByUnit.get(item.unit) ?? ZERO).plus(item.quantity));
  }
  const priced = items.filter((i) => i.cost !== null);
  const pricedCost = sum(priced.map((i) => i.cost!));
  const unpricedLineItems = items.length - priced.length;
  return { cost: unpricedLineItems > 0 ? null : pricedCost, pricedCost, unpricedLineItems, costByCapability, quantityByUnit };
}
