// `dtcost diff`: what changes between two estimates, line item by line item. Items are matched by
// capability, estate section and entry name, so moving an entry within its list is no change.
import { CAPABILITIES } from '../core/capabilities.js';
import { D, ZERO } from '../core/decimal.js';
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

/** The section of an entry's path: `synthetic.http[3]` -> `synthetic.http` (what the regex /\[\d+\]$/ strips). */
function section(path: string): string {
  const open = path.lastIndexOf('[');
  if (open < 0 || path.charCodeAt(path.length - 1) !== 93 || open + 2 >= path.length) return path;
  for (let i = open + 1; i < path.length - 1; i++) {
    const c = path.charCodeAt(i);
    if (c < 48 || c > 57) return path;
  }
  return path.slice(0, open);
}

const costOf = (i: DiffSide | null) => (i === null ? ZERO : i.cost);

const sideOf = (i: LineItem): DiffSide => ({ id: i.id, capabilityId: i.capabilityId, capability: i.capability, subject: i.subject, unit: i.unit, quantity: i.quantity, cost: i.cost });

/** Where an item is the same item in both estimates: its capability, section and subject. */
const keyOf = (i: LineItem) => `${i.capabilityId}|${section(i.path)}|${i.subject}`;

/**
 * Subjects in the order of their characters' code points (an ordinal comparison, as a byte-wise
 * sort of UTF-8 gives it): the same under every locale (LC_ALL, LANG) and every ICU version, so
 * that a diff is byte-identical wherever it runs. A locale's collation (localeCompare) is not.
 */
export function bySubject(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The two estimates, streamed: each is read once, and only what the diff needs of each item is
 * kept. Without `unchanged` (the text and Markdown, which show only changes), the unchanged rows
 * are left out as they are found: the rows then take what the diff shows, not the estates' size.
 */
export function diffEstimates(base: EstimateStream, head: EstimateStream, { unchanged = true }: { unchanged?: boolean } = {}): Diff {
  // Each key once, in the order first seen (the base's, then the head's own); a later item of the
  // same key in one estimate wins.
  const pairs = new Map<string, { b: DiffSide | null; h: DiffSide | null }>();
  for (const i of base.lineItems) {
    const key = keyOf(i);
    const pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, { b: sideOf(i), h: null });
    else pair.b = sideOf(i);
  }
  for (const i of head.lineItems) {
    const key = keyOf(i);
    const pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, { b: null, h: sideOf(i) });
    else pair.h = sideOf(i);
  }
  const rows: DiffRow[] = [];
  for (const [key, { b, h }] of pairs) {
    // Each pair is let go once its row is made (deleting the entry being visited is safe).
    pairs.delete(key);
    const any = (h ?? b)!;
    const quantityDelta = (h?.quantity ?? ZERO).minus(b?.quantity ?? ZERO);
    const bc = costOf(b);
    const hc = costOf(h);
    const costDelta = bc === null || hc === null ? null : hc.minus(bc);
    const status: Status = !b ? 'added' : !h ? 'removed' : quantityDelta.isZero() && (costDelta === null || costDelta.isZero()) ? 'unchanged' : 'changed';
    if (status === 'unchanged' && !unchanged) continue;
    rows.push({ id: any.id, capabilityId: any.capabilityId, capability: any.capability, subject: any.subject, unit: any.unit, status, base: b, head: h, quantityDelta, costDelta });
  }
  // In the order of the capability catalogue (as estimates group them), then by subject.
  const rank = new Map(CAPABILITIES.map((c, i) => [c.id, i]));
  // Each subject is placed once among the others (most subjects have several rows).
  const subjects = [...new Set(rows.map((r) => r.subject))].sort(bySubject);
  const place = new Map<string, number>();
  subjects.forEach((subject, n) => place.set(subject, n));
  rows.sort((a, b) => rank.get(a.capabilityId)! - rank.get(b.capabilityId)! || place.get(a.subject)! - place.get(b.subject)!);
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
    if (total === null) {
      const unpriced = [...diff.head.totals.costByCapability].filter(([, c]) => c === null).map(([id]) => id);
      failures.push(`the budget of ${format(gate.budget)} ${currency} cannot be checked: no price for ${unpriced.join(', ')} in the head estimate; add ${unpriced.length === 1 ? 'it' : 'them'} to a rate card (--rates)`);
    }
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
