// What the human formats (table, Markdown) share: line items grouped by capability, the heading,
// and budget results in words.
import { D, ZERO } from '../decimal.js';
import type { Violation } from '../estimate/budget.js';
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

function amount(kind: Violation['kind'], value: D, currency: string, unit: string | null): string {
  return kind === 'unit' ? `${quantity(value)} ${unit}` : `${money(value)} ${currency}`;
}

/** One sentence per violation: what, by how much, and what drives it. */
export function describeViolation(v: Violation, currency: string): string {
  const what = v.kind === 'total' ? 'total budget' : v.kind === 'capability' ? `budget for ${v.key}` : `quota for ${v.key}`;
  const fmt = (d: D) => amount(v.kind, d, currency, v.key);
  const drivers = v.drivers.map((d) => `${d.id} ${fmt(d.amount)} (${percent(d.amount, v.actual)})`).join(', ');
  return `${what} exceeded: ${fmt(v.actual)} is over ${fmt(v.limit)} by ${fmt(v.excess)} (${percent(v.excess, v.limit)})${drivers ? `; driven by ${drivers}` : ''}`;
}

/** "Budget: 116.64 of 25,000.00 USD (0.5%), within budget" and the like, for the total. */
export function budgetLines(e: Estimate): string[] {
  const b = e.budget;
  if (!b) return [];
  const lines: string[] = [];
  if (b.total !== null) {
    const cost = e.totals.pricedCost;
    const state = b.violations.some((v) => v.kind === 'total') ? 'EXCEEDED' : b.complete ? 'within budget' : 'within budget for the priced items';
    lines.push(`Budget: ${money(cost)} of ${money(b.total)} ${e.currency} (${percent(cost, b.total) || '0%'}): ${state}`);
  }
  for (const v of b.violations.filter((x) => x.kind !== 'total')) lines.push(describeViolation(v, e.currency));
  const held = Object.keys(b.capabilities).length + Object.keys(b.units).length - b.violations.filter((v) => v.kind !== 'total').length;
  if (held > 0) lines.push(`${held} capability and unit ${held === 1 ? 'cap holds' : 'caps hold'}`);
  return lines;
}

export function hasUnpriced(e: Estimate): boolean {
  return e.totals.unpricedLineItems > 0;
}

