// A plan's months, through the estimate pipeline (estimate/run.ts), without estimating every month
// of every scenario anew. A month of a plan is defined as the estimate of the estate over the
// month's real hours, every item of an entry multiplied by its factor (factors.ts) as it is made,
// so that the rules that read other rules' quantities (inclusions, free tiers) see the scaled ones.
// That is `monthEstimate` below, which `explain` runs; the engine computes the same sums faster:
//
// - The rules that read no other rule's items (every rule of an estate entry's own consumption)
//   run once per distinct month length, their items summed by capability and by class of entry
//   (entries sharing their growth, seasonality and dates): a month's quantity is then the sum over
//   the classes of the class's sum × the class's factor that month (a product distributes over a
//   sum, exactly).
// - Activity files are dated: their items are made month by month from the runs of that month.
// - The rules that read other rules' items run month by month, given those sums (`prior`).
//
// A rule that reads other rules' items may also total its own (metrics-ingest takes the data points
// Full-Stack includes off the sum of its entries' items): scaling its items after the fact would
// leave that total unscaled. So the entries of the sections such rules read are scaled where they
// are read instead: their linear input (`count`, or `requestsPerMonth` for traces) times the
// factor, the formula saying so; the quantities are the same as scaling every item, as each rule
// is linear in that input.
//
// test/plan/engine.test.ts checks that both ways give the same months.
import { HOUR_MS } from '../core/calendar.js';
import { CAPABILITIES, type Model } from '../core/capabilities.js';
import { ONE, ZERO, type D } from '../core/decimal.js';
import type { Warning } from '../core/messages.js';
import { streamEstimate, type EstimateOptions, type EstimateStream } from '../estimate/run.js';
import type { ActivitySummary } from '../input/activity.js';
import type { EstateData } from '../input/schema.js';
import type { LineItem } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import type { Factor, Factors, Scenario } from './factors.js';
import type { MonthRow, Timeline } from './timeline.js';

export interface EngineInput {
  /** The estate the rules read: additions merged in, as stripForPlan left it. */
  data: EstateData;
  file: string;
  model: Model;
  currency: string;
  time: Timeline;
  factors: Factors;
  scenarios: readonly Scenario[];
  /** The rate card of each contract year (index year − 1). */
  cards: readonly RateCard[];
  /** The activity files' runs in a month, by activity entry name. */
  activity?: (row: MonthRow) => ReadonlyMap<string, ActivitySummary>;
  origin?: EstimateOptions['origin'];
  /** The rules (tests); the catalogue's by default. */
  rules?: readonly Rule[];
}

/** A stretch of a month in which some cost accrues evenly: when the commitment is used up is found in these. */
export interface Accrual {
  from: number;
  until: number;
  cost: D;
}

export interface MonthSums {
  row: MonthRow;
  /** Quantity by capability id, in the catalogue's order. */
  quantities: Map<string, D>;
  /** How the month's priced cost accrues: by class of entry over the hours it is in service, the rest evenly. */
  accruals: Accrual[];
}

const NO_ACTIVITY: ReadonlyMap<string, ActivitySummary> = new Map();

/** The input each kind of entry is linear in, where it has no `count`. */
const LINEAR_KEY: Record<string, string> = {
  traces: 'requestsPerMonth',
  events: 'eventsPerMonth',
  logs: 'ingestGiBPerDay',
  serverless: 'invocationsPerMonth',
  functions: 'invocationsPerMonth',
  mainframe: 'msu',
};

/** The key an entry's quantities are linear in (`count` when it has one), or undefined. */
export function linearKey(section: string, entry: object): string | undefined {
  if ('count' in entry) return 'count';
  const key = LINEAR_KEY[section];
  return key !== undefined && key in entry ? key : undefined;
}
const ORDER = new Map(CAPABILITIES.map((c, i) => [c.id, i]));

/** Capability quantities in the catalogue's order. */
function ordered(quantities: Map<string, D>): Map<string, D> {
  return new Map([...quantities].sort((a, b) => ORDER.get(a[0])! - ORDER.get(b[0])!));
}

const add = (into: Map<string, D>, id: string, q: D) => into.set(id, (into.get(id) ?? ZERO).plus(q));

/** The hours the month's runs touch, from the first to the last (clipped to the month); undefined for none. */
function observedWindow(activity: ReadonlyMap<string, ActivitySummary> | undefined, row: MonthRow): [number, number] | undefined {
  let from = Infinity;
  let until = -Infinity;
  for (const s of activity?.values() ?? []) {
    if (!s.window) continue;
    from = Math.min(from, s.window[0]);
    until = Math.max(until, s.window[1] + HOUR_MS);
  }
  return from < until ? [Math.max(from, row.start), Math.min(until, row.end)] : undefined;
}

/** The estate with nothing but its activity entries (and the settings), for the month's observed runs. */
export function activityOnly(data: EstateData): EstateData {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value)) out[key] = key === 'activity' ? value : [];
    else if (key === 'synthetic' && value && typeof value === 'object') out[key] = Object.fromEntries(Object.keys(value).map((k) => [k, []]));
    else out[key] = value;
  }
  return out as EstateData;
}

/** A price for every capability in a card: unit price after the discount, null when unpriced. */
export function unitPriceOf(card: RateCard, capabilityId: string): D | null {
  const cap = CAPABILITIES.find((c) => c.id === capabilityId)!;
  const price = card.prices.get(cap.id) ?? (cap.overage ? undefined : card.prices.get(cap.unit));
  return price ? price.unitPrice.times(ONE.minus(card.discount)) : null;
}

export class PlanEngine {
  private readonly rules: readonly Rule[];
  private readonly baseRules: readonly Rule[];
  private readonly priorRules: readonly Rule[];
  private readonly hasActivity: boolean;
  readonly warnings = new Map<string, Warning>();

  constructor(private readonly input: EngineInput) {
    this.rules = (input.rules ?? RULES).filter((r) => r.model === input.model);
    this.baseRules = this.rules.filter((r) => (r.after ?? []).length === 0);
    this.priorRules = this.rules.filter((r) => (r.after ?? []).length > 0);
    this.priorSections = [...new Set(this.priorRules.flatMap((r) => r.sections))].filter((s) => s !== 'activity');
    this.hasActivity = input.data.activity.length > 0;
    for (const section of this.priorSections) {
      const [head, tail] = section.split('.') as [string, string | undefined];
      const entries = (tail ? (input.data.synthetic as Record<string, unknown>)[tail] : (input.data as Record<string, unknown>)[head]) as object[] | undefined;
      (entries ?? []).forEach((entry, i) => {
        const key = linearKey(section, entry);
        if (key !== undefined) this.inputScaled.set(`${section}[${i}]`, key);
      });
    }
  }

  /** The sections read by the rules that read other rules' items. */
  private readonly priorSections: string[];

  private card(row: MonthRow): RateCard {
    return this.input.cards[Math.min(row.year, this.input.cards.length) - 1]!;
  }

  /** The scale hook of a month and scenario: each entry's class factor, worked out once per class. */
  scaleFor(row: MonthRow, scenario: Scenario): (path: string) => Factor | undefined {
    const cache = new Map<number, Factor | undefined>();
    return (path) => {
      const cls = this.input.factors.classOf(path);
      if (!cls) return undefined;
      if (!cache.has(cls.id)) cache.set(cls.id, this.input.factors.factor(cls, row, scenario));
      const f = cache.get(cls.id);
      // An entry scaled where it is read (scaledInputs) keeps its quantity; its formula says why.
      return f && this.inputScaled.has(path) ? { factor: ONE, text: `${f.text.replace(/: × /, `: ${this.inputScaled.get(path)} × `)}` } : f;
    };
  }

  /** Entries of the sections the rules that read others read, by path, with the input they are scaled by. */
  private readonly inputScaled = new Map<string, string>();

  /**
   * The estate with the entries of `priorSections` scaled in their linear input for a month and
   * scenario (their other entries, and every other section, as they are).
   */
  scaledInputs(row: MonthRow, scenario: Scenario): EstateData {
    const data = this.input.data;
    if (this.priorSections.length === 0) return data;
    const out = { ...data, synthetic: { ...data.synthetic } } as Record<string, unknown> & { synthetic: Record<string, unknown> };
    for (const section of this.priorSections) {
      const [head, tail] = section.split('.') as [string, string | undefined];
      const entries = (tail ? (data.synthetic as Record<string, unknown>)[tail] : (data as Record<string, unknown>)[head]) as Record<string, unknown>[] | undefined;
      if (!Array.isArray(entries)) continue;
      const scaled = entries.map((entry, i) => {
        const path = `${section}[${i}]`;
        const key = this.inputScaled.get(path);
        const cls = key === undefined ? undefined : this.input.factors.classOf(path);
        const f = cls && this.input.factors.factor(cls, row, scenario);
        return f ? { ...entry, [key!]: (entry[key!] as D).times(f.factor) } : entry;
      });
      if (tail) out.synthetic[tail] = scaled;
      else out[head] = scaled;
    }
    return out as unknown as EstateData;
  }

  /** The options of a run over a month; the items keep the merged estate's paths (their classes are found by them). */
  private options(row: MonthRow, extra: EstimateOptions): EstimateOptions {
    return { model: this.input.model, period: row.period, currency: this.input.currency, ...extra };
  }

  private keep(stream: EstimateStream): void {
    for (const w of stream.tail().warnings) {
      // Coverage warnings are the plan's to give (of all the rules, not of a part of them).
      if (w.id === 'section-not-estimated' || w.id === 'license-not-evaluated' || w.id === 'license-ignored-under-dps') continue;
      const key = w.code === 'note' ? w.message : w.id;
      if (!this.warnings.has(key)) this.warnings.set(key, w);
    }
  }

  /**
   * One month of one scenario the plain way: the whole estimate over the month, every item of an
   * entry scaled as it is made. What `explain` shows for a plan month, and what the engine must equal.
   */
  monthEstimate(row: MonthRow, scenario: Scenario): EstimateStream {
    const scale = this.scaleFor(row, scenario);
    const origin = this.input.origin ? { origin: this.input.origin } : {};
    return streamEstimate(this.scaledInputs(row, scenario), this.card(row), this.input.file, this.options(row, { rules: this.rules, activity: this.input.activity?.(row) ?? NO_ACTIVITY, scale: (draft) => scale(draft.path), ...origin }));
  }

  /** Every month of every scenario, as sums by capability (scenarios in the order given). */
  run(): Map<string, MonthSums[]> {
    const { time, factors, scenarios } = this.input;
    // 1. The rules that read nothing of the others, once per month length: sums by class and capability.
    const byLength = new Map<string, { fixed: Map<string, D>; classes: Map<number, Map<string, D>> }>();
    for (const row of time.months) {
      const key = row.period.hours.toString();
      if (byLength.has(key)) continue;
      const sums = { fixed: new Map<string, D>(), classes: new Map<number, Map<string, D>>() };
      const stream = streamEstimate(this.input.data, this.card(row), this.input.file, this.options(row, { rules: this.baseRules, activity: NO_ACTIVITY }));
      for (const item of stream.lineItems) {
        const cls = factors.classOf(item.path);
        let into = sums.fixed;
        if (cls) {
          into = sums.classes.get(cls.id)!;
          if (into === undefined) sums.classes.set(cls.id, (into = new Map()));
        }
        add(into, item.capabilityId, item.quantity);
      }
      this.keep(stream);
      byLength.set(key, sums);
    }

    const out = new Map<string, MonthSums[]>(scenarios.map((s) => [s.name, []]));
    for (const row of time.months) {
      const card = this.card(row);
      const price = (id: string) => unitPriceOf(card, id);
      const sums = byLength.get(row.period.hours.toString())!;
      const activity = this.hasActivity ? this.input.activity?.(row) : undefined;
      // 2. The month's observed runs (the same in every scenario: they are what happened).
      const observed = new Map<string, D>();
      if (activity && activity.size > 0) {
        const stream = streamEstimate(activityOnly(this.input.data), card, this.input.file, this.options(row, { rules: this.baseRules, activity }));
        for (const item of stream.lineItems) add(observed, item.capabilityId, item.quantity);
        this.keep(stream);
      }
      for (const scenario of scenarios) {
        const quantities = new Map<string, D>();
        const accruals: Accrual[] = [];
        let even = ZERO;
        const cost = (q: Map<string, D>) => {
          let total = ZERO;
          for (const [id, v] of q) {
            const p = price(id);
            if (p) total = total.plus(v.times(p));
          }
          return total;
        };
        for (const [id, q] of sums.fixed) add(quantities, id, q);
        even = even.plus(cost(sums.fixed));
        for (const [id, q] of observed) add(quantities, id, q);
        // Observed runs accrue over the hours they ran in (the first to the last of the month's).
        const ran = observedWindow(activity, row);
        if (ran) accruals.push({ from: ran[0], until: ran[1], cost: cost(observed) });
        else even = even.plus(cost(observed));
        const scale = this.scaleFor(row, scenario);
        for (const cls of factors.all()) {
          const classSums = sums.classes.get(cls.id);
          if (!classSums) continue;
          // A class out of service this month keeps its capabilities, at 0 (as the plain estimate lists them).
          const f = factors.factor(cls, row, scenario)?.factor ?? ONE;
          const scaled = new Map<string, D>();
          for (const [id, q] of classSums) {
            const v = q.times(f);
            scaled.set(id, v);
            add(quantities, id, v);
          }
          const [from, until] = factors.window(cls, row);
          accruals.push({ from, until, cost: cost(scaled) });
        }
        // 3. The rules that read the others' quantities, given this month's.
        if (this.priorRules.length > 0) {
          const stream = streamEstimate(this.scaledInputs(row, scenario), card, this.input.file, this.options(row, { rules: this.priorRules, activity: activity ?? NO_ACTIVITY, prior: new Map(quantities), scale: (draft) => scale(draft.path) }));
          const made = new Map<string, D>();
          for (const item of stream.lineItems) add(made, item.capabilityId, item.quantity);
          for (const [id, q] of made) add(quantities, id, q);
          even = even.plus(cost(made));
          this.keep(stream);
        }
        if (!even.isZero()) accruals.push({ from: row.start, until: row.end, cost: even });
        out.get(scenario.name)!.push({ row, quantities: ordered(quantities), accruals });
      }
    }
    return out;
  }
}

/** The quantities of an estimate's items by capability (for comparing the engine with monthEstimate). */
export function sumsOf(items: Iterable<LineItem>): Map<string, D> {
  const out = new Map<string, D>();
  for (const item of items) add(out, item.capabilityId, item.quantity);
  return ordered(out);
}
