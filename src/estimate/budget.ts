// Budgets (SPEC "Estate format" budget, "Exit codes"): a total, caps by capability id (money) and
// caps by unit id (quantities: classic quotas). Each exceeded cap is a violation with the line
// items or capabilities that drive it.
import { capability } from '../core/capabilities.js';
import { D, settle, ZERO } from '../core/decimal.js';
import type { CapabilitySum, Totals } from '../pricing/price.js';

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
  /**
   * The capabilities in the check's scope whose items have no price (money checks only): with any,
   * the check cannot be verified, and fails (a budget fails closed; it never passes on a part).
   */
  unpriced: string[];
}

/** A check that failed: exceeded, or not verifiable. */
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

function top(amounts: ReadonlyMap<string, D>): Driver[] {
  return [...amounts]
    .filter(([, amount]) => amount.greaterThan(0))
    .sort(([a, x], [b, y]) => y.comparedTo(x) || a.localeCompare(b))
    .slice(0, 3)
    .map(([id, amount]) => ({ id, amount }));
}

/**
 * What a budget is checked against, gathered as the line items are priced (no item needs to be
 * kept): each capability's sums, and the cost of each priced item of the capabilities that have a
 * cap of their own (their drivers are items).
 */
export interface BudgetBasis {
  capabilities: ReadonlyMap<string, Readonly<CapabilitySum>>;
  /** By capability id, then item id; only the capabilities the budget caps. */
  itemCosts: ReadonlyMap<string, ReadonlyMap<string, D>>;
}

export function evaluateBudget(spec: BudgetSpec, basis: BudgetBasis, totals: Totals): BudgetResult {
  const checks: Check[] = [];
  const violation = (kind: Check['kind'], key: string | null, limit: D, actual: D, drivers: Driver[], unpriced: string[] = []) => {
    // Compared as reported, so that a repeating fraction's last guard digit never tips the scale.
    const exceeded = settle(actual).greaterThan(settle(limit));
    checks.push({ kind, key, limit, actual, excess: exceeded ? actual.minus(limit) : ZERO, drivers, exceeded, unpriced });
  };
  const unpricedIn = (ids: Iterable<string>) => [...ids].filter((id) => (basis.capabilities.get(id)?.unpriced ?? 0) > 0);
  /** A figure of every capability that `matches`, by capability id. */
  const byCapability = (figure: (c: CapabilitySum) => D, matches: (id: string, c: CapabilitySum) => boolean = () => true) => {
    const out = new Map<string, D>();
    for (const [id, c] of basis.capabilities) if (matches(id, c)) out.set(id, figure(c));
    return out;
  };
  let moneyBudget = false;
  if (spec.total !== undefined) {
    moneyBudget = true;
    violation('total', null, spec.total, totals.pricedCost, top(byCapability((c) => c.priced)), unpricedIn(basis.capabilities.keys()));
  }
  for (const [id, limit] of Object.entries(spec.capabilities ?? {})) {
    moneyBudget = true;
    violation('capability', id, limit, basis.capabilities.get(id)?.priced ?? ZERO, top(basis.itemCosts.get(id) ?? new Map()), unpricedIn([id]));
  }
  for (const [unit, limit] of Object.entries(spec.units ?? {})) {
    const drivers = byCapability((c) => c.quantity, (id, c) => c.unit === unit && !capability(id).overage && capability(id).licensed === undefined);
    violation('unit', unit, limit, totals.quantityByUnit.get(unit) ?? ZERO, top(drivers));
  }
  const violations = checks.filter((c) => c.exceeded || c.unpriced.length > 0);
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
