// DPS money over a contract: each contract year's cost accrues against its commitment at the rate
// card; once the commitment is used up, the same rate card applies on demand, invoiced monthly,
// until the next year starts; what a year leaves unused is lost (no carry-over). Sources:
// docs/dynatrace/saas/license/cost-overview.md "Billing period" ("Once you reach your annual
// commitment, you can continue to use Dynatrace while incurring on-demand usage. Dynatrace applies
// the same rate card for on-demand usage …"), dps-first-year.md ("Your annual commitment resets at
// the end of the year"), managed/license/concepts.md ("Annual commitment", "On-demand usage").
//
// Per year: committed = min(cost, commitment), on-demand = max(0, cost − commitment), unused =
// max(0, commitment − cost), payable = max(commitment, cost). The instant the commitment is used
// up is found in the month it happens, the cost accruing evenly over the hours each entry is in
// service that month (and the month's other cost evenly over the month).
import { capability } from '../core/capabilities.js';
import { D, ONE, ZERO } from '../core/decimal.js';
import { capabilityUnitPrice } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import type { Accrual, MonthSums } from './engine.js';
import type { ContractYear, MonthRow } from './timeline.js';

export interface CapabilityMonth {
  capabilityId: string;
  unit: string;
  quantity: D;
  /** After the card's discount; null when the card has no price for it. */
  unitPrice: D | null;
  cost: D | null;
  /** Before the card's discount (`listCost` in the FOCUS sense): null when unpriced, or the discount is 100%. */
  listCost: D | null;
}

export interface PlanMonth {
  row: MonthRow;
  capabilities: CapabilityMonth[];
  /** The month's cost; null when a capability with a quantity has no price (then `pricedCost` is what is known). */
  cost: D | null;
  pricedCost: D;
  listCost: D | null;
  /** The contract year's cost so far, this month included (priced items). */
  cumulativeCost: D;
  /** What is left of the year's commitment after this month (never below zero); null without a commitment. */
  commitmentRemaining: D | null;
  /** Of this month's cost: the part the commitment covers, and the part on demand. */
  committedCost: D;
  onDemandCost: D;
}

export interface PlanYear {
  year: ContractYear;
  rateCard: { name: string; files: readonly string[] };
  cost: D | null;
  pricedCost: D;
  listCost: D | null;
  committedCost: D;
  onDemandCost: D;
  unusedCommitment: D | null;
  /** What the year costs the customer: max(commitment, cost); the cost without a commitment. */
  payable: D;
  /** When the commitment is used up (ms, UTC), or null when it is not within the year. */
  exhaustedAt: number | null;
}

/** The month's capabilities priced by the year's card. */
export function priceMonth(sums: MonthSums, card: RateCard, licensed: readonly string[] = []): { capabilities: CapabilityMonth[]; cost: D | null; pricedCost: D; listCost: D | null } {
  const capabilities: CapabilityMonth[] = [];
  let priced = ZERO;
  let list: D | null = ZERO;
  let complete = true;
  const keep = ONE.minus(card.discount);
  for (const [id, quantity] of sums.quantities) {
    const unitPrice = capabilityUnitPrice(card, id, licensed);
    const cost = unitPrice ? quantity.times(unitPrice) : null;
    const listCost = unitPrice && !keep.isZero() ? quantity.times(unitPrice.div(keep)) : null;
    if (cost) priced = priced.plus(cost);
    else if (!quantity.isZero()) complete = false;
    list = list === null || (listCost === null && !quantity.isZero()) ? null : list.plus(listCost ?? ZERO);
    capabilities.push({ capabilityId: id, unit: capability(id).unit, quantity, unitPrice, cost, listCost });
  }
  return { capabilities, cost: complete ? priced : null, pricedCost: priced, listCost: list, };
}

/**
 * When, within a month that starts with `before` of the commitment already used, the cost reaches
 * `commitment`: the accruals are walked stretch by stretch between their edges.
 */
export function crossing(accruals: readonly Accrual[], before: D, commitment: D): number | null {
  const edges = [...new Set(accruals.flatMap((a) => [a.from, a.until]))].sort((a, b) => a - b);
  let used = before;
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, until] = [edges[i]!, edges[i + 1]!];
    let rate = ZERO; // cost per ms
    for (const a of accruals) if (a.from <= from && a.until >= until && a.until > a.from) rate = rate.plus(a.cost.div(a.until - a.from));
    const stretch = rate.times(until - from);
    if (rate.greaterThan(0) && used.plus(stretch).greaterThanOrEqualTo(commitment)) {
      // To the nearest millisecond: a repeating fraction must not put an exact instant a hair early.
      return from + commitment.minus(used).div(rate).round().toNumber();
    }
    used = used.plus(stretch);
  }
  return null;
}

/** The months and years of one scenario under DPS. */
export function burnDown(months: readonly MonthSums[], years: readonly ContractYear[], cards: readonly RateCard[], licensed: readonly string[] = []): { months: PlanMonth[]; years: PlanYear[] } {
  const outMonths: PlanMonth[] = [];
  const outYears: PlanYear[] = [];
  for (const year of years) {
    const card = cards[Math.min(year.year, cards.length) - 1]!;
    const commitment = year.commitment;
    let cumulative = ZERO;
    let cost: D | null = ZERO;
    let list: D | null = ZERO;
    let onDemand = ZERO;
    let exhaustedAt: number | null = null;
    if (commitment !== null && commitment.isZero()) exhaustedAt = year.start;
    for (const sums of months.filter((m) => m.row.year === year.year)) {
      const priced = priceMonth(sums, card, licensed);
      const before = cumulative;
      cumulative = cumulative.plus(priced.pricedCost);
      cost = cost === null || priced.cost === null ? null : cost.plus(priced.cost);
      list = list === null || priced.listCost === null ? null : list.plus(priced.listCost);
      let committed = priced.pricedCost;
      let demand = ZERO;
      if (commitment !== null) {
        demand = D.max(0, cumulative.minus(commitment)).minus(D.max(0, before.minus(commitment)));
        committed = priced.pricedCost.minus(demand);
        if (exhaustedAt === null && before.lessThan(commitment) && cumulative.greaterThanOrEqualTo(commitment)) {
          exhaustedAt = crossing(sums.accruals, before, commitment) ?? sums.row.end;
        }
      }
      onDemand = onDemand.plus(demand);
      outMonths.push({
        row: sums.row,
        ...priced,
        cumulativeCost: cumulative,
        commitmentRemaining: commitment === null ? null : D.max(0, commitment.minus(cumulative)),
        committedCost: committed,
        onDemandCost: demand,
      });
    }
    outYears.push({
      year,
      rateCard: { name: card.name, files: card.files },
      cost,
      pricedCost: cumulative,
      listCost: list,
      committedCost: commitment === null ? cumulative : D.min(cumulative, commitment),
      onDemandCost: onDemand,
      unusedCommitment: commitment === null ? null : D.max(0, commitment.minus(cumulative)),
      payable: commitment === null ? cumulative : D.max(commitment, cumulative),
      exhaustedAt,
    });
  }
  return { months: outMonths, years: outYears };
}
