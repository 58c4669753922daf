// Actual usage against the estimate of the same estate for the same span, capability by
// capability: actual, estimated, difference, variance %, money at the rate card, and what in the
// estate would explain the difference (explain.ts).
//
// The estimate is the estimate pipeline's own (estimate/run.ts, streamed) over a period of the
// events' span; its line items are summed per capability as they come: what is billed (the sum),
// the gross (positive items) and what it subtracts (negative items: the inclusions of Full-Stack
// and Infrastructure Monitoring in metrics and traces ingest). The actual side subtracts the same
// inclusions from the gross of the events (usage.ts), so the two are compared on what is billed.
import { CAPABILITIES, capability } from '../core/capabilities.js';
import { D, ONE, settle, ZERO } from '../core/decimal.js';
import type { Warning } from '../core/messages.js';
import type { Period } from '../core/period.js';
import type { EstimateStream } from '../estimate/run.js';
import type { EstateData } from '../input/schema.js';
import type { RateCard } from '../pricing/rate-card.js';
import type { CollectedUsage, UsageFileInfo } from './collect.js';
import { explain } from './explain.js';
import type { CapabilityUsage, EntityUsage, GroupUsage } from './usage.js';

export interface EstimatedSide {
  quantity: D;
  gross: D;
  included: D;
  items: number;
  /** null when an item has no price. */
  cost: D | null;
}

export interface ActualSide {
  quantity: D;
  gross: D;
  included: D;
  events: number;
  apiRows: number;
  /** quantity × the rate card's unit price (after its discount); null when the card has no price. */
  cost: D | null;
  /** What the DPS API says was booked (v3 cost per capability), when given. */
  bookedCost: D | null;
}

export interface ReconcileRow {
  capabilityId: string;
  capability: string;
  unit: string;
  actual: ActualSide;
  estimated: EstimatedSide;
  /** actual − estimated. */
  difference: D;
  /** difference ÷ estimated × 100; null when nothing is estimated. */
  variancePercent: D | null;
  costDifference: D | null;
  /** |variance| over --max-variance (or actual usage of a capability the estimate does not have). */
  exceeded: boolean;
  explanations: string[];
  notes: string[];
  costCenters: GroupUsage[];
  products: GroupUsage[];
  entities: EntityUsage[];
}

export interface UnmappedUsage {
  eventType: string;
  unit: string;
  quantity: D;
  events: number;
}

export interface Reconciliation {
  estate: string;
  file: string;
  period: Period;
  /** The events' span: the earliest usage.start to the latest usage.end (ms since the epoch, UTC). */
  span: { start: number; end: number };
  currency: string;
  rateCard: { name: string; files: readonly string[] };
  usage: { files: UsageFileInfo[]; events: number; distinctEvents: number; duplicates: number; otherKinds: number };
  rows: ReconcileRow[];
  unmapped: UnmappedUsage[];
  totals: { actualCost: D | null; estimatedCost: D | null; difference: D | null; variancePercent: D | null; bookedCost: D | null; bookedCurrency: string | null };
  maxVariancePercent: D | null;
  /** Capability ids whose variance is over --max-variance. */
  exceeded: string[];
  notes: string[];
  /** The estimate's warnings and notes. */
  warnings: Warning[];
}

const HUNDRED = new D(100);

/** The estimate's line items summed per capability (read once, as they are made). */
export function sumEstimate(stream: EstimateStream): Map<string, EstimatedSide> {
  const sums = new Map<string, EstimatedSide>();
  for (const item of stream.lineItems) {
    let s = sums.get(item.capabilityId);
    if (!s) sums.set(item.capabilityId, (s = { quantity: ZERO, gross: ZERO, included: ZERO, items: 0, cost: ZERO }));
    s.quantity = s.quantity.plus(item.quantity);
    if (item.quantity.isNegative()) s.included = s.included.minus(item.quantity);
    else s.gross = s.gross.plus(item.quantity);
    s.items++;
    s.cost = s.cost === null || item.cost === null ? null : s.cost.plus(item.cost);
  }
  return sums;
}

/** The card's price of a capability after its discount, or null. */
function priceOf(card: RateCard, capabilityId: string): D | null {
  const cap = capability(capabilityId);
  const price = card.prices.get(cap.id) ?? card.prices.get(cap.unit);
  return price ? price.unitPrice.times(ONE.minus(card.discount)) : null;
}

export function variance(actual: D, estimated: D): D | null {
  return estimated.isZero() ? null : actual.minus(estimated).div(estimated).times(HUNDRED);
}

export interface ReconcileInput {
  usage: CollectedUsage;
  estimate: EstimateStream;
  estate: EstateData;
  card: RateCard;
  span: { start: number; end: number };
  maxVariancePercent?: D;
}

export function reconcile(input: ReconcileInput): Reconciliation {
  const { usage, estimate, estate, card, span } = input;
  const estimated = sumEstimate(estimate);
  const tail = estimate.tail();
  const actualById = new Map<string, CapabilityUsage>();
  const unmapped: UnmappedUsage[] = [];
  for (const c of usage.totals.capabilities) {
    if (c.capabilityId) actualById.set(c.capabilityId, c);
    else unmapped.push({ eventType: c.eventTypes[0] ?? c.key, unit: c.unit, quantity: c.quantity, events: c.events });
  }
  const max = input.maxVariancePercent ?? null;
  const rows: ReconcileRow[] = [];
  for (const cap of CAPABILITIES) {
    if (cap.model !== 'dps') continue;
    const a = actualById.get(cap.id);
    const e = estimated.get(cap.id);
    if (!a && !e) continue;
    const price = priceOf(card, cap.id);
    const actualQuantity = a?.quantity ?? ZERO;
    const actual: ActualSide = {
      quantity: actualQuantity,
      gross: a?.gross ?? ZERO,
      included: a?.included ?? ZERO,
      events: a?.events ?? 0,
      apiRows: a?.apiRows ?? 0,
      cost: price === null ? null : actualQuantity.times(price),
      bookedCost: a?.bookedCost ?? null,
    };
    const est: EstimatedSide = e ?? { quantity: ZERO, gross: ZERO, included: ZERO, items: 0, cost: price === null ? null : ZERO };
    // Each side as it is reported (34 digits): a repeating fraction worked at 50 digits (hours of
    // a 1-hour period in days) must not show as a difference in the 49th place.
    const difference = settle(actual.quantity).minus(settle(est.quantity));
    const pct = variance(settle(actual.quantity), settle(est.quantity));
    const exceeded = max !== null && (pct === null ? actual.quantity.greaterThan(0) : pct.abs().greaterThan(max));
    const row: ReconcileRow = {
      capabilityId: cap.id,
      capability: cap.name,
      unit: cap.unit,
      actual,
      estimated: est,
      difference,
      variancePercent: pct,
      costDifference: actual.cost !== null && est.cost !== null ? settle(actual.cost).minus(settle(est.cost)) : null,
      exceeded,
      explanations: [],
      notes: a?.notes ?? [],
      costCenters: a?.costCenters ?? [],
      products: a?.products ?? [],
      entities: a?.entities ?? [],
    };
    rows.push(row);
  }
  const period = estimate.period;
  for (const row of rows) row.explanations = explain(row, { estate, period, actual: actualById, rows });

  const sumCosts = (pick: (r: ReconcileRow) => D | null): D | null => rows.reduce<D | null>((t, r) => (t === null || pick(r) === null ? null : t.plus(pick(r)!)), ZERO);
  const actualCost = sumCosts((r) => r.actual.cost);
  const estimatedCost = sumCosts((r) => r.estimated.cost);
  const booked = usage.totals.bookedTotal;
  const bookedByCapability = rows.filter((r) => r.actual.bookedCost !== null);
  const bookedCost = booked ? booked.value : bookedByCapability.length > 0 ? bookedByCapability.reduce((t, r) => t.plus(r.actual.bookedCost!), ZERO) : null;
  const bookedCurrencies = new Set([...usage.totals.capabilities.map((c) => c.bookedCurrency), booked?.currency ?? null].filter((c): c is string => c !== null));

  const notes = [...usage.notes, ...usage.totals.notes];
  if (usage.duplicates > 0) notes.push(`${usage.duplicates.toLocaleString('en-US')} refreshed ${usage.duplicates === 1 ? 'copy' : 'copies'} of events dropped: each event.id and event.type counted once (the copy with the latest timestamp)`);
  if (estate.licensing === 'classic') notes.push('the estate is licensed classic; billing usage events are DPS usage, so it is reconciled under DPS');
  if (unmapped.length > 0) notes.push(`${unmapped.map((u) => `"${u.eventType}"`).join(', ')}: in preview, with no rate-card line; shown, not compared`);
  if (booked?.lastBookingDate) notes.push(`the DPS API's booked cost runs to its last booking date, ${booked.lastBookingDate}`);
  if (bookedCost !== null && card.files.length === 0) notes.push('booked cost is at the contract\'s rates; the actual and estimated costs here are at list prices (pass your rate card with --rates to compare money)');

  return {
    estate: tail.estate,
    file: tail.file,
    period,
    span,
    currency: tail.currency,
    rateCard: tail.rateCard,
    usage: { files: usage.files, events: usage.totals.events, distinctEvents: usage.distinctEvents, duplicates: usage.duplicates, otherKinds: usage.totals.otherKinds },
    rows,
    unmapped,
    totals: {
      actualCost,
      estimatedCost,
      difference: actualCost !== null && estimatedCost !== null ? actualCost.minus(estimatedCost) : null,
      variancePercent: actualCost !== null && estimatedCost !== null ? variance(actualCost, estimatedCost) : null,
      bookedCost,
      bookedCurrency: bookedCurrencies.size === 1 ? [...bookedCurrencies][0]! : null,
    },
    maxVariancePercent: max,
    exceeded: rows.filter((r) => r.exceeded).map((r) => r.capabilityId),
    notes,
    warnings: tail.warnings,
  };
}
