// What the human formats (table, Markdown) share: line items grouped by capability, the heading,
// and budget results in words.
import type { D } from '../core/decimal.js';
import type { Check, Violation } from '../estimate/budget.js';
import type { EstimateHead, EstimateResult } from '../estimate/run.js';
import type { LineItem } from '../pricing/price.js';
import { money, percent, quantity } from '../core/format.js';

/** The line items of one capability, each kept as what a renderer makes of it (`T`). */
export interface Group<T> {
  capabilityId: string;
  capability: string;
  unit: string;
  rows: T[];
}

/**
 * Line items grouped by capability, in the order the capabilities first come, read as they are
 * made: each item is kept only as `keep` makes it (text, not the item), so that a large estate's
 * items need never all live at once. The groups' sums are the estimate's totals by capability.
 */
export function groupByCapability<T>(items: Iterable<LineItem>, keep: (item: LineItem) => T): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  let last: Group<T> | undefined;
  for (const item of items) {
    // Items come in runs of one capability.
    let g = last !== undefined && last.capabilityId === item.capabilityId ? last : groups.get(item.capabilityId);
    if (!g) {
      g = { capabilityId: item.capabilityId, capability: item.capability, unit: item.unit, rows: [] };
      groups.set(item.capabilityId, g);
    }
    last = g;
    g.rows.push(keep(item));
  }
  return [...groups.values()];
}

const MODEL_LABEL = { dps: 'DPS', classic: 'classic licensing' } as const;

export function describePeriod(e: Pick<EstimateHead, 'period'>): string {
  const days = e.period.days;
  const dayText = days.equals(1) ? '1 day' : `${quantity(days)} days`;
  return `${e.period.label} (${dayText}, ${quantity(e.period.hours)} h)`;
}

/** "DPS · month (30 days, 720 h) · USD · Dynatrace list prices (built-in)" */
export function subtitle(e: EstimateHead): string {
  return [MODEL_LABEL[e.model], describePeriod(e), e.currency, `rates: ${e.rateCard.name}`].join(' · ');
}

function amount(kind: Check['kind'], value: D, currency: string, unit: string | null): string {
  return kind === 'unit' ? `${quantity(value)} ${unit}` : `${money(value)} ${currency}`;
}

/** " (12.5%)", or nothing where there is no percentage (of a zero budget: `--budget 0`). */
const inParentheses = (text: string) => (text === '' ? '' : ` (${text})`);

/** One sentence per violation: what, by how much, and what drives it. */
export function describeViolation(v: Violation, currency: string): string {
  const what = v.kind === 'total' ? 'total budget' : v.kind === 'capability' ? `budget for ${v.key}` : `quota for ${v.key}`;
  const fmt = (d: D) => amount(v.kind, d, currency, v.key);
  if (!v.exceeded && v.unpriced.length > 0) {
    return `${what} of ${fmt(v.limit)} cannot be checked: no price for ${v.unpriced.join(', ')} (${fmt(v.actual)} priced so far); add ${v.unpriced.length === 1 ? 'it' : 'them'} to a rate card (--rates)`;
  }
  const drivers = v.drivers.map((d) => `${d.id} ${fmt(d.amount)}${inParentheses(percent(d.amount, v.actual))}`).join(', ');
  return `${what} exceeded: ${fmt(v.actual)} is over ${fmt(v.limit)} by ${fmt(v.excess)}${inParentheses(percent(v.excess, v.limit))}${drivers ? `; driven by ${drivers}` : ''}`;
}

/** One line per budget check: "Budget: 116.64 of 25,000.00 USD (0.5%): within budget", then the caps. */
export function budgetLines(e: EstimateResult): string[] {
  const b = e.budget;
  if (!b) return [];
  return b.checks.map((c) => {
    const fmt = (d: D) => amount(c.kind, d, e.currency, c.key);
    const label = c.kind === 'total' ? 'Budget' : c.kind === 'capability' ? `Budget for ${c.key}` : `Quota for ${c.key}`;
    const within = c.kind === 'unit' ? 'within quota' : 'within budget';
    const state = c.exceeded ? `EXCEEDED by ${fmt(c.excess)}` : c.unpriced.length > 0 ? `CANNOT BE CHECKED: no price for ${c.unpriced.join(', ')}` : within;
    return `${label}: ${fmt(c.actual)} of ${fmt(c.limit)}${inParentheses(percent(c.actual, c.limit))}: ${state}`;
  });
}

