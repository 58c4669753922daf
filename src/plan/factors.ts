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

function mostSpecific<R extends { section?: string | undefined; entry?: string | undefined }>(rules: readonly R[], section: string, name: string): R | undefined {
  let best: R | undefined;
  let rank = -1;
  for (const r of rules) {
    const s = specificity(r, section, name);
    if (s > rank) {
      best = r;
      rank = s;
    }
  }
  return best;
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

  /** The class of the entry an item of `path` is of; undefined for items of no entry and for activity. */
  classOf(path: string): EntryClass | undefined {
    const bracket = path.indexOf('[');
    if (bracket > 0) {
      const section = path.slice(0, bracket);
      const shared = this.uniform.get(section);
      if (shared !== undefined) return shared ?? undefined;
      if (!this.uniform.has(section) && this.isUniform(section)) {
        const cls = this.lookup(path);
        this.uniform.set(section, cls ?? null);
        return cls;
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
      const growth = mostSpecific(this.growth, found.section, found.entry.name);
      const seasonality = mostSpecific(this.seasons, found.section, found.entry.name);
      const service = this.serviceOf(path) ?? { from: this.time.start, until: Infinity };
      const key = `${growth ? this.growth.indexOf(growth) : -1}|${seasonality ? this.seasons.indexOf(seasonality) : -1}|${service.from}|${service.until}|${service.added ?? ''}|${service.retired ?? ''}`;
      cls = this.classes.get(key);
      if (!cls) this.classes.set(key, (cls = { id: this.classes.size, growth, seasonality, service }));
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

  /** The growth factor of a class in a row, and its words; undefined when there is none. */
  private grown(cls: EntryClass, row: MonthRow): Factor | undefined {
    const g = cls.growth;
    if (!g) return undefined;
    const first = Math.max(this.time.start, cls.service.from);
    const perMonth = g.percentPerMonth !== undefined;
    const rate = (perMonth ? g.percentPerMonth : g.percentPerYear)!;
    const steps = perMonth ? Math.max(0, monthsBetween(first, row.start)) : Math.max(0, row.year - this.yearOf(first));
    if (steps === 0) return undefined;
    const unit = perMonth ? (steps === 1 ? 'month' : 'months') : steps === 1 ? 'contract year' : 'contract years';
    const step = rate.div(100);
    const where = `${g.entry !== undefined ? `${g.entry} ` : ''}${g.section !== undefined ? `(${g.section}) ` : ''}`;
    if (g.linear) {
      const factor = ONE.plus(step.times(steps));
      return { factor, text: `${n(factor)} growth ${where}(${pct(rate)}/${perMonth ? 'month' : 'year'} linear, ${steps} ${unit}: 1 + ${steps} × ${n(step)})` };
    }
    const base = ONE.plus(step);
    const factor = base.pow(steps);
    return { factor, text: `${n(factor)} growth ${where}(${pct(rate)}/${perMonth ? 'month' : 'year'} compounded, ${steps} ${unit}: ${n(base)}^${steps})` };
  }

  private yearOf(ms: number): number {
    return this.time.years.find((y) => ms >= y.start && ms < y.end)?.year ?? 1;
  }

  /** Growth × seasonality × the scenario's multiplier: the factor of a class while it is in service. */
  rate(cls: EntryClass, row: MonthRow, scenario: Scenario): D {
    const grown = this.grown(cls, row)?.factor ?? ONE;
    const season = cls.seasonality?.[row.monthName] ?? ONE;
    return grown.times(season).times(scenario.multiplier);
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
    return { factor, text: `plan ${row.label}: × ${parts.join(' × ')}` };
  }
}
