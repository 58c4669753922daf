// One estimate: the rules of the chosen model over a validated estate, priced by the rate card,
// totalled, checked against the budget, with every caveat as a warning. Streamed: the line items
// are made as they are read, and what they add up to is gathered on the way.
import { capability, unitModel, type Model } from '../core/capabilities.js';
import { toPlain, ZERO, type D } from '../core/decimal.js';
import type { ActivitySummary } from '../input/activity.js';
import { checkHeap } from '../input/memory.js';
import type { EstateData } from '../input/schema.js';
import { pricer, TotalsBuilder, type LineItem, type Totals } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { RULES } from '../rules/index.js';
import { licensedCapabilities } from '../rules/kit/quota.js';
import { evaluationOrder } from '../rules/order.js';
import { sectionEntries, SECTIONS } from '../input/sections.js';
import type { LineItemDraft, Rule, RuleContext } from '../rules/types.js';
import { n } from '../core/text.js';
import { warning, type Warning } from '../core/messages.js';
import { evaluateBudget, hasBudget, type BudgetResult, type BudgetSpec } from './budget.js';
import { priceWarnings } from './price-warnings.js';
import { parsePeriod, type Period } from '../core/period.js';

export type { Warning } from '../core/messages.js';

/** What an estimate is of: known before any line item. */
export interface EstimateHead {
  estate: string;
  file: string;
  model: Model;
  period: Period;
  currency: string;
  rateCard: { name: string; files: readonly string[] };
}

/** What the line items add up to: known once they all have been made. */
export interface EstimateTail {
  /** The document of every rule that made an item, once per rule, in the order the items came. */
  rules: Record<string, { doc: string }>;
  totals: Totals;
  budget: BudgetResult | null;
  warnings: Warning[];
}

/** An estimate without its line items: what is left once they have been written. */
export type EstimateResult = EstimateHead & EstimateTail;

export interface Estimate extends EstimateHead, EstimateTail {
  lineItems: LineItem[];
}

/**
 * An estimate whose line items are made as they are read, so that a large estate's items never
 * all live at once (JSON and CSV write each as it comes). Read `lineItems` once, then `tail()`.
 */
export interface EstimateStream extends EstimateHead {
  lineItems: Iterable<LineItem>;
  /** The estimate without its line items, totals, budget and warnings included. */
  tail(): EstimateResult;
}

export interface EstimateOptions {
  model?: Model;
  period?: Period;
  currency?: string;
  /** Overrides the estate's budget.total. */
  budgetTotal?: D;
  /** Summaries of the estate's activity files, by activity entry name. */
  activity?: ReadonlyMap<string, ActivitySummary>;
  /** The rules to run (tests); by default the catalogue's rules of the model. */
  rules?: readonly Rule[];
  /** Where an entry of the estate really is (merged estates); by default, `file` at the same path. */
  origin?: (path: string) => { file: string; path: string } | undefined;
  /**
   * Plans (src/plan): a factor on an item, chosen by its draft (the entry's path), applied as the
   * item is made, before a later rule reads the quantities (so that inclusions, free tiers and
   * quotas see the scaled ones). The formula keeps the base quantity and says what the factor is.
   */
  scale?: (draft: LineItemDraft) => { factor: D; text: string } | undefined;
  /** Plans: quantities by capability of items made outside this run, which the rules read (`prior`) with their own. */
  prior?: ReadonlyMap<string, D>;
  /** Plans, classic: the allotted host units the rules' estate no longer says (RuleContext.allottedHostUnits). */
  allottedHostUnits?: D;
  /** Plans, classic: the licensed quotas of the estate as written (the rules' estate no longer says them), for pricing. */
  licensed?: readonly string[];
}

/** A draft times the factor `scale` gives it, its formula extended: `… = 11,904; × 1.02 growth`. */
function withFactor(draft: LineItemDraft, scale: NonNullable<EstimateOptions['scale']>): LineItemDraft {
  const s = scale(draft);
  return s ? { ...draft, quantity: draft.quantity.times(s.factor), formula: `${draft.formula} = ${n(draft.quantity)}; ${s.text}` } : draft;
}

const MONTH = parsePeriod('month')!;

const MODEL_NAMES: Record<Model, string> = { dps: 'DPS', classic: 'classic licensing' };

/** Sections and quotas the given rules leave unestimated (exported for tests: today's rules cover all). */
export function coverageWarnings(estate: EstateData, model: Model, rules: readonly Rule[]): Warning[] {
  const covered = new Set(rules.flatMap((r) => r.sections));
  const warnings: Warning[] = [];
  for (const section of SECTIONS) {
    const n = sectionEntries(estate, section).length;
    if (n > 0 && !covered.has(section)) {
      warnings.push(warning('section-not-estimated', { section, entries: n, model: MODEL_NAMES[model] }));
    }
  }
  if (estate.license) {
    const quotas = ['hostUnits', 'hostUnitHours', 'demUnits', 'ddus', 'customMetrics', 'logStorageGiB', 'logStorageDays', 'logStorageGiBPerDay'].filter((k) => estate.license![k as keyof typeof estate.license] !== undefined);
    const evaluated = new Set(rules.flatMap((r) => r.licenseKeys ?? []));
    const open = quotas.filter((k) => !evaluated.has(k));
    if (model === 'dps' && quotas.length > 0) warnings.push(warning('license-ignored-under-dps', {}));
    else if (open.length > 0) warnings.push(warning('license-not-evaluated', { keys: open }));
  }
  return warnings;
}

/**
 * What a rule may read of the others: the quantities of the capabilities it declares in `after`,
 * fixed as it starts (a rule may yield its items as they are read; it never sees its own).
 */
function priorOf(rule: Rule, sums: ReadonlyMap<string, D>): (capabilityId: string, environment?: string) => D {
  const declared = new Map((rule.after ?? []).map((id) => [id, sums.get(id) ?? ZERO]));
  return (capabilityId, environment) => {
    const value = declared.get(capabilityId);
    if (value === undefined) throw new Error(`rule ${rule.id} read ${capabilityId}, which it does not declare in after`);
    return environment === undefined ? value : (sums.get(inEnvironment(capabilityId, environment)) ?? ZERO);
  };
}

/** The key of a capability's sum within one environment (classic items say theirs). */
const inEnvironment = (capabilityId: string, environment: string) => `${capabilityId}\u0000${environment}`;

/** A collected estimate, read as a stream (by the renderers that write one). */
export function asStream(e: Estimate): EstimateStream {
  return { ...e, tail: () => e };
}

/** The estimate, collected: every line item in one array (for tests, and callers that want them all). */
export function runEstimate(estate: EstateData, card: RateCard, file: string, options: EstimateOptions = {}): Estimate {
  const stream = streamEstimate(estate, card, file, options);
  const lineItems: LineItem[] = [];
  for (const item of stream.lineItems) lineItems.push(item);
  return { ...stream.tail(), lineItems };
}

/**
 * One estimate, streamed: the rules run, and their items are priced, as `lineItems` is read; the
 * totals, the budget check and the warnings are gathered on the way, with nothing kept per item
 * but the costs of the items of a capability the budget caps.
 */
export function streamEstimate(estate: EstateData, card: RateCard, file: string, options: EstimateOptions = {}): EstimateStream {
  const model = options.model ?? estate.licensing;
  const period = options.period ?? estate.period ?? MONTH;
  const currency = options.currency ?? estate.currency ?? card.currency;
  const rules = (options.rules ?? RULES).filter((r) => r.model === model);

  // The budget is worked out first (its scale, and the caps of the other model left out) so that
  // the items of a capped capability are known as they come.
  const ignored: Warning[] = [];
  // A cap on a capability (or a unit) of the other licensing model would check nothing: say so, skip it.
  const ownModel = <T>(record: Record<string, T> | undefined, kind: 'capabilities' | 'units', modelOf: (key: string) => Model | undefined) =>
    Object.fromEntries(
      Object.entries(record ?? {}).filter(([key]) => {
        const of = modelOf(key);
        if (of !== undefined && of !== model) ignored.push(warning('budget-cap-other-model', { kind, key, of: MODEL_NAMES[of], model: MODEL_NAMES[model] }));
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
  const itemCosts = new Map(Object.keys(spec.capabilities ?? {}).map((id) => [id, new Map<string, D>()]));

  const notes = new Map<string, Warning>();
  const sums = new TotalsBuilder();
  const rulesUsed: Record<string, { doc: string }> = {};
  const price = pricer(card, model === 'classic' ? (options.licensed ?? licensedCapabilities(estate)) : []);
  let done = false;

  function* lineItems(): Generator<LineItem> {
    const activity = options.activity ?? new Map<string, ActivitySummary>();
    const note: RuleContext['note'] = (id, params) => {
      const w = warning(id, params);
      if (!notes.has(w.message)) notes.set(w.message, w);
    };
    // What the rules read of each other: the quantity of each capability some rule reads.
    const read = new Set(rules.flatMap((r) => r.after ?? []));
    const readSums = new Map<string, D>(options.prior ?? []);
    const scale = options.scale;
    // Rules run in the order their reads need and their items are listed in the catalogue's: a
    // rule evaluated before its turn to be listed has its items kept until then (none is today).
    const order = evaluationOrder(rules);
    const kept = new Map<Rule, LineItem[]>();
    let listed = 0;
    for (const rule of order) {
      const context: RuleContext = { period, activity, note, prior: priorOf(rule, readSums), ...(options.allottedHostUnits ? { allottedHostUnits: options.allottedHostUnits } : {}) };
      const listNow = rule === rules[listed];
      const keep: LineItem[] = [];
      let first = true;
      for (const made of rule.estimate(estate, context)) {
        if (!rule.emits.includes(made.capabilityId)) throw new Error(`rule ${rule.id} made an item of ${made.capabilityId}, which it does not declare in emits`);
        const draft = scale ? withFactor(made, scale) : made;
        const origin = options.origin?.(draft.path);
        const item = price(origin ? { ...draft, path: origin.path } : draft, rule, origin?.file ?? file);
        if (read.has(item.capabilityId)) {
          readSums.set(item.capabilityId, (readSums.get(item.capabilityId) ?? ZERO).plus(item.quantity));
          if (draft.environment !== undefined) {
            const key = inEnvironment(item.capabilityId, draft.environment);
            readSums.set(key, (readSums.get(key) ?? ZERO).plus(item.quantity));
          }
        }
        if (!listNow) {
          keep.push(item);
          continue;
        }
        if (first) {
          first = false;
          if (!Object.hasOwn(rulesUsed, rule.id)) rulesUsed[rule.id] = { doc: rule.doc };
        }
        list(item);
        yield item;
      }
      if (listNow) listed++;
      else kept.set(rule, keep);
      // The rules now due to be listed whose items were kept.
      for (let due = rules[listed]; due !== undefined && kept.has(due); due = rules[++listed]) {
        const items = kept.get(due)!;
        kept.delete(due);
        if (items.length > 0 && !Object.hasOwn(rulesUsed, due.id)) rulesUsed[due.id] = { doc: due.doc };
        for (const item of items) {
          list(item);
          yield item;
        }
      }
    }
    done = true;
  }

  let listedItems = 0;
  /** An item is listed: it counts in the totals and, when a budget caps its capability, by its cost. */
  function list(item: LineItem): void {
    // Every 4,096 items the heap is checked (src/input/memory.ts): a command that holds them all
    // (a table, a diff) stops with exit 2 when it fills, never with Node's SIGABRT.
    if ((++listedItems & 4095) === 0) checkHeap(`${listedItems.toLocaleString('en-US')} line items of ${file}`, true);
    sums.add(item);
    if (item.cost !== null) itemCosts.get(item.capabilityId)?.set(item.id, item.cost);
  }

  const head: EstimateHead = {
    estate: estate.name ?? file,
    file,
    model,
    period,
    currency,
    rateCard: { name: card.name, files: card.files },
  };

  let result: EstimateResult | undefined;
  function tail(): EstimateResult {
    if (!done) throw new Error('an estimate\'s tail was asked for before its line items were all read');
    return (result ??= summed());
  }

  function summed(): EstimateResult {
    const totals = sums.totals();
    const warnings = [
      ...coverageWarnings(estate, model, rules),
      ...notes.values(),
      ...priceWarnings(sums.capabilities(), card, currency),
      ...ignored,
    ];
    const budget = hasBudget(spec) ? evaluateBudget(spec, { capabilities: sums.capabilities(), itemCosts }, totals) : null;
    if (budget && estate.budget && !period.days.equals(estatePeriod.days)) {
      warnings.push(warning('budget-scaled', { per: estatePeriod.label, days: toPlain(period.days), estateDays: toPlain(estatePeriod.days), period: period.label }));
    }
    if (budget && !budget.complete) {
      warnings.push(warning('budget-incomplete', { items: totals.unpricedLineItems }));
    }
    return { ...head, rules: rulesUsed, totals, budget, warnings };
  }

  return { ...head, lineItems: lineItems(), tail };
}
