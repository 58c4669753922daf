// One estimate: the rules of the chosen model over a validated estate, priced by the rate card,
// totalled, checked against the budget, with every caveat as a warning.
import { capability, unitModel, type Model } from '../capabilities.js';
import { toPlain, type D } from '../decimal.js';
import type { ActivitySummary } from '../estate/activity.js';
import type { EstateData } from '../estate/schema.js';
import { pricer, TotalsBuilder, type LineItem, type Totals } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { RULES } from '../rules/index.js';
import { sectionEntries, SECTIONS } from '../estate/sections.js';
import type { Rule } from '../rules/types.js';
import { evaluateBudget, hasBudget, type BudgetResult, type BudgetSpec } from './budget.js';
import { parsePeriod, type Period } from './period.js';

export interface Warning {
  code: 'not-estimated' | 'note' | 'ignored' | 'unpriced' | 'provisional-price' | 'currency' | 'budget-incomplete' | 'budget-scaled';
  message: string;
}

export interface Estimate {
  estate: string;
  file: string;
  model: Model;
  period: Period;
  currency: string;
  rateCard: { name: string; files: readonly string[] };
  lineItems: LineItem[];
  totals: Totals;
  budget: BudgetResult | null;
  warnings: Warning[];
}

export interface EstimateOptions {
  model?: Model;
  period?: Period;
  currency?: string;
  /** Overrides the estate's budget.total. */
  budgetTotal?: D;
  /** Summaries of the estate's activity files, by activity entry name. */
  activity?: ReadonlyMap<string, ActivitySummary>;
  /** Where an entry of the estate really is (merged estates); by default, `file` at the same path. */
  origin?: (path: string) => { file: string; path: string } | undefined;
}

/** Units of classic licensing: no public price, priced per unit by a user's rate card. */
const CLASSIC_UNITS = ['host-unit-hour', 'dem-unit', 'ddu', 'msu', 'metric'];

const MONTH = parsePeriod('month')!;

const MODEL_NAMES: Record<Model, string> = { dps: 'DPS', classic: 'classic licensing' };

/** Sections and quotas the given rules leave unestimated (exported for tests: today's rules cover all). */
export function coverageWarnings(estate: EstateData, model: Model, rules: readonly Rule[]): Warning[] {
  const covered = new Set(rules.flatMap((r) => r.sections));
  const warnings: Warning[] = [];
  for (const section of SECTIONS) {
    const n = sectionEntries(estate, section).length;
    if (n > 0 && !covered.has(section)) {
      warnings.push({
        code: 'not-estimated',
        message: `${section} (${n} ${n === 1 ? 'entry' : 'entries'}) not estimated: this version of dtcost has no ${MODEL_NAMES[model]} rule for it yet`,
      });
    }
  }
  if (estate.license) {
    const quotas = ['hostUnits', 'hostUnitHours', 'demUnits', 'ddus', 'customMetrics', 'logStorageGiB', 'logStorageDays'].filter((k) => estate.license![k as keyof typeof estate.license] !== undefined);
    const evaluated = new Set(rules.flatMap((r) => r.licenseKeys ?? []));
    const open = quotas.filter((k) => !evaluated.has(k));
    if (model === 'dps' && quotas.length > 0) warnings.push({ code: 'ignored', message: 'license: classic contract quotas do not apply under DPS; ignored' });
    else if (open.length > 0) warnings.push({ code: 'not-estimated', message: `${open.map((k) => `license.${k}`).join(', ')}: not evaluated yet by this version of dtcost` });
  }
  return warnings;
}

function priceWarnings(items: readonly LineItem[], card: RateCard, currency: string): Warning[] {
  const warnings: Warning[] = [];
  // One warning per unpriced unit for classic units (priced per unit), per capability otherwise.
  const unpriced = new Map<string, { ids: Set<string>; n: number; classic: boolean }>();
  for (const item of items) {
    if (item.cost !== null) continue;
    const classic = CLASSIC_UNITS.includes(item.unit) && !capability(item.capabilityId).overage;
    const key = classic ? item.unit : item.capabilityId;
    const entry = unpriced.get(key) ?? { ids: new Set<string>(), n: 0, classic };
    entry.ids.add(item.capabilityId);
    entry.n++;
    unpriced.set(key, entry);
  }
  for (const [key, { ids, n, classic }] of unpriced) {
    const items = `${n} line ${n === 1 ? 'item has' : 'items have'} no cost`;
    warnings.push({
      code: 'unpriced',
      message: classic
        ? `no price for ${key} (${[...ids].join(', ')}): ${items}; classic unit prices come only from your own rate card (--rates)`
        : capability(key).overage
          ? `no price for ${key}: ${items}; overages are priced only by their own id (a unit price would charge them twice): add ${key} to your rate card`
          : `no price for ${key}: ${items}; no public list price is known, add one to a rate card (--rates)`,
    });
  }
  const provisionalIds = new Set<string>();
  for (const i of items) if (i.provisional) provisionalIds.add(i.capabilityId);
  const provisional = [...provisionalIds];
  if (provisional.length > 0) {
    warnings.push({
      code: 'provisional-price',
      message: `provisional prices (grade S: secondary sources, not verified) for ${provisional.join(', ')}; confirm them or pass your rate card (--rates)`,
    });
  }
  if (currency !== card.currency && items.some((i) => i.cost !== null)) {
    warnings.push({ code: 'currency', message: `prices are in ${card.currency} but amounts are labelled ${currency}: nothing is converted` });
  }
  return warnings;
}

export function runEstimate(estate: EstateData, card: RateCard, file: string, options: EstimateOptions = {}): Estimate {
  const model = options.model ?? estate.licensing;
  const period = options.period ?? estate.period ?? MONTH;
  const currency = options.currency ?? estate.currency ?? card.currency;
  const rules = RULES.filter((r) => r.model === model);
  const notes: string[] = [];
  const lineItems: LineItem[] = [];
  const sums = new TotalsBuilder();
  // A rule's items are priced once it has returned them all: while it runs, `prior` (the sums so
  // far) holds just the items of the rules before it.
  const context = { period, activity: options.activity ?? new Map(), note: (message: string) => notes.push(message), prior: sums };
  const price = pricer(card);
  for (const rule of rules) {
    // A loop, not lineItems.push(...drafts): a rule may return more items than a call takes arguments.
    for (const draft of rule.estimate(estate, context)) {
      const origin = options.origin?.(draft.path);
      const item = price(origin ? { ...draft, path: origin.path } : draft, rule, origin?.file ?? file);
      lineItems.push(item);
      sums.add(item);
    }
  }
  const totals = sums.totals();
  const warnings = [
    ...coverageWarnings(estate, model, rules),
    ...[...new Set(notes)].map((message): Warning => ({ code: 'note', message })),
    ...priceWarnings(lineItems, card, currency),
  ];
  // A cap on a capability (or a unit) of the other licensing model would check nothing: say so, skip it.
  const ownModel = <T>(record: Record<string, T> | undefined, kind: 'capabilities' | 'units', modelOf: (key: string) => Model | undefined) =>
    Object.fromEntries(
      Object.entries(record ?? {}).filter(([key]) => {
        const of = modelOf(key);
        if (of !== undefined && of !== model) warnings.push({ code: 'ignored', message: `budget.${kind}.${key}: a ${MODEL_NAMES[of]} ${kind === 'units' ? 'unit' : 'capability'}; not checked under ${MODEL_NAMES[model]}` });
        return of === undefined || of === model;
      }),
    );
  const capabilities = ownModel(estate.budget?.capabilities, 'capabilities', (id) => capability(id).model);
  const units = ownModel(estate.budget?.units, 'units', unitModel);
  // The estate's budget is per the estate's own period; an estimate over another period scales it
  // (a budget of 25,000 a month is 304,166.67 a year). --budget is per the period estimated.
  const estatePeriod = estate.period ?? MONTH;
  const scale = (v: D) => v.times(period.days).div(estatePeriod.days);
  const scaled = (r: Record<string, D> | undefined) => Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, scale(v)]));
  const spec: BudgetSpec = {
    ...(estate.budget?.total !== undefined ? { total: scale(estate.budget.total) } : {}),
    capabilities: scaled(capabilities),
    units: scaled(units),
    ...(options.budgetTotal !== undefined ? { total: options.budgetTotal } : {}),
  };
  const budget = hasBudget(spec) ? evaluateBudget(spec, lineItems, totals) : null;
  if (budget && estate.budget && !period.days.equals(estatePeriod.days)) {
    warnings.push({ code: 'budget-scaled', message: `the estate's budget is per ${estatePeriod.label}; scaled × ${toPlain(period.days)} d / ${toPlain(estatePeriod.days)} d to the ${period.label} estimated` });
  }
  if (budget && !budget.complete) {
    warnings.push({
      code: 'budget-incomplete',
      message: `the budget is checked against priced line items only: ${totals.unpricedLineItems} line ${totals.unpricedLineItems === 1 ? 'item has' : 'items have'} no price`,
    });
  }
  return {
    estate: estate.name ?? file,
    file,
    model,
    period,
    currency,
    rateCard: { name: card.name, files: card.files },
    lineItems,
    totals,
    budget,
    warnings,
  };
}
