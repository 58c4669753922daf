// Budgets (SPEC "Estate format" budget, "Exit codes"): a total, caps by capability id (money) and
// caps by unit id (quantities: classic quotas). Each exceeded cap is a violation with the line
// items or capabilities that drive it.
import { capability } from '../capabilities.js';
import { D, settle, sum, ZERO } from '../decimal.js';
import type { LineItem, Totals } from '../pricing/price.js';

export interface BudgetSpec {
  total?: D;
  capabilities?: Record<string, D>;
  units?: Record<string, D>;
}

export interface Driver {
  id: string;
  amount: D;
}

export interface Check {
  kind: 'total' | 'capability' | 'unit';
  /** The capability or unit id; null for the total. */
  key: string | null;
  limit: D;
  actual: D;
  excess: D;
  /** What drives the amount, largest first (at most three). */
  drivers: Driver[];
  exceeded: boolean;
}

/** A check that failed. */
export type Violation = Check;

export interface BudgetResult {
  total: D | null;
  /** The estimate's cost, or null when some line items have no price. */
  cost: D | null;
  exceeded: boolean;
  /** False when unpriced line items make a money budget unverifiable. */
  complete: boolean;
  capabilities: Record<string, D>;
  units: Record<string, D>;
  /** Every cap with its actual amount, in the order total, capabilities, units. */
  checks: Check[];
  violations: Violation[];
}

function top(amounts: Map<string, D>): Driver[] {
  return [...amounts]
    .filter(([, amount]) => amount.greaterThan(0))
    .sort(([a, x], [b, y]) => y.comparedTo(x) || a.localeCompare(b))
    .slice(0, 3)
    .map(([id, amount]) => ({ id, amount }));
}

function groupBy(items: readonly LineItem[], key: (i: LineItem) => string, value: (i: LineItem) => D | null): Map<string, D> {
  const out = new Map<string, D>();
  for (const item of items) {
    const v = value(item);
    if (v !== null) out.set(key(item), (out.get(key(item)) ?? ZERO).plus(v));
  }
  return out;
}

export function evaluateBudget(spec: BudgetSpec, items: readonly LineItem[], totals: Totals): BudgetResult {
  const checks: Check[] = [];
  const violation = (kind: Check['kind'], key: string | null, limit: D, actual: D, drivers: Driver[]) => {
    // Compared as reported, so that a repeating fraction's last guard digit never tips the scale.
    const exceeded = settle(actual).greaterThan(settle(limit));
    checks.push({ kind, key, limit, actual, excess: exceeded ? actual.minus(limit) : ZERO, drivers, exceeded });
  };
  let moneyBudget = false;
  if (spec.total !== undefined) {
    moneyBudget = true;
    violation('total', null, spec.total, totals.pricedCost, top(groupBy(items, (i) => i.capabilityId, (i) => i.cost)));
  }
  for (const [id, limit] of Object.entries(spec.capabilities ?? {})) {
    moneyBudget = true;
    const own = items.filter((i) => i.capabilityId === id);
    violation('capability', id, limit, sum(own.flatMap((i) => (i.cost === null ? [] : [i.cost]))), top(groupBy(own, (i) => i.id, (i) => i.cost)));
  }
  for (const [unit, limit] of Object.entries(spec.units ?? {})) {
    const own = items.filter((i) => i.unit === unit && !capability(i.capabilityId).overage);
    violation('unit', unit, limit, totals.quantityByUnit.get(unit) ?? ZERO, top(groupBy(own, (i) => i.capabilityId, (i) => i.quantity)));
  }
  const violations = checks.filter((c) => c.exceeded);
  return {
    total: spec.total ?? null,
    cost: totals.cost,
    exceeded: violations.length > 0,
    complete: !moneyBudget || totals.unpricedLineItems === 0,
    capabilities: spec.capabilities ?? {},
    units: spec.units ?? {},
    checks,
    violations,
  };
}

export function hasBudget(spec: BudgetSpec): boolean {
  return spec.total !== undefined || Object.keys(spec.capabilities ?? {}).length > 0 || Object.keys(spec.units ?? {}).length > 0;
}
