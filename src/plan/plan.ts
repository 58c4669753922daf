// `dtcost plan`: an estate over a contract, month by month, per scenario: quantities and cost by
// capability, each contract year's cost against its commitment (DPS) or its licensed quotas
// (classic), and what is on demand or over the quota.
import { capability, type Model } from '../core/capabilities.js';
import { ZERO, type D } from '../core/decimal.js';
import { warning, type Warning } from '../core/messages.js';
import { coverageWarnings } from '../estimate/run.js';
import type { ActivitySummary } from '../input/activity.js';
import type { EstateData } from '../input/schema.js';
import type { RateCard } from '../pricing/rate-card.js';
import { RULES } from '../rules/index.js';
import { accountHostUnits, licensedCapabilities } from '../rules/kit/quota.js';
import type { Rule } from '../rules/types.js';
import { classicQuotas, withNotMonitored, type QuotaPlan } from './classic.js';
import { burnDown, type PlanMonth, type PlanYear } from './commitment.js';
import { ordered, PlanEngine } from './engine.js';
import type { Scenario } from './factors.js';
import type { PreparedPlan } from './prepare.js';
import type { MonthRow } from './timeline.js';

export interface PlanOptions {
  model?: Model;
  currency?: string;
  /** The rate card of each contract year (the last repeats). */
  cards: readonly RateCard[];
  /** The activity files' runs in a month, by activity entry name. */
  activity?: (row: MonthRow) => ReadonlyMap<string, ActivitySummary>;
  rules?: readonly Rule[];
}

export interface ScenarioPlan {
  scenario: Scenario;
  months: PlanMonth[];
  years: PlanYear[];
  /** Classic: the licensed quotas, month by month and year by year (none under DPS). */
  quotas: QuotaPlan[];
  totals: { cost: D | null; pricedCost: D; onDemandCost: D; unusedCommitment: D | null; payable: D };
}

export interface PlanResult {
  estate: string;
  file: string;
  model: Model;
  currency: string;
  contract: { start: number; end: number; years: number };
  scenarios: ScenarioPlan[];
  warnings: Warning[];
}

/** The classic quotas the plan accounts for itself, contract year by contract year. */
export const PLAN_QUOTAS = ['hostUnits', 'hostUnitHours', 'demUnits', 'ddus'] as const;

/**
 * The estate the rules read in a plan: no budget (the plan has its gates); classic quotas are the
 * plan's (classic.ts), over contract years: the license's and the environments' host units are
 * taken from what the rules read, so that they make no licensed, overage or not-monitored lines of
 * their own (nothing is counted twice).
 */
export function stripForPlan(data: EstateData, model: Model): EstateData {
  const { budget: _budget, ...rest } = data;
  if (model !== 'classic') return rest as EstateData;
  const environments = data.environments.some((e) => e.hostUnits !== undefined) ? data.environments.map(({ hostUnits: _hostUnits, ...e }) => e) : data.environments;
  if (!data.license) return { ...rest, environments } as EstateData;
  const license = { ...data.license };
  for (const key of PLAN_QUOTAS) delete license[key];
  // With DDUs, custom metrics were converted to DDUs (rules/kit/quota.ts customMetricLicensing): the
  // DDUs the plan keeps must not make the rules count metrics as custom metrics again.
  if (data.license.ddus !== undefined) delete license.customMetrics;
  return { ...rest, environments, license } as EstateData;
}

/** The engine of a prepared plan (for explain: a month of it the plain way). */
export function planEngine(plan: PreparedPlan, options: PlanOptions): PlanEngine {
  const model = options.model ?? plan.data.licensing;
  const allotted = model === 'classic' ? accountHostUnits(plan.data) : undefined;
  return new PlanEngine({
    data: stripForPlan(plan.data, model),
    file: plan.base.file,
    model,
    currency: options.currency ?? plan.data.currency ?? options.cards[0]!.currency,
    time: plan.time,
    factors: plan.factors,
    scenarios: plan.scenarios,
    cards: options.cards,
    origin: plan.origin,
    ...(options.activity ? { activity: options.activity } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(allotted ? { allottedHostUnits: allotted } : {}),
    ...(model === 'classic' ? { licensed: licensedCapabilities(plan.data) } : {}),
  });
}

/**
 * Classic: the licensed quotas are the year's commitment (at the card's unit prices) and their
 * overage is what comes on top, month by month; the months keep the value of what is consumed.
 */
function applyQuotas(months: PlanMonth[], years: PlanYear[], quotas: readonly QuotaPlan[]): void {
  // The overages the rules make themselves (custom metrics, log storage: quotas the plan does not
  // keep over the contract) are paid on top, as their lines are priced.
  const ruleOverage = (m: PlanMonth) => m.capabilities.reduce((t, c) => (capability(c.capabilityId).overage && c.cost !== null ? t.plus(c.cost) : t), ZERO);
  const ofYear = new Map<number, D>();
  for (const m of months) {
    const own = ruleOverage(m);
    ofYear.set(m.row.year, (ofYear.get(m.row.year) ?? ZERO).plus(own));
    const overage = quotas.reduce((t, q) => t.plus(q.months[m.row.index]?.overageCost ?? ZERO), own);
    m.committedCost = ZERO;
    m.onDemandCost = overage;
  }
  for (const y of years) {
    const qy = quotas.map((q) => q.years.find((x) => x.year === y.year.year)!);
    const committed = qy.some((q) => q.committedCost === null) ? null : qy.reduce((t, q) => t.plus(q.committedCost!), ZERO);
    const overage = qy.reduce((t, q) => t.plus(q.overageCost ?? ZERO), ofYear.get(y.year.year) ?? ZERO);
    const exceeded = qy.map((q) => q.exceededAt).filter((x): x is number => x !== null);
    y.year = { ...y.year, commitment: quotas.length === 0 ? null : committed };
    y.committedCost = committed ?? ZERO;
    y.onDemandCost = overage;
    y.unusedCommitment = null;
    // Without quotas, classic is pay as you go: what is consumed, at the card's unit prices.
    y.payable = quotas.length === 0 ? y.pricedCost : (committed ?? ZERO).plus(overage);
    y.exhaustedAt = exceeded.length === 0 ? null : Math.min(...exceeded);
  }
}

export function runPlan(plan: PreparedPlan, options: PlanOptions): PlanResult {
  const model = options.model ?? plan.data.licensing;
  const engine = planEngine(plan, options);
  const sums = engine.run();
  const classic = model === 'classic';
  const contractYears = classic ? plan.time.years.map((y) => ({ ...y, commitment: null })) : plan.time.years;
  const scenarios = plan.scenarios.map((scenario): ScenarioPlan => {
    const engineSums = sums.get(scenario.name)!;
    const quotas = classic ? classicQuotas({ data: stripForPlan(plan.data, 'dps'), time: plan.time, factors: plan.factors, cards: options.cards, ...(options.activity ? { activity: options.activity } : {}) }, engineSums, scenario) : [];
    // What the quotas stop (no overages) is not monitored: the months' units say what is.
    const monthSums = classic ? withNotMonitored(engineSums, quotas, ordered) : engineSums;
    const { months, years } = burnDown(monthSums, contractYears, options.cards, classic ? licensedCapabilities(plan.data) : []);
    if (classic) applyQuotas(months, years, quotas);
    const total = (pick: (y: PlanYear) => D | null) => years.reduce<D | null>((t, y) => (t === null || pick(y) === null ? null : t.plus(pick(y)!)), ZERO);
    return {
      scenario,
      months,
      years,
      quotas,
      totals: {
        cost: total((y) => y.cost),
        pricedCost: total((y) => y.pricedCost)!,
        onDemandCost: total((y) => y.onDemandCost)!,
        unusedCommitment: total((y) => y.unusedCommitment),
        payable: total((y) => y.payable)!,
      },
    };
  });
  const rules = (options.rules ?? RULES).filter((r) => r.model === model);
  return {
    estate: plan.data.name ?? plan.base.file,
    file: plan.base.file,
    model,
    currency: options.currency ?? plan.data.currency ?? options.cards[0]!.currency,
    contract: { start: plan.time.start, end: plan.time.end, years: plan.time.years.length },
    scenarios,
    warnings: [
      ...coverageWarnings(plan.data, model, rules),
      ...(classic && plan.data.contract?.commitments !== undefined ? [warning('plan-commitments-classic', {})] : []),
      ...engine.warnings.values(),
    ],
  };
}
