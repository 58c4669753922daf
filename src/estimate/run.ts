// One estimate: the rules of the chosen model over a validated estate, priced by the rate card,
// totalled, checked against the budget, with every caveat as a warning.
import type { Model } from '../capabilities.js';
import type { D } from '../decimal.js';
import type { EstateData } from '../estate/schema.js';
import { priceLineItems, totalsOf, type LineItem, type PricedDraft, type Totals } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { RULES } from '../rules/index.js';
import { SECTIONS, type Rule, type Section } from '../rules/types.js';
import { evaluateBudget, hasBudget, type BudgetResult, type BudgetSpec } from './budget.js';
import { parsePeriod, type Period } from './period.js';

export interface Warning {
  code: 'not-estimated' | 'ignored' | 'unpriced' | 'provisional-price' | 'currency' | 'budget-incomplete';
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
}

export function entriesIn(estate: EstateData, section: Section): number {
  const [head, tail] = section.split('.') as [keyof EstateData, string | undefined];
  const value = tail ? (estate[head] as Record<string, unknown[]>)[tail] : estate[head];
  return Array.isArray(value) ? value.length : 0;
}

const MODEL_NAMES: Record<Model, string> = { dps: 'DPS', classic: 'classic licensing' };

function coverageWarnings(estate: EstateData, model: Model, rules: readonly Rule[]): Warning[] {
  const covered = new Set(rules.map((r) => r.section));
  const warnings: Warning[] = [];
  for (const section of SECTIONS) {
    const n = entriesIn(estate, section);
    if (n > 0 && !covered.has(section)) {
      warnings.push({
        code: 'not-estimated',
        message: `${section} (${n} ${n === 1 ? 'entry' : 'entries'}) not estimated: this version of dtcost has no ${MODEL_NAMES[model]} rule for it yet`,
      });
    }
  }
  if (estate.license) {
    warnings.push(
      model === 'dps'
        ? { code: 'ignored', message: 'license: classic contract quotas do not apply under DPS; ignored' }
        : { code: 'not-estimated', message: 'license: quotas and overages are not evaluated yet by this version of dtcost' },
    );
  }
  return warnings;
}

function priceWarnings(items: readonly LineItem[], card: RateCard, currency: string): Warning[] {
  const warnings: Warning[] = [];
  const unpriced = new Map<string, { unit: string; n: number }>();
  for (const item of items) {
    if (item.cost !== null) continue;
    const entry = unpriced.get(item.capabilityId) ?? { unit: item.unit, n: 0 };
    entry.n++;
    unpriced.set(item.capabilityId, entry);
  }
  for (const [id, { unit, n }] of unpriced) {
    const where = ['host-unit-hour', 'dem-unit', 'ddu', 'msu', 'metric'].includes(unit)
      ? 'classic unit prices come only from your own rate card (--rates)'
      : 'no public list price is known; add it to a rate card (--rates)';
    warnings.push({ code: 'unpriced', message: `no price for ${id} (unit ${unit}): ${n} line ${n === 1 ? 'item has' : 'items have'} no cost; ${where}` });
  }
  const provisional = [...new Set(items.filter((i) => i.provisional).map((i) => i.capabilityId))];
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
  const period = options.period ?? estate.period ?? parsePeriod('month')!;
  const currency = options.currency ?? estate.currency ?? card.currency;
  const rules = RULES.filter((r) => r.model === model);
  const drafts: PricedDraft[] = rules.flatMap((rule) => rule.estimate(estate, { period }).map((draft) => ({ draft, rule })));
  const lineItems = priceLineItems(drafts, card);
  const totals = totalsOf(lineItems);
  const spec: BudgetSpec = { ...estate.budget, ...(options.budgetTotal !== undefined ? { total: options.budgetTotal } : {}) };
  const budget = hasBudget(spec) ? evaluateBudget(spec, lineItems, totals) : null;
  const warnings = [...coverageWarnings(estate, model, rules), ...priceWarnings(lineItems, card, currency)];
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
