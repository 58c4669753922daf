// What a plan does to the items of an estate entry in a month: growth, seasonality, the share of
// the month the entry is in service (dated additions and retirements, by the hour), and the
// scenario's multiplier, multiplied, with the derivation in words. Entries that share the same
// rules and dates share a class, and a class has one factor a month: the plan sums an estimate's
// items by class once and multiplies the sums (engine.ts), instead of estimating every month anew.
//
// Growth counts from the entry's first month in the contract (its `from` for an added entry):
// `percentPerMonth` compounds each calendar month, `percentPerYear` each contract year; `linear`
// adds the same percentage of the first month's quantity instead. Of several rules that match an
// entry, the most specific applies: section and entry, then entry, then section, then the estate.
// Activity entries are observed runs, counted in the month they ran: no factor applies to them.
import { formatInstant, HOUR_MS, monthsBetween } from '../core/calendar.js';
import { D, ONE, ZERO } from '../core/decimal.js';
import { n } from '../core/text.js';
import type { EstateData } from '../input/schema.js';
import type { MonthRow, Timeline } from './timeline.js';

export type GrowthRule = NonNullable<EstateData['growth']>[number];
export type SeasonalRule = Exclude<NonNullable<EstateData['seasonality']>, readonly unknown[]>;

/** When an entry is in service: [from, until), ms (until Infinity: to the end of the contract). */
export interface Service {
  from: number;
  until: number;
  /** The change that added it (its index in `changes`), if one did. */
  added?: number;
  /** The change that retires it, if one does. */
  retired?: number;
}

export interface EntryClass {
  id: number;
  growth: GrowthRule | undefined;
  seasonality: SeasonalRule | undefined;
  service: Service;
}

export interface Scenario {
  name: string;
  multiplier: D;
}

export interface Factor {
  factor: D;
  text: string;
}

const ENTRY_PATH = /^([A-Za-z.]+)\[(\d+)\]$/;

/** The entry at `synthetic.browser[3]` of the estate, and its section; undefined for any other path. */
export function entryAt(data: EstateData, path: string): { section: string; entry: { name: string } } | undefined {
  const m = ENTRY_PATH.exec(path);
  if (!m) return undefined;
  let node: unknown = data;
  for (const key of m[1]!.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  const entry = Array.isArray(node) ? (node[Number(m[2])] as { name: string } | undefined) : undefined;
  return entry && typeof entry.name === 'string' ? { section: m[1]!, entry } : undefined;
}

/** How specific a growth or seasonality rule is for an entry, or -1 when it does not apply to it. */
export function specificity(rule: { section?: string | undefined; entry?: string | undefined }, section: string, name: string): number {
  if (rule.section !== undefined && rule.section !== section) return -1;
  if (rule.entry !== undefined && rule.entry !== name) return -1;
  return (rule.entry !== undefined ? 2 : 0) + (rule.section !== undefined ? 1 : 0);
}

type Targeted = { section?: string | undefined; entry?: string | undefined };

/**
 * The rules indexed by what they target (`section|entry`), the first of each kept: the most
 * specific rule of an entry is found in four lookups, not a pass over every rule.
 */
function indexRules<R extends Targeted>(rules: readonly R[]): Map<string, { rule: R; index: number }> {
  const byTarget = new Map<string, { rule: R; index: number }>();
  rules.forEach((rule, index) => {
    const key = `${rule.section ?? ''}|${rule.entry ?? ''}`;
    if (!byTarget.has(key)) byTarget.set(key, { rule, index });
  });
  return byTarget;
}

/** The rule for an entry: section and entry, then entry, then section, then the whole estate. */
function mostSpecific<R extends Targeted>(index: Map<string, { rule: R; index: number }>, section: string, name: string): { rule: R; index: number } | undefined {
  return index.get(`${section}|${name}`) ?? index.get(`|${name}`) ?? index.get(`${section}|`) ?? index.get('|');
}

/** The seasonality of the estate as a list of rules (a single mapping is one rule for the whole estate). */
export function seasonalRules(data: EstateData): SeasonalRule[] {
  const s = data.seasonality;
  return s === undefined ? [] : Array.isArray(s) ? s : [s as SeasonalRule];
}

const pct = (p: D) => `${n(p)}%`;

export class Factors {
  private readonly classes = new Map<string, EntryClass>();
  private readonly byPath = new Map<string, EntryClass | null>();
  private readonly growth: readonly GrowthRule[];
  private readonly seasons: readonly SeasonalRule[];
  private readonly growthIndex: Map<string, { rule: GrowthRule; index: number }>;
  private readonly seasonIndex: Map<string, { rule: SeasonalRule; index: number }>;

  constructor(
    private readonly data: EstateData,
    private readonly time: Timeline,
    /** When the entry at a path is in service (additions and retirements); the whole contract by default. */
    private readonly serviceOf: (path: string) => Service | undefined,
    /** The sections some of whose entries a change adds or retires. */
    private readonly servicedSections: ReadonlySet<string> = new Set(),
  ) {
    this.growth = data.growth ?? [];
    this.seasons = seasonalRules(data);
    this.growthIndex = indexRules(this.growth);
    this.seasonIndex = indexRules(this.seasons);
  }

  /** Every class made so far, in the order made. */
  all(): EntryClass[] {
    return [...this.classes.values()];
  }

  /**
   * The class every entry of a section has, where nothing tells its entries apart (no rule names
   * an entry of it, no change adds to or retires from it): found without a lookup per entry.
   */
  private readonly uniform = new Map<string, EntryClass | null>();
  /** Sections known to have entries told apart (by a rule naming one, or a change). */
  private readonly mixed = new Set<string>();

  /** The class of the entry an item of `path` is of; undefined for items of no entry and for activity. */
  classOf(path: string): EntryClass | undefined {
    const bracket = path.indexOf('[');
    if (bracket > 0) {
      const section = path.slice(0, bracket);
      const shared = this.uniform.get(section);
      if (shared !== undefined) return shared ?? undefined;
      if (!this.mixed.has(section)) {
        if (this.isUniform(section)) {
          const cls = this.lookup(path);
          this.uniform.set(section, cls ?? null);
          return cls;
        }
        this.mixed.add(section);
      }
    }
    return this.lookup(path);
  }

  private isUniform(section: string): boolean {
    if (section === 'activity') return false;
    if ([...this.growth, ...this.seasons].some((r) => r.entry !== undefined && (r.section === undefined || r.section === section))) return false;
    return !this.servicedSections.has(section);
  }

  private lookup(path: string): EntryClass | undefined {
    const known = this.byPath.get(path);
    if (known !== undefined) return known ?? undefined;
    const found = entryAt(this.data, path);
    let cls: EntryClass | undefined;
    if (found && found.section !== 'activity') {
      const growth = mostSpecific(this.growthIndex, found.section, found.entry.name);
      const seasonality = mostSpecific(this.seasonIndex, found.section, found.entry.name);
      const service = this.serviceOf(path) ?? { from: this.time.start, until: Infinity };
      const key = `${growth?.index ?? -1}|${seasonality?.index ?? -1}|${service.from}|${service.until}|${service.added ?? ''}|${service.retired ?? ''}`;
      cls = this.classes.get(key);
      if (!cls) this.classes.set(key, (cls = { id: this.classes.size, growth: growth?.rule, seasonality: seasonality?.rule, service }));
    }
    this.byPath.set(path, cls ?? null);
    return cls;
  }

  /** The hours of `row` the class is in service, as a share of the row's hours, and when. */
  private inService(cls: EntryClass, row: MonthRow): { share: D; from: number; until: number } {
    const from = Math.max(row.start, cls.service.from);
    const until = Math.min(row.end, cls.service.until);
    if (until <= from) return { share: ZERO, from: row.start, until: row.start };
    if (from === row.start && until === row.end) return { share: ONE, from, until };
    return { share: new D(until - from).div(row.end - row.start), from, until };
  }

  /** [from, until) of the row in which the class is in service (empty when it is not). */
  window(cls: EntryClass, row: MonthRow): [number, number] {
    const s = this.inService(cls, row);
    return [s.from, s.until];
  }

  /** Growth steps (months or contract years) of a class by a row: 0 in its first. */
  private steps(cls: EntryClass, g: GrowthRule, row: MonthRow): number {
    const first = Math.max(this.time.start, cls.service.from);
    return g.percentPerMonth !== undefined ? Math.max(0, monthsBetween(first, row.start)) : Math.max(0, row.year - this.yearOf(first));
  }

  private readonly growthValues = new Map<GrowthRule, Map<number, D>>();

  /** The growth factor alone (remembered per rule and steps: a plan asks for it per class, month and scenario). */
  private growthValue(cls: EntryClass, row: MonthRow): D {
    const g = cls.growth;
    if (!g) return ONE;
    const steps = this.steps(cls, g, row);
    if (steps === 0) return ONE;
    let byStep = this.growthValues.get(g);
    if (!byStep) this.growthValues.set(g, (byStep = new Map()));
    let v = byStep.get(steps);
    if (v === undefined) {
      const step = (g.percentPerMonth ?? g.percentPerYear)!.div(100);
      v = g.linear ? ONE.plus(step.times(steps)) : ONE.plus(step).pow(steps);
      byStep.set(steps, v);
    }
    return v;
  }

  /** The growth factor of a class in a row, and its words; undefined when there is none. */
  private grown(cls: EntryClass, row: MonthRow): Factor | undefined {
    const g = cls.growth;
    if (!g) return undefined;
    const perMonth = g.percentPerMonth !== undefined;
    const rate = (perMonth ? g.percentPerMonth : g.percentPerYear)!;
    const steps = this.steps(cls, g, row);
    if (steps === 0) return undefined;
    const unit = perMonth ? (steps === 1 ? 'month' : 'months') : steps === 1 ? 'contract year' : 'contract years';
    const step = rate.div(100);
    const where = `${g.entry !== undefined ? `${g.entry} ` : ''}${g.section !== undefined ? `(${g.section}) ` : ''}`;
    if (g.linear) {
      const factor = this.growthValue(cls, row);
      return { factor, text: `${n(factor)} growth ${where}(${pct(rate)}/${perMonth ? 'month' : 'year'} linear, ${steps} ${unit}: 1 + ${steps} × ${n(step)})` };
    }
    const base = ONE.plus(step);
    const factor = this.growthValue(cls, row);
    return { factor, text: `${n(factor)} growth ${where}(${pct(rate)}/${perMonth ? 'month' : 'year'} compounded, ${steps} ${unit}: ${n(base)}^${steps})` };
  }

  private yearOf(ms: number): number {
    return this.time.years.find((y) => ms >= y.start && ms < y.end)?.year ?? 1;
  }

  /** Growth × seasonality × the scenario's multiplier: the factor of a class while it is in service. */
  rate(cls: EntryClass, row: MonthRow, scenario: Scenario): D {
    const grown = this.growthValue(cls, row);
    const season = cls.seasonality?.[row.monthName] ?? ONE;
    return grown.times(season).times(scenario.multiplier);
  }

  /** The factors of one row before the scenario's, by class (a plan asks for each once per scenario). */
  private cached: { row: MonthRow | undefined; byClass: Map<number, D> } = { row: undefined, byClass: new Map() };

  /** Growth × seasonality × share in service of a class in a row: its factor but for the scenario's. */
  private baseValue(cls: EntryClass, row: MonthRow): D {
    if (this.cached.row !== row) this.cached = { row, byClass: new Map() };
    let factor = this.cached.byClass.get(cls.id);
    if (factor === undefined) {
      factor = this.growthValue(cls, row);
      const season = cls.seasonality?.[row.monthName];
      if (season !== undefined && !season.equals(1)) factor = factor.times(season);
      const share = this.inService(cls, row).share;
      if (!share.equals(1)) factor = factor.times(share);
      this.cached.byClass.set(cls.id, factor);
    }
    return factor;
  }

  /** The factor of a class in a row under a scenario, without its words (what `factor` gives, exactly). */
  value(cls: EntryClass, row: MonthRow, scenario: Scenario): D {
    const factor = this.baseValue(cls, row);
    return scenario.multiplier.equals(1) ? factor : factor.times(scenario.multiplier);
  }

  /**
   * The factor of a class in a row under a scenario, and how it is made; undefined when it is
   * exactly 1 with nothing to say (the entry as written, in service all month).
   */
  factor(cls: EntryClass, row: MonthRow, scenario: Scenario): Factor | undefined {
    const parts: string[] = [];
    let factor = ONE;
    const grown = this.grown(cls, row);
    if (grown) {
      factor = factor.times(grown.factor);
      parts.push(grown.text);
    }
    const season = cls.seasonality?.[row.monthName];
    if (season !== undefined && !season.equals(1)) {
      factor = factor.times(season);
      parts.push(`${n(season)} seasonality (${row.monthName}${cls.seasonality!.section !== undefined ? `, ${cls.seasonality!.section}` : ''}${cls.seasonality!.entry !== undefined ? `, ${cls.seasonality!.entry}` : ''})`);
    }
    const service = this.inService(cls, row);
    if (!service.share.equals(1)) {
      factor = factor.times(service.share);
      const hours = new D(service.until - service.from).div(HOUR_MS);
      const when = [
        cls.service.added !== undefined ? `added ${formatInstant(cls.service.from)}` : '',
        cls.service.until !== Infinity ? `${cls.service.retired !== undefined ? 'retired' : 'until'} ${formatInstant(cls.service.until)}` : '',
      ].filter(Boolean).join(', ');
      parts.push(service.share.isZero() ? `0 (not in service in ${row.label}: ${when})` : `${n(service.share)} in service (${n(hours)} of ${n(row.period.hours)} h: ${when})`);
    }
    if (!scenario.multiplier.equals(1)) {
      factor = factor.times(scenario.multiplier);
      parts.push(`${n(scenario.multiplier)} scenario ${scenario.name}`);
    }
    if (parts.length === 0) return undefined;
    return { factor: this.value(cls, row, scenario), text: `plan ${row.label}: × ${parts.join(' × ')}` };
  }
}
