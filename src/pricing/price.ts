// The one place where money is computed: unit price (after the card's discount) × quantity, and the
// totals. A line item whose price is unknown keeps `unitPrice: null, cost: null` and the estimate
// says so; it never counts as zero.
import { capability, type Capability } from '../core/capabilities.js';
import { D, ONE, ZERO } from '../core/decimal.js';
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
  /** Each capability's summed quantity (its subtotal in the table and Markdown). */
  quantityByCapability: Map<string, D>;
  /** Consumption by unit: overage lines and classic licensed quotas left out (they are not more of it). */
  quantityByUnit: Map<string, D>;
}

interface Priced {
  cap: ReturnType<typeof capability>;
  unitPrice: D | null;
  priceSource: string | null;
  provisional: boolean;
  /** How many items each subject has had so far. */
  subjects: Map<string, number>;
}

/** How a card prices a capability: its unit price before the discount, where it comes from, and the card's keys it reads. */
export interface CardPrice {
  unitPrice: D;
  source: string;
  provisional: boolean;
  /** The card's keys (capability or unit ids) the price comes from. */
  keys: string[];
}

/** The unit price of a card key (a capability or unit id) after the card's discount, or null when the card has none. */
export function keyUnitPrice(card: RateCard, key: string): D | null {
  const p = card.prices.get(key);
  return p ? p.unitPrice.times(ONE.minus(card.discount)) : null;
}

/**
 * The unit price of a capability after the card's discount, as summed quantities are valued (plans:
 * a month's consumption by capability): its own price, else (not an overage) its unit's; else 0 where
 * a licensed quota (`licensed`, when the card prices it) covers its unit, as `pricer` prices it;
 * null when unpriced. The overages under the quotas are the plan's own to price, contract year by
 * contract year (src/plan/classic.ts).
 */
export function capabilityUnitPrice(card: RateCard, capabilityId: string, licensed: readonly string[] = []): D | null {
  const cap = capability(capabilityId);
  const own = keyUnitPrice(card, cap.id) ?? (cap.overage ? null : keyUnitPrice(card, cap.unit));
  if (own !== null || licensed.length === 0 || cap.overage || cap.licensed !== undefined) return own;
  // Without a price of its own, consumption within a licensed quota the card prices is paid there.
  return cardPrices(card, licensed).committed.has(cap.unit) ? ZERO : null;
}

/** The hours of a host-unit year (365 days): a licensed host unit is this many host-unit hours. */
const HOST_UNIT_YEAR_HOURS = new D(8760);

/**
 * Which price of `card` applies to each capability, given the classic licensed quotas of the
 * estimate (`licensed`): the capability's own price, else its unit's, with two classic rules.
 * - A licensed host unit (`host-unit-year`) the card does not price is the year's 8,760 host-unit
 *   hours at the `host-unit-hour` price.
 * - An overage line is priced by its own id; at its unit's price only when a priced licensed quota
 *   covers that unit (the consumption within the quota then costs nothing, so the excess at the
 *   unit's price is paid once). Without one, consumption is paid as consumed, and a unit price on
 *   the overage too would charge the excess twice.
 * `committed`: by consumption unit, the priced licensed capabilities that cover it.
 */
export function cardPrices(card: RateCard, licensed: readonly string[] = []): { priceOf: (cap: Capability) => CardPrice | undefined; committed: Map<string, string[]> } {
  const base = (cap: Capability): CardPrice | undefined => {
    const own = card.prices.get(cap.id);
    if (own) return { unitPrice: own.unitPrice, source: own.source, provisional: own.provisional, keys: [cap.id] };
    const unit = cap.overage ? undefined : card.prices.get(cap.unit);
    if (unit) return { unitPrice: unit.unitPrice, source: unit.source, provisional: unit.provisional, keys: [cap.unit] };
    const hourly = cap.unit === 'host-unit-year' ? card.prices.get('host-unit-hour') : undefined;
    if (hourly) return { unitPrice: hourly.unitPrice.times(HOST_UNIT_YEAR_HOURS), source: `${hourly.source}: host-unit-hour × 8,760 hours a host-unit year`, provisional: hourly.provisional, keys: ['host-unit-hour'] };
    return undefined;
  };
  const committed = new Map<string, string[]>();
  for (const id of licensed) {
    const cap = capability(id);
    if (cap.licensed === undefined || base(cap) === undefined) continue;
    committed.set(cap.licensed, [...(committed.get(cap.licensed) ?? []), id]);
  }
  const priceOf = (cap: Capability): CardPrice | undefined => {
    const price = base(cap);
    if (price || !cap.overage || !committed.has(cap.unit)) return price;
    const unit = card.prices.get(cap.unit);
    return unit && { unitPrice: unit.unitPrice, source: `${unit.source} (the unit's price: what is within the licensed quota is paid there)`, provisional: unit.provisional, keys: [cap.unit] };
  };
  return { priceOf, committed };
}

/**
 * The pricing of one estimate: each draft a rule gives becomes a line item with its unit price
 * and cost (unit price after the card's discount × quantity), priced as it comes.
 */
export function pricer(card: RateCard, licensed: readonly string[] = []): (draft: LineItemDraft, rule: Rule, file: string) => LineItem {
  const factor = ONE.minus(card.discount);
  const discount = card.discount.isZero() ? '' : `, less ${card.discount.times(100).toFixed()}% discount`;
  // Classic committed cost: a licensed quota that the card prices is what is paid for the
  // consumption it covers, which is then priced at nothing (never paid twice).
  const { priceOf, committed } = cardPrices(card, licensed);
  // Everything about a price depends on the capability only: worked out once per capability.
  const byCapability = new Map<string, Priced>();
  const pricedFor = (capabilityId: string): Priced => {
    let p = byCapability.get(capabilityId);
    if (!p) {
      const cap = capability(capabilityId);
      const covering = cap.overage || cap.licensed !== undefined ? undefined : committed.get(cap.unit);
      const price = priceOf(cap);
      p = covering
        ? { cap, unitPrice: ZERO, priceSource: `within the licensed quota (${covering.join(', ')}): paid for there`, provisional: false, subjects: new Map() }
        : {
            cap,
            unitPrice: price ? price.unitPrice.times(factor) : null,
            priceSource: price ? `${price.source}${discount}` : null,
            provisional: price?.provisional ?? false,
            subjects: new Map(),
          };
      byCapability.set(capabilityId, p);
    }
    return p;
  };
  let last: Priced | undefined;
  return (draft, rule, file) => {
    // Drafts come in runs of one capability.
    const priced = last !== undefined && last.cap.id === draft.capabilityId ? last : (last = pricedFor(draft.capabilityId));
    const { cap, unitPrice, priceSource, provisional, subjects } = priced;
    // Ids are capability/subject, with #2, #3 for a subject seen again under the same capability
    // (counted by subject: the estate's own strings, quick to look up).
    const seen = (subjects.get(draft.subject) ?? 0) + 1;
    subjects.set(draft.subject, seen);
    const id = seen > 1 ? `${cap.id}/${draft.subject}#${seen}` : `${cap.id}/${draft.subject}`;
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
      // Nothing consumed costs nothing, priced or not: a zero line never leaves a total unknown.
      cost: unitPrice ? draft.quantity.times(unitPrice) : draft.quantity.isZero() ? ZERO : null,
      priceSource,
      provisional,
      rule: rule.id,
      doc: rule.doc,
    };
  };
}

/** What the items of one capability add up to. */
export interface CapabilitySum {
  quantity: D;
  /** The cost of its priced items. */
  priced: D;
  /** How many items it has, and how many of them have no price. */
  items: number;
  unpriced: number;
  unit: string;
  /** Whether its price is provisional (a price is per capability: the same for all its items). */
  provisional: boolean;
}

/**
 * Totals built item by item, as items are priced, summed per capability first (items come in runs
 * of one), then the capabilities into units and the total.
 */
export class TotalsBuilder {
  private readonly byCapability = new Map<string, CapabilitySum>();
  private unpricedLineItems = 0;
  private runId: string | undefined;
  private run: CapabilitySum | undefined;

  add(item: LineItem): void {
    if (item.capabilityId !== this.runId) {
      this.runId = item.capabilityId;
      this.run = this.byCapability.get(this.runId);
      if (this.run === undefined) this.byCapability.set(this.runId, (this.run = { quantity: ZERO, priced: ZERO, items: 0, unpriced: 0, unit: item.unit, provisional: item.provisional }));
    }
    const run = this.run!;
    run.items++;
    run.quantity = run.quantity.plus(item.quantity);
    if (item.cost === null) {
      run.unpriced++;
      this.unpricedLineItems++;
    } else run.priced = run.priced.plus(item.cost);
  }

  /** The sums of each capability so far, in the order the capabilities first came. */
  capabilities(): ReadonlyMap<string, Readonly<CapabilitySum>> {
    return this.byCapability;
  }

  totals(): Totals {
    const costByCapability = new Map<string, D | null>();
    const quantityByCapability = new Map<string, D>();
    const quantityByUnit = new Map<string, D>();
    let pricedCost = ZERO;
    for (const [id, c] of this.byCapability) {
      costByCapability.set(id, c.unpriced > 0 ? null : c.priced);
      quantityByCapability.set(id, c.quantity);
      const cap = capability(id);
      if (!cap.overage && cap.licensed === undefined) quantityByUnit.set(c.unit, (quantityByUnit.get(c.unit) ?? ZERO).plus(c.quantity));
      pricedCost = pricedCost.plus(c.priced);
    }
    const unpricedLineItems = this.unpricedLineItems;
    return { cost: unpricedLineItems > 0 ? null : pricedCost, pricedCost, unpricedLineItems, costByCapability, quantityByCapability, quantityByUnit };
  }
}
