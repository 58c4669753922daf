// `dtcost diff`: what changes between two estimates, line item by line item. Items are matched by
// capability, estate section and entry name, so moving an entry within its list is no change.
import { CAPABILITIES } from '../capabilities.js';
import { D, ZERO } from '../decimal.js';
import type { LineItem } from '../pricing/price.js';
import type { Estimate } from './run.js';

export type Status = 'added' | 'removed' | 'changed' | 'unchanged';

export interface DiffRow {
  id: string;
  capabilityId: string;
  capability: string;
  subject: string;
  unit: string;
  status: Status;
  base: LineItem | null;
  head: LineItem | null;
  quantityDelta: D;
  /** null when either side has no price. */
  costDelta: D | null;
}

export interface Diff {
  base: Estimate;
  head: Estimate;
  rows: DiffRow[];
  /** head total − base total; null when either total is unknown. */
  costDelta: D | null;
}

const section = (path: string) => path.replace(/\[\d+\]$/, '');
const keyOf = (i: LineItem) => `${i.capabilityId}|${section(i.path)}|${i.subject}`;
const costOf = (i: LineItem | null) => (i === null ? ZERO : i.cost);

export function diffEstimates(base: Estimate, head: Estimate): Diff {
  const before = new Map(base.lineItems.map((i) => [keyOf(i), i]));
  const after = new Map(head.lineItems.map((i) => [keyOf(i), i]));
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
  rows.sort((a, b) => rank.get(a.capabilityId)! - rank.get(b.capabilityId)! || a.subject.localeCompare(b.subject));
  const costDelta = base.totals.cost === null || head.totals.cost === null ? null : head.totals.cost.minus(base.totals.cost);
  return { base, head, rows, costDelta };
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
