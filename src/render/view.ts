// What the human formats (table, Markdown) share: line items grouped by capability, the heading,
// and budget results in words.
import { D, ZERO } from '../decimal.js';
import type { Check, Violation } from '../estimate/budget.js';
import type { Estimate } from '../estimate/run.js';
import type { LineItem } from '../pricing/price.js';
import { money, percent, quantity } from './numbers.js';

export interface Group {
  capabilityId: string;
  capability: string;
  unit: string;
  items: LineItem[];
  quantity: D;
  cost: D | null;
}

export function groupByCapability(items: readonly LineItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    let g = groups.get(item.capabilityId);
    if (!g) {
      g = { capabilityId: item.capabilityId, capability: item.capability, unit: item.unit, items: [], quantity: ZERO, cost: ZERO };
      groups.set(item.capabilityId, g);
    }
    g.items.push(item);
    g.quantity = g.quantity.plus(item.quantity);
    g.cost = g.cost === null || item.cost === null ? null : g.cost.plus(item.cost);
  }
  return [...groups.values()];
}

const MODEL_LABEL = { dps: 'DPS', classic: 'classic licensing' } as const;

export function describePeriod(e: Estimate): string {
  const days = e.period.days;
  const dayText = days.equals(1) ? '1 day' : `${quantity(days)} days`;
  return `${e.period.label} (${dayText}, ${quantity(e.period.hours)} h)`;
}

/** "DPS · month (30 days, 720 h) · USD · Dynatrace list prices (built-in)" */
export function subtitle(e: Estimate): string {
  return [MODEL_LABEL[e.model], describePeriod(e), e.currency, `rates: ${e.rateCard.name}`].join(' · ');
}

function amount(kind: Check['kind'], value: D, currency: string, unit: string | null): string {
  return kind === 'unit' ? `${quantity(value)} ${unit}` : `${money(value)} ${currency}`;
}

/** One sentence per violation: what, by how much, and what drives it. */
export function describeViolation(v: Violation, currency: string): string {
  const what = v.kind === 'total' ? 'total budget' : v.kind === 'capability' ? `budget for ${v.key}` : `quota for ${v.key}`;
  const fmt = (d: D) => amount(v.kind, d, currency, v.key);
  const drivers = v.drivers.map((d) => `${d.id} ${fmt(d.amount)} (${percent(d.amount, v.actual)})`).join(', ');
  return `${what} exceeded: ${fmt(v.actual)} is over ${fmt(v.limit)} by ${fmt(v.excess)} (${percent(v.excess, v.limit)})${drivers ? `; driven by ${drivers}` : ''}`;
}

/** One line per budget check: "Budget: 116.64 of 25,000.00 USD (0.5%): within budget", then the caps. */
export function budgetLines(e: Estimate): string[] {
  const b = e.budget;
  if (!b) return [];
  return b.checks.map((c) => {
    const fmt = (d: D) => amount(c.kind, d, e.currency, c.key);
    const label = c.kind === 'total' ? 'Budget' : c.kind === 'capability' ? `Budget for ${c.key}` : `Quota for ${c.key}`;
    const within = c.kind === 'unit' ? 'within quota' : b.complete ? 'within budget' : 'within budget for the priced items';
    const state = c.exceeded ? `EXCEEDED by ${fmt(c.excess)}` : within;
    return `${label}: ${fmt(c.actual)} of ${fmt(c.limit)} (${percent(c.actual, c.limit) || '0%'}): ${state}`;
  });
}

export function hasUnpriced(e: Estimate): boolean {
  return e.totals.unpricedLineItems > 0;
}

