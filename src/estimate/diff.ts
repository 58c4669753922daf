// `dtcost diff`: what changes between two estimates, line item by line item. Items are matched by
// capability, estate section and entry name, so moving an entry within its list is no change.
import { CAPABILITIES } from '../capabilities.js';
import { D, ZERO } from '../decimal.js';
import type { LineItem } from '../pricing/price.js';
import type { EstimateResult, EstimateStream } from './run.js';

export type Status = 'added' | 'removed' | 'changed' | 'unchanged';

/** What a diff keeps of a line item (not its formula: a large estate's items are many). */
export interface DiffSide {
  id: string;
  capabilityId: string;
  capability: string;
  subject: string;
  unit: string;
  quantity: D;
  cost: D | null;
}

export interface DiffRow {
  id: string;
  capabilityId: string;
  capability: string;
  subject: string;
  unit: string;
  status: Status;
  base: DiffSide | null;
  head: DiffSide | null;
  quantityDelta: D;
  /** null when either side has no price. */
  costDelta: D | null;
}

export interface Diff {
  base: EstimateResult;
  head: EstimateResult;
  rows: DiffRow[];
  /** head total − base total; null when either total is unknown. */
  costDelta: D | null;
}

const section = (path: string) => path.replace(/\[\d+\]$/, '');
const costOf = (i: DiffSide | null) => (i === null ? ZERO : i.cost);

/** Each item by its capability, section and subject (a later one of the same key wins), read as it is made. */
function sides(items: Iterable<LineItem>): Map<string, DiffSide> {
  const out = new Map<string, DiffSide>();
  for (const i of items) {
    out.set(`${i.capabilityId}|${section(i.path)}|${i.subject}`, { id: i.id, capabilityId: i.capabilityId, capability: i.capability, subject: i.subject, unit: i.unit, quantity: i.quantity, cost: i.cost });
  }
  return out;
}

/**
 * The default locale's order, as String#localeCompare gives it, without a collator made per call;
 * made when first needed (an ICU collator takes milliseconds, and every command loads this module).
 */
let collator: Intl.Collator | undefined;
const bySubject = (a: string, b: string): number => (collator ??= new Intl.Collator()).compare(a, b);

/** The two estimates, streamed: each is read once, and only what the diff needs of each item is kept. */
export function diffEstimates(base: EstimateStream, head: EstimateStream): Diff {
  const before = sides(base.lineItems);
  const after = sides(head.lineItems);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  const rows = keys.map((key): DiffRow => {
    const b = before.get(key) ?? null;
    const h = after.get(key) ?? null;
    const any = (h ?? b)!;
    const quantityDelta = (h?.quantity ?? ZERO).minus(b?.quantity ?? ZERO);
    const bc = costOf(b);
    const hc = costOf(h);
    const costDelta = bc === null || hc === null ? null : hc.minus(bc);
    const status: Status = !b ? 'added' : !h ? 'removed' : quantityDelta.isZero() && (costDelta === null || costDelta.isZero()) ? 'unchanged' : 'changed';
    return { id: any.id, capabilityId: any.capabilityId, capability: any.capability, subject: any.subject, unit: any.unit, status, base: b, head: h, quantityDelta, costDelta };
  });
  // In the order of the capability catalogue (as estimates group them), then by subject.
  const rank = new Map(CAPABILITIES.map((c, i) => [c.id, i]));
  rows.sort((a, b) => rank.get(a.capabilityId)! - rank.get(b.capabilityId)! || bySubject(a.subject, b.subject));
  const baseResult = base.tail();
  const headResult = head.tail();
  const costDelta = baseResult.totals.cost === null || headResult.totals.cost === null ? null : headResult.totals.cost.minus(baseResult.totals.cost);
  return { base: baseResult, head: headResult, rows, costDelta };
}

export interface Gate {
  /** Head total over this amount fails. */
  budget?: D;
  /** An increase over this amount (or this percentage of the base total) fails. */
  maxIncrease?: { amount: D } | { percent: D };
}

/** The gates a diff crosses, in words; empty when it passes. */
export function checkGates(diff: Diff, gate: Gate, currency: string, format: (d: D) => string): string[] {
  const failures: string[] = [];
  const total = diff.head.totals.cost;
  if (gate.budget !== undefined) {
    if (total === null) failures.push(`the budget cannot be checked: the head estimate has unpriced line items`);
    else if (total.greaterThan(gate.budget)) failures.push(`head total ${format(total)} ${currency} is over the budget of ${format(gate.budget)} ${currency} by ${format(total.minus(gate.budget))} ${currency}`);
  }
  if (gate.maxIncrease) {
    const delta = diff.costDelta;
    if (delta === null) failures.push('the increase cannot be checked: an estimate has unpriced line items');
    else if ('amount' in gate.maxIncrease) {
      if (delta.greaterThan(gate.maxIncrease.amount)) failures.push(`the increase of ${format(delta)} ${currency} is over the allowed ${format(gate.maxIncrease.amount)} ${currency}`);
    } else {
      const base = diff.base.totals.cost!;
      const percent = base.isZero() ? (delta.greaterThan(0) ? new D(Infinity) : ZERO) : delta.div(base).times(100);
      if (percent.greaterThan(gate.maxIncrease.percent)) {
        failures.push(`the increase of ${format(delta)} ${currency} (${percent.isFinite() ? `${percent.toDecimalPlaces(1).toFixed()}%` : 'from zero'}) is over the allowed ${gate.maxIncrease.percent.toFixed()}%`);
      }
    }
  }
  return failures;
}
