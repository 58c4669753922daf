// A plan's months, through the estimate pipeline (estimate/run.ts), without estimating every month
// of every scenario anew. A month of a plan is defined as the estimate of the estate over the
// month's real hours, each entry scaled by its factor that month (factors.ts): in its linear inputs
// (`count`, or the volumes of entries without one: a log's GiB a day, a trace's requests a month,
// …), so that every rule, inclusions and free tiers included, reads the scaled estate; an entry
// with no such input has its items scaled as they are made. That is `monthEstimate` below, which
// `explain` runs. The engine computes the same sums faster:
//
// - The rules that read no other rule's items and make items of entries only (every rule of an
//   entry's own consumption) are linear in those inputs: they run once per distinct month length,
//   their items summed by rule, capability and class of entry (entries sharing their growth,
//   seasonality and dates); a month's quantity is then the sum over the classes of the class's sum
//   × the class's factor that month (a product distributes over a sum, exactly).
// - The rules that read others' items (`after`), or make items of no entry (an inclusion, a free
//   tier, an overage: they total several entries), run month by month on the scaled estate, given
//   the linear rules' sums (`prior`).
// - Activity files are dated: their items are made month by month from the runs of that month.
//
// test/plan/engine.test.ts checks that both ways give the same months.
import { HOUR_MS } from '../core/calendar.js';
import { CAPABILITIES, type Model } from '../core/capabilities.js';
import { isDecimal, isOne, ONE, ZERO, type D } from '../core/decimal.js';
import type { Warning } from '../core/messages.js';
import { streamEstimate, type EstimateOptions, type EstimateStream } from '../estimate/run.js';
import type { ActivitySummary } from '../input/activity.js';
import type { EstateData } from '../input/schema.js';
import { SECTIONS } from '../input/sections.js';
import { capabilityUnitPrice, type LineItem } from '../pricing/price.js';
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
  /** Classic: the licensed host units stripForPlan took from `data` (the custom-metric free tier reads them). */
  allottedHostUnits?: D;
  /** Classic: the licensed quotas stripForPlan took from `data` (consumption within those the card prices is priced there). */
  licensed?: readonly string[];
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

/** The inputs each kind of entry is linear in, where it is not `count` alone. */
const LINEAR_KEYS: Record<string, readonly string[]> = {
  metrics: ['count', 'retainedGiBPerDay'],
  logs: ['ingestGiBPerDay', 'recordsPerMonth', 'queryGiBPerDay', 'queryBeyondIncludedGiBPerDay'],
  traces: ['requestsPerMonth', 'queryGiBPerDay'],
  events: ['eventsPerMonth', 'queryGiBPerDay'],
  serverless: ['invocationsPerMonth'],
  mainframe: ['msu'],
};

/** The keys of an entry its quantities are linear in (those it has), none for activity entries. */
export function linearKeys(section: string, entry: object): string[] {
  if (section === 'activity') return [];
  return (LINEAR_KEYS[section] ?? ['count']).filter((k) => isDecimal((entry as Record<string, unknown>)[k]));
}

/** The entries of a section of the estate (`synthetic.browser`), or undefined. */
function entriesOf(data: EstateData, section: string): Record<string, unknown>[] | undefined {
  let node: unknown = data;
  for (const key of section.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(node) ? (node as Record<string, unknown>[]) : undefined;
}

const ORDER = new Map(CAPABILITIES.map((c, i) => [c.id, i]));

/** Capability quantities in the catalogue's order. */
export function ordered(quantities: Map<string, D>): Map<string, D> {
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


export class PlanEngine {
  private readonly rules: readonly Rule[];
  private readonly hasActivity: boolean;
  readonly warnings = new Map<string, Warning>();
  /** The keys each entry is scaled in, by path (entries without any have their items scaled). */
  private readonly keysOf = new Map<string, string[]>();

  constructor(private readonly input: EngineInput) {
    this.rules = (input.rules ?? RULES).filter((r) => r.model === input.model);
    this.hasActivity = input.data.activity.length > 0;
    for (const section of SECTIONS) {
      (entriesOf(input.data, section) ?? []).forEach((entry, i) => {
        const keys = linearKeys(section, entry);
        if (keys.length > 0) this.keysOf.set(`${section}[${i}]`, keys);
      });
    }
  }

  private card(row: MonthRow): RateCard {
    return this.input.cards[Math.min(row.year, this.input.cards.length) - 1]!;
  }

  /**
   * The scale hook of a month and scenario: for an entry scaled in its inputs (`inputsScaled`: the
   * run is of the scaled estate), only the words (its quantity is already scaled); otherwise its
   * class factor.
   */
  scaleFor(row: MonthRow, scenario: Scenario, inputsScaled = true): (path: string) => Factor | undefined {
    const cache = new Map<number, Factor | undefined>();
    return (path) => {
      const cls = this.input.factors.classOf(path);
      if (!cls) return undefined;
      if (!cache.has(cls.id)) cache.set(cls.id, this.input.factors.factor(cls, row, scenario));
      const f = cache.get(cls.id);
      const keys = inputsScaled ? this.keysOf.get(path) : undefined;
      return f && keys ? { factor: ONE, text: f.text.replace(/: × /, `: ${keys.join(', ')} × `) } : f;
    };
  }

  /** The estate with the entries of `sections` scaled in their linear inputs for a month and scenario. */
  scaledEstate(row: MonthRow, scenario: Scenario, sections: Iterable<string> = SECTIONS): EstateData {
    const data = this.input.data;
    const out = { ...data, synthetic: { ...data.synthetic } } as Record<string, unknown> & { synthetic: Record<string, unknown> };
    const factors = new Map<number, D | undefined>();
    for (const section of sections) {
      const entries = entriesOf(data, section);
      if (!entries || entries.length === 0) continue;
      let changed = false;
      const scaled = entries.map((entry, i) => {
        const path = `${section}[${i}]`;
        const keys = this.keysOf.get(path);
        const cls = keys && this.input.factors.classOf(path);
        if (!cls) return entry;
        if (!factors.has(cls.id)) factors.set(cls.id, this.input.factors.value(cls, row, scenario));
        const f = factors.get(cls.id)!;
        if (isOne(f)) return entry;
        changed = true;
        const copy = { ...entry };
        for (const k of keys!) copy[k] = (entry[k] as D).times(f);
        return copy;
      });
      if (!changed) continue;
      const [head, tail] = section.split('.') as [string, string | undefined];
      if (tail) out.synthetic[tail] = scaled;
      else out[head] = scaled;
    }
    return out as unknown as EstateData;
  }

  /** The options of a run over a month; the items keep the merged estate's paths (their classes are found by them). */
  private options(row: MonthRow, extra: EstimateOptions): EstimateOptions {
    const { allottedHostUnits, licensed } = this.input;
    return { model: this.input.model, period: row.period, currency: this.input.currency, ...(allottedHostUnits ? { allottedHostUnits } : {}), ...(licensed ? { licensed } : {}), ...extra };
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
   * One month of one scenario the plain way, every item made anew: the rules of entries' own
   * consumption on the estate as written, each item scaled as it is made (its formula keeps the
   * base quantity and says every factor); then the rules that read others' items or total several
   * entries, on the scaled estate, given those quantities. What `explain` shows for a plan month,
   * and what the engine must equal. Items in the catalogue's order.
   */
  monthEstimate(row: MonthRow, scenario: Scenario): EstimateStream {
    const scale = this.scaleFor(row, scenario, false);
    const origin = this.input.origin ? { origin: this.input.origin } : {};
    const activity = this.input.activity?.(row) ?? NO_ACTIVITY;
    const free = this.rules.filter((r) => (r.after ?? []).length === 0);
    const first = streamEstimate(this.input.data, this.card(row), this.input.file, this.options(row, { rules: free, activity, scale: (draft) => scale(draft.path), ...origin }));
    const items: LineItem[] = [];
    const coupled = new Set(this.rules.filter((r) => (r.after ?? []).length > 0).map((r) => r.id));
    for (const item of first.lineItems) {
      items.push(item);
      if (!this.input.factors.classOf(item.path) && !item.path.startsWith('activity[')) coupled.add(item.rule);
    }
    const linearItems = items.filter((i) => !coupled.has(i.rule));
    const monthly = this.rules.filter((r) => coupled.has(r.id));
    const second = monthly.length === 0
      ? undefined
      : streamEstimate(this.scaledEstate(row, scenario, new Set(monthly.flatMap((r) => r.sections))), this.card(row), this.input.file, this.options(row, { rules: monthly, activity, prior: sumsOf(linearItems), scale: (draft) => this.scaleFor(row, scenario)(draft.path), ...origin }));
    const secondItems = second ? [...second.lineItems] : [];
    const rank = new Map(this.rules.map((r, i) => [r.id, i]));
    const all = [...linearItems, ...secondItems].sort((a, b) => rank.get(a.rule)! - rank.get(b.rule)!);
    const tail = () => {
      const a = first.tail();
      const warnings = [...a.warnings, ...(second?.tail().warnings ?? []).filter((w) => !a.warnings.some((x) => x.message === w.message))];
      return { ...a, rules: { ...a.rules, ...second?.tail().rules }, warnings };
    };
    return { ...first, lineItems: all, tail };
  }

  /** Every month of every scenario, as sums by capability (scenarios in the order given). */
  run(): Map<string, MonthSums[]> {
    const { time, factors, scenarios } = this.input;
    // 1. The rules that read nothing of the others, once per month length: sums by rule, class and
    // capability. A rule that makes an item of no entry is one to run month by month instead.
    const free = this.rules.filter((r) => (r.after ?? []).length === 0);
    const coupled = new Set<string>(this.rules.filter((r) => (r.after ?? []).length > 0).map((r) => r.id));
    type Sums = Map<string, Map<number, Map<string, D>>>; // rule -> class -> capability -> quantity
    const byLength = new Map<string, Sums>();
    for (const row of time.months) {
      const key = row.period.hours.toString();
      if (byLength.has(key)) continue;
      const sums: Sums = new Map();
      const stream = streamEstimate(this.input.data, this.card(row), this.input.file, this.options(row, { rules: free, activity: NO_ACTIVITY }));
      let rule = '';
      let byClass: Map<number, Map<string, D>> = new Map();
      for (const item of stream.lineItems) {
        if (item.rule !== rule) {
          rule = item.rule;
          byClass = sums.get(rule) ?? new Map();
          sums.set(rule, byClass);
        }
        const cls = factors.classOf(item.path);
        if (!cls) {
          // An item of no entry (or of one this plan does not scale): the rule runs month by month.
          if (!item.path.startsWith('activity[')) coupled.add(rule);
          continue;
        }
        let into = byClass.get(cls.id);
        if (into === undefined) byClass.set(cls.id, (into = new Map()));
        add(into, item.capabilityId, item.quantity);
      }
      this.keep(stream);
      byLength.set(key, sums);
    }
    const linear = free.filter((r) => !coupled.has(r.id));
    const monthly = this.rules.filter((r) => coupled.has(r.id));
    // The sections the monthly rules read are the ones to scale for them.
    const monthlySections = [...new Set(monthly.flatMap((r) => r.sections))];

    const out = new Map<string, MonthSums[]>(scenarios.map((s) => [s.name, []]));
    for (const row of time.months) {
      const card = this.card(row);
      const price = (id: string) => capabilityUnitPrice(card, id);
      const sums = byLength.get(row.period.hours.toString())!;
      // The linear rules' sums by class, for this month length.
      const classSums = new Map<number, Map<string, D>>();
      for (const r of linear) {
        for (const [cls, caps] of sums.get(r.id) ?? []) {
          let into = classSums.get(cls);
          if (into === undefined) classSums.set(cls, (into = new Map()));
          for (const [id, q] of caps) add(into, id, q);
        }
      }
      const activity = this.hasActivity ? this.input.activity?.(row) : undefined;
      // 2. The month's observed runs (the same in every scenario: they are what happened).
      const observed = new Map<string, D>();
      if (activity && activity.size > 0 && linear.length > 0) {
        const stream = streamEstimate(activityOnly(this.input.data), card, this.input.file, this.options(row, { rules: linear, activity }));
        for (const item of stream.lineItems) add(observed, item.capabilityId, item.quantity);
        this.keep(stream);
      }
      const cost = (q: Map<string, D>) => {
        let total = ZERO;
        for (const [id, v] of q) {
          const p = price(id);
          if (p) total = total.plus(v.times(p));
        }
        return total;
      };
      for (const scenario of scenarios) {
        const quantities = new Map<string, D>();
        const accruals: Accrual[] = [];
        const windows = new Map<string, Accrual>();
        let even = ZERO;
        for (const [id, q] of observed) add(quantities, id, q);
        // Observed runs accrue over the hours they ran in (the first to the last of the month's).
        const ran = observedWindow(activity, row);
        if (ran) accruals.push({ from: ran[0], until: ran[1], cost: cost(observed) });
        else even = even.plus(cost(observed));
        for (const cls of factors.all()) {
          const caps = classSums.get(cls.id);
          if (!caps) continue;
          // A class out of service this month keeps its capabilities, at 0 (as the plain estimate lists them).
          const f = factors.value(cls, row, scenario);
          const scaled = new Map<string, D>();
          for (const [id, q] of caps) {
            const v = q.times(f);
            scaled.set(id, v);
            add(quantities, id, v);
          }
          // Classes in service over the same hours accrue together.
          const [from, until] = factors.window(cls, row);
          const key = `${from}-${until}`;
          const same = windows.get(key);
          if (same) same.cost = same.cost.plus(cost(scaled));
          else windows.set(key, { from, until, cost: cost(scaled) });
        }
        for (const a of windows.values()) accruals.push(a);
        // 3. The rules that read the others' quantities, or total several entries, on the scaled estate.
        if (monthly.length > 0) {
          const scale = this.scaleFor(row, scenario);
          const stream = streamEstimate(this.scaledEstate(row, scenario, monthlySections), card, this.input.file, this.options(row, { rules: monthly, activity: activity ?? NO_ACTIVITY, prior: new Map(quantities), scale: (draft) => scale(draft.path) }));
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
