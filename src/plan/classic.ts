// Classic licensing over a contract: the licensed quotas are what is committed, consumption beyond
// them is overage, month by month. The same contract as the classic rules read in an estimate
// (rules/kit/quota.ts, rules/classic/overage-*.ts), over contract years instead of one period.
// Sources: managed/license/classic-licensing/application-and-infrastructure-monitoring.md (host
// units are a concurrent limit, "the overages will be calculated in host unit hours"; host unit
// hours are a pool; "overages are calculated per account and not per environment"),
// digital-experience-monitoring-units.md ("If you've set up an annual RUM sessions quota, your usage
// will reset annually"), davis-data-units.md (DDUs "renewing at the beginning of each year"; "Your
// DDU quota is reset on each anniversary of the contract term"; no carry-over);
// license-overview-classic.md (without overages, "Your maximum quota is reached, and monitoring is
// deactivated").
//
// - Host units: the account's concurrent host units (`license.hostUnits`, else what `environments`
//   are assigned between them, as `accountHostUnits` reads them), checked hour by hour of each month
//   (the estate's entries taken to start together at midnight, as the estimate takes them, plus the
//   month's observed runs), the environments summed: overages are per account. An environment that
//   allows no overages stops at its own host units, hour by hour. The host unit hours beyond the
//   account's host units are drawn from `license.hostUnitHours` when there is such a pool, and are
//   overage once it is used up (or at once without one).
// - `license.hostUnitHours` alone, `license.demUnits`, `license.ddus`: pools of a contract year, or
//   of a calendar month where the licence says so (`<key>Period: month`: a monthly pool, renewed
//   each month, never a twelfth of a yearly one), consumed from the start of the period; what is
//   consumed once the pool is used up is overage.
// - Without overages (`license.overages: false`), nothing beyond a quota is billed: it is not
//   monitored. The plan says when monitoring would stop (`exceededAt`), and what would have been
//   beyond is a `not-monitored-*` quantity of the month (negative, as the rules make it), so that
//   the months' units say what is monitored.
// - Committed cost: the quotas at the rate card's prices of the licensed lines the rules make
//   (`licensed-host-units` per host-unit year, else the contract year's hours of `host-unit-hour`;
//   `licensed-host-unit-hours`, `licensed-dem-units`, `licensed-ddus`, else the unit's price);
//   overage at the overage line's own price when the card has one, else at the unit's. The rules
//   that make the licensed and overage lines are given no quotas in a plan (plan.ts stripForPlan),
//   so that nothing is counted twice: the plan's quotas are these.
import { HOUR_MS, nextMonth } from '../core/calendar.js';
import { capability, LICENSED_BY_QUOTA } from '../core/capabilities.js';
import { D, ONE, ZERO } from '../core/decimal.js';
import type { EstateData } from '../input/schema.js';
import { capabilityUnitPrice, keyUnitPrice } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { dailyProfile, environmentOf, runningEntries } from '../rules/kit/fleet.js';
import { accountHostUnits, allowsOverages } from '../rules/kit/quota.js';
import type { ActivitySummary } from '../input/activity.js';
import type { MonthSums } from './engine.js';
import type { EntryClass, Factors, Scenario } from './factors.js';
import type { MonthRow, Timeline } from './timeline.js';

export type QuotaKey = 'hostUnits' | 'hostUnitHours' | 'demUnits' | 'ddus';

export interface QuotaMonth {
  row: MonthRow;
  /** Pools: the units consumed this month; host units: the peak concurrent host units (the account's, as monitored). */
  used: D;
  /** Pools: consumed so far in the quota's period; null for host units. */
  cumulative: D | null;
  /** Beyond the quota this month: units of a pool, host unit hours beyond the account's host units. */
  excess: D;
  /** What of the excess is billed as overage (none when a pool takes it, or without overages). */
  overage: D;
  overageCost: D | null;
  /**
   * What is not monitored (no overages): beyond a pool, or beyond the host units (no pool); for host
   * units also what environments without overages stop at their own host units.
   */
  notMonitored: D;
}

export interface QuotaYear {
  year: number;
  licensed: D;
  used: D;
  overage: D;
  /** What would have been beyond the quota and is not monitored (no overages). */
  notMonitored: D;
  committedCost: D | null;
  overageCost: D | null;
  /** The first instant the quota is exceeded in the year (ms), or null: without overages, when monitoring would stop. */
  exceededAt: number | null;
}

export interface QuotaPlan {
  key: QuotaKey;
  /** The unit the quota counts in: host-unit, host-unit-hour, dem-unit, ddu. */
  unit: string;
  licensed: D;
  period: 'concurrent' | 'year' | 'month';
  overages: boolean;
  months: QuotaMonth[];
  years: QuotaYear[];
}

const POOL_UNIT: Record<Exclude<QuotaKey, 'hostUnits'>, string> = { hostUnitHours: 'host-unit-hour', demUnits: 'dem-unit', ddus: 'ddu' };
const OVERAGE_ID: Record<QuotaKey, string> = { hostUnits: 'overage-host-unit-hours', hostUnitHours: 'overage-host-unit-hours', demUnits: 'overage-dem-units', ddus: 'overage-ddus' };
/** What a quota without overages stops, as the rules name it. */
export const NOT_MONITORED_ID: Record<QuotaKey, string> = { hostUnits: 'not-monitored-host-unit-hours', hostUnitHours: 'not-monitored-host-unit-hours', demUnits: 'not-monitored-dem-units', ddus: 'not-monitored-ddus' };

/** A quota's overage price: its overage line's own, else its unit's (after the card's discount), or null. */
function overagePrice(card: RateCard, key: QuotaKey): D | null {
  return keyUnitPrice(card, OVERAGE_ID[key]) ?? keyUnitPrice(card, key === 'hostUnits' ? 'host-unit-hour' : POOL_UNIT[key]);
}

/**
 * The committed cost of a quota for a contract year of `hours`, at the price of its licensed line
 * (the rules' `licensed-*`: its own price, else its unit's); licensed host units without a
 * `host-unit-year` price are the year's hours of `host-unit-hour`.
 */
function committedCost(card: RateCard, key: QuotaKey, licensed: D, hours: D): D | null {
  // The line the rules make of the quota (core LICENSED_BY_QUOTA): its price is the committed cost's.
  const price = capabilityUnitPrice(card, LICENSED_BY_QUOTA[key]);
  if (price) return licensed.times(price);
  if (key !== 'hostUnits') return null;
  const hourly = keyUnitPrice(card, 'host-unit-hour');
  return hourly ? licensed.times(hours).times(hourly) : null;
}

/** Consumption in a unit in a month: its capabilities' quantities, overage, licensed and not-monitored lines left out. */
function consumed(sums: MonthSums, unit: string): D {
  let total = ZERO;
  for (const [id, q] of sums.quantities) {
    const cap = capability(id);
    if (cap.unit === unit && !cap.overage && cap.licensed === undefined && !cap.notMonitored) total = total.plus(q);
  }
  return total;
}

export interface ClassicInput {
  data: EstateData;
  time: Timeline;
  factors: Factors;
  cards: readonly RateCard[];
  activity?: (row: MonthRow) => ReadonlyMap<string, ActivitySummary>;
}

/** The 24-hour host-unit profile of each class's hosts and containers in each environment (and of entries of no class). */
function profiles(data: EstateData, factors: Factors): { cls: EntryClass | undefined; environment: string | undefined; profile: D[] }[] {
  const groups = new Map<string, { cls: EntryClass | undefined; environment: string | undefined; hosts: EstateData['hosts']; containers: EstateData['containers'] }>();
  const group = (cls: EntryClass | undefined, environment: string | undefined) => {
    const key = `${cls?.id ?? ''}\u0000${environment ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { cls, environment, hosts: [], containers: [] }));
    return g;
  };
  data.hosts.forEach((h, i) => group(factors.classOf(`hosts[${i}]`), environmentOf(data, h)).hosts.push(h));
  data.containers.forEach((c, i) => group(factors.classOf(`containers[${i}]`), environmentOf(data, c)).containers.push(c));
  return [...groups.values()].map(({ cls, environment, hosts, containers }) => ({ cls, environment, profile: dailyProfile(runningEntries({ ...data, hosts, containers })) }));
}

const periodOf = (license: NonNullable<EstateData['license']>, key: QuotaKey): 'year' | 'month' => ((license as Record<string, unknown>)[`${key}Period`] === 'month' ? 'month' : 'year');

/** The quotas of one scenario, month by month and year by year. */
export function classicQuotas(input: ClassicInput, months: readonly MonthSums[], scenario: Scenario): QuotaPlan[] {
  const { data, time, factors, cards } = input;
  const license = data.license;
  const overages = allowsOverages(license);
  const card = (row: { year: number }) => cards[Math.min(row.year, cards.length) - 1]!;
  const quotas: QuotaPlan[] = [];

  // Host units: the account's concurrency hour by hour, the environments summed; the excess in host unit hours.
  const excessHours = new Map<number, D>(); // by month index
  const quota = accountHostUnits(data);
  if (quota !== undefined) {
    const byClass = profiles(data, factors);
    // Environments that allow no overages stop at their own host units.
    const stopAt = new Map(data.environments.filter((e) => e.hostUnits !== undefined && !e.overages).map((e) => [e.name as string | undefined, e.hostUnits!]));
    const envOfActivity = new Map(data.activity.map((a) => [a.name, environmentOf(data, a)]));
    const plan: QuotaPlan = { key: 'hostUnits', unit: 'host-unit', licensed: quota, period: 'concurrent', overages, months: [], years: [] };
    const pool = license?.hostUnitHours !== undefined;
    const firsts = new Map<number, number>();
    for (const sums of months) {
      const row = sums.row;
      // The classes' profiles, scaled, summed by environment and the hours they are in service this month.
      const byWindow = new Map<string, { environment: string | undefined; profile: D[]; window: readonly [number, number] }>();
      for (const { cls, environment, profile } of byClass) {
        const rate = cls ? factors.rate(cls, row, scenario) : ONE;
        const window = cls ? factors.window(cls, row) : ([row.start, row.end] as [number, number]);
        if (window[1] <= window[0]) continue;
        const key = `${window[0]}-${window[1]}\u0000${environment ?? ''}`;
        const same = byWindow.get(key);
        if (same) same.profile = same.profile.map((p, h) => p.plus(profile[h]!.times(rate)));
        else byWindow.set(key, { environment, profile: profile.map((p) => p.times(rate)), window });
      }
      const parts = [...byWindow.values()];
      const observed = new Map<number, Map<string | undefined, D>>();
      for (const [name, summary] of input.activity?.(row) ?? []) {
        const env = envOfActivity.get(name);
        for (const [hour, hu] of summary.classic.hourly) {
          let byEnv = observed.get(hour);
          if (!byEnv) observed.set(hour, (byEnv = new Map()));
          byEnv.set(env, (byEnv.get(env) ?? ZERO).plus(hu));
        }
      }
      let peak = ZERO;
      let excess = ZERO;
      let stopped = ZERO;
      let first: number | null = null;
      for (let t = row.start; t < row.end; t += HOUR_MS) {
        const hour = Math.floor(t / HOUR_MS);
        const byEnv = new Map(observed.get(hour) ?? []);
        for (const p of parts) if (p.window[0]! < t + HOUR_MS && p.window[1]! > t) byEnv.set(p.environment, (byEnv.get(p.environment) ?? ZERO).plus(p.profile[hour % 24]!));
        let account = ZERO;
        for (const [env, used] of byEnv) {
          const cap = stopAt.get(env);
          if (cap !== undefined && used.greaterThan(cap)) {
            stopped = stopped.plus(used.minus(cap));
            account = account.plus(cap);
            first ??= t;
          } else account = account.plus(used);
        }
        if (account.greaterThan(peak)) peak = account;
        if (account.greaterThan(quota)) {
          excess = excess.plus(account.minus(quota));
          first ??= t;
        }
      }
      excessHours.set(row.index, excess);
      // With a pool, the pool takes the excess (below); without one it is overage, or not monitored.
      const overage = pool || !overages ? ZERO : excess;
      const notMonitored = stopped.plus(pool || overages ? ZERO : excess);
      const price = overagePrice(card(row), 'hostUnits');
      plan.months.push({ row, used: peak, cumulative: null, excess, overage, overageCost: price ? overage.times(price) : null, notMonitored });
      if (first !== null && !firsts.has(row.year)) firsts.set(row.year, first);
    }
    for (const year of time.years) {
      const ms = plan.months.filter((m) => m.row.year === year.year);
      const overage = ms.reduce((t, m) => t.plus(m.overage), ZERO);
      const oPrice = overagePrice(card(year), 'hostUnits');
      plan.years.push({
        year: year.year,
        licensed: quota,
        used: ms.reduce((t, m) => D.max(t, m.used), ZERO),
        overage,
        notMonitored: ms.reduce((t, m) => t.plus(m.notMonitored), ZERO),
        committedCost: committedCost(card(year), 'hostUnits', quota, year.period.hours),
        overageCost: oPrice ? overage.times(oPrice) : null,
        exceededAt: firsts.get(year.year) ?? null,
      });
    }
    quotas.push(plan);
  }

  // Pools: a contract year's (or a calendar month's) units, consumed from the start of the period.
  for (const key of ['hostUnitHours', 'demUnits', 'ddus'] as const) {
    const quotaOf = license?.[key];
    if (license === undefined || quotaOf === undefined) continue;
    const unit = POOL_UNIT[key];
    const period = periodOf(license, key);
    const plan: QuotaPlan = { key, unit, licensed: quotaOf, period, overages, months: [], years: [] };
    const firsts = new Map<number, number>();
    let cumulative = ZERO;
    let periodKey = '';
    /** The pool of each row: a year's, or a month's (a row that is part of a calendar month, where a contract year starts inside it, has that part of it). */
    const pools: D[] = [];
    for (const sums of months) {
      const row = sums.row;
      const k = period === 'month' ? `${row.year} ${row.label}` : String(row.year);
      if (k !== periodKey) {
        cumulative = ZERO;
        periodKey = k;
      }
      const d = new Date(row.start);
      const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      const share = row.start === monthStart && row.end === nextMonth(monthStart) ? ONE : new D(row.end - row.start).div(nextMonth(monthStart) - monthStart);
      const licensed = period === 'month' ? quotaOf.times(share) : quotaOf;
      pools.push(licensed);
      // The host unit hour pool takes what is beyond the account's host units, when there are such.
      const used = key === 'hostUnitHours' && quota !== undefined ? excessHours.get(row.index) ?? ZERO : consumed(sums, unit);
      const before = cumulative;
      cumulative = cumulative.plus(used);
      const excess = D.max(0, cumulative.minus(licensed)).minus(D.max(0, before.minus(licensed)));
      if (excess.greaterThan(0) && !firsts.has(row.year)) {
        // Consumption taken as even over the month.
        firsts.set(row.year, row.start + D.max(0, licensed.minus(before)).div(used).times(row.end - row.start).round().toNumber());
      }
      const overage = overages ? excess : ZERO;
      const price = overagePrice(card(row), key);
      plan.months.push({ row, used, cumulative, excess, overage, overageCost: price ? overage.times(price) : null, notMonitored: overages ? ZERO : excess });
    }
    for (const year of time.years) {
      const ms = plan.months.filter((m) => m.row.year === year.year);
      const licensed = period === 'month' ? ms.reduce((t, m) => t.plus(pools[m.row.index]!), ZERO) : quotaOf;
      const overage = ms.reduce((t, m) => t.plus(m.overage), ZERO);
      const oPrice = overagePrice(card(year), key);
      plan.years.push({
        year: year.year,
        licensed,
        used: ms.reduce((t, m) => t.plus(m.used), ZERO),
        overage,
        notMonitored: ms.reduce((t, m) => t.plus(m.notMonitored), ZERO),
        committedCost: committedCost(card(year), key, licensed, year.period.hours),
        overageCost: oPrice ? overage.times(oPrice) : null,
        exceededAt: firsts.get(year.year) ?? null,
      });
    }
    quotas.push(plan);
  }
  return quotas;
}

/**
 * The months' quantities with what the quotas stop (no overages) as the rules' `not-monitored-*`
 * lines (negative), so that each unit's total is what is monitored.
 */
export function withNotMonitored(months: readonly MonthSums[], quotas: readonly QuotaPlan[], order: (q: Map<string, D>) => Map<string, D>): MonthSums[] {
  if (!quotas.some((q) => q.years.some((y) => y.notMonitored.greaterThan(0)))) return [...months];
  return months.map((sums, i) => {
    const add = new Map<string, D>();
    for (const q of quotas) {
      const m = q.months[i];
      if (m && m.notMonitored.greaterThan(0)) add.set(NOT_MONITORED_ID[q.key], (add.get(NOT_MONITORED_ID[q.key]) ?? ZERO).minus(m.notMonitored));
    }
    if (add.size === 0) return sums;
    const quantities = new Map(sums.quantities);
    for (const [id, v] of add) quantities.set(id, (quantities.get(id) ?? ZERO).plus(v));
    return { ...sums, quantities: order(quantities) };
  });
}
