// Classic licensing over a contract: the licensed quotas are what is committed, consumption beyond
// them is overage, month by month. Sources: managed/license/classic-licensing/
// application-and-infrastructure-monitoring.md (host units are a concurrent limit, "the overages
// will be calculated in host unit hours"; host unit hours are a pool), digital-experience-monitoring-
// units.md ("If you've set up an annual RUM sessions quota, your usage will reset annually"),
// davis-data-units.md (DDUs "renewing at the beginning of each year"; "Your DDU quota is reset on each
// anniversary of the contract term"; no carry-over).
//
// - `license.hostUnits`: concurrent host units, checked hour by hour of each month (the estate's
//   entries taken to start together at midnight, as the estimate takes them, plus the month's
//   observed runs); the host unit hours beyond it are drawn from `license.hostUnitHours` when there
//   is such a pool, and are overage once it is used up (or at once without one).
// - `license.hostUnitHours` alone, `license.demUnits`, `license.ddus`: pools of a contract year (or
//   of a month: `<key>Period: month` where the licence states one), consumed from the start of the
//   period; what is consumed once the pool is used up is overage.
// - Committed cost: the quotas at the rate card's prices per unit (a licensed host unit for a year is
//   the year's hours of host unit hours); overage at the overage line's own price when the card has
//   one, else at the unit's. Without `overages` (false), nothing beyond a quota is billed: monitoring
//   would stop there, and the plan says when.
import { HOUR_MS } from '../core/calendar.js';
import { capability } from '../core/capabilities.js';
import { D, ONE, ZERO } from '../core/decimal.js';
import type { EstateData, License } from '../input/schema.js';
import type { RateCard } from '../pricing/rate-card.js';
import { dailyProfile, runningEntries } from '../rules/kit/fleet.js';
import type { ActivitySummary } from '../input/activity.js';
import type { MonthSums } from './engine.js';
import type { EntryClass, Factors, Scenario } from './factors.js';
import type { MonthRow, Timeline } from './timeline.js';

export type QuotaKey = 'hostUnits' | 'hostUnitHours' | 'demUnits' | 'ddus';

export interface QuotaMonth {
  row: MonthRow;
  /** Pools: the units consumed this month; host units: the peak concurrent host units. */
  used: D;
  /** Pools: consumed so far in the quota's period; null for host units. */
  cumulative: D | null;
  /** Beyond the quota this month: units of a pool, host unit hours beyond the concurrent host units. */
  excess: D;
  /** What of the excess is billed as overage (none when a pool takes it, or without overages). */
  overage: D;
  overageCost: D | null;
}

export interface QuotaYear {
  year: number;
  licensed: D;
  used: D;
  overage: D;
  committedCost: D | null;
  overageCost: D | null;
  /** The first instant the quota is exceeded in the year (ms), or null. */
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

/** The card's price of a unit (after its discount), or null. */
export function unitPriceOfUnit(card: RateCard, unit: string): D | null {
  const p = card.prices.get(unit);
  return p ? p.unitPrice.times(ONE.minus(card.discount)) : null;
}

function overagePrice(card: RateCard, key: QuotaKey): D | null {
  const own = card.prices.get(OVERAGE_ID[key]);
  if (own) return own.unitPrice.times(ONE.minus(card.discount));
  return unitPriceOfUnit(card, key === 'hostUnits' ? 'host-unit-hour' : POOL_UNIT[key]);
}

/** Consumption in a unit in a month: its capabilities' quantities, overage lines left out. */
function consumed(sums: MonthSums, unit: string): D {
  let total = ZERO;
  for (const [id, q] of sums.quantities) {
    const cap = capability(id);
    if (cap.unit === unit && !cap.overage) total = total.plus(q);
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

/** The 24-hour host-unit profile of each class's hosts and containers, and of entries of no class. */
function profiles(data: EstateData, factors: Factors): { cls: EntryClass | undefined; profile: D[] }[] {
  const groups = new Map<EntryClass | undefined, { hosts: EstateData['hosts']; containers: EstateData['containers'] }>();
  const group = (cls: EntryClass | undefined) => {
    let g = groups.get(cls);
    if (!g) groups.set(cls, (g = { hosts: [], containers: [] }));
    return g;
  };
  data.hosts.forEach((h, i) => group(factors.classOf(`hosts[${i}]`)).hosts.push(h));
  data.containers.forEach((c, i) => group(factors.classOf(`containers[${i}]`)).containers.push(c));
  return [...groups].map(([cls, g]) => ({ cls, profile: dailyProfile(runningEntries({ ...data, hosts: g.hosts, containers: g.containers })) }));
}

const periodOf = (license: License, key: QuotaKey): 'year' | 'month' => ((license as Record<string, unknown>)[`${key}Period`] === 'month' ? 'month' : 'year');

/** The quotas of one scenario, month by month and year by year. */
export function classicQuotas(input: ClassicInput, months: readonly MonthSums[], scenario: Scenario): QuotaPlan[] {
  const license = input.data.license;
  if (!license) return [];
  const { time, factors, cards } = input;
  const card = (row: { year: number }) => cards[Math.min(row.year, cards.length) - 1]!;
  const quotas: QuotaPlan[] = [];

  // Host units: concurrency hour by hour; the excess in host unit hours.
  const excessHours = new Map<number, D>(); // by month index
  if (license.hostUnits !== undefined) {
    const quota = license.hostUnits;
    const byClass = profiles(input.data, factors);
    const plan: QuotaPlan = { key: 'hostUnits', unit: 'host-unit', licensed: quota, period: 'concurrent', overages: license.overages, months: [], years: [] };
    const pool = license.hostUnitHours !== undefined;
    const firsts = new Map<number, number>();
    for (const sums of months) {
      const row = sums.row;
      // The classes' profiles, scaled, summed by the hours they are in service this month.
      const byWindow = new Map<string, { profile: D[]; window: readonly [number, number] }>();
      for (const { cls, profile } of byClass) {
        const rate = cls ? factors.rate(cls, row, scenario) : ONE;
        const window = cls ? factors.window(cls, row) : ([row.start, row.end] as [number, number]);
        if (window[1] <= window[0]) continue;
        const key = `${window[0]}-${window[1]}`;
        const same = byWindow.get(key);
        if (same) same.profile = same.profile.map((p, h) => p.plus(profile[h]!.times(rate)));
        else byWindow.set(key, { profile: profile.map((p) => p.times(rate)), window });
      }
      const parts = [...byWindow.values()];
      const observed = new Map<number, D>();
      for (const summary of input.activity?.(row)?.values() ?? []) for (const [hour, hu] of summary.classic.hourly) observed.set(hour, (observed.get(hour) ?? ZERO).plus(hu));
      let peak = ZERO;
      let excess = ZERO;
      let first: number | null = null;
      for (let t = row.start; t < row.end; t += HOUR_MS) {
        const hour = Math.floor(t / HOUR_MS);
        let concurrent = observed.get(hour) ?? ZERO;
        for (const p of parts) if (p.window[0]! < t + HOUR_MS && p.window[1]! > t) concurrent = concurrent.plus(p.profile[hour % 24]!);
        if (concurrent.greaterThan(peak)) peak = concurrent;
        if (concurrent.greaterThan(quota)) {
          excess = excess.plus(concurrent.minus(quota));
          first ??= t;
        }
      }
      excessHours.set(row.index, excess);
      const overage = pool || !license.overages ? ZERO : excess;
      const price = overagePrice(card(row), 'hostUnits');
      plan.months.push({ row, used: peak, cumulative: null, excess, overage, overageCost: price ? overage.times(price) : null });
      if (first !== null && !firsts.has(row.year)) firsts.set(row.year, first);
    }
    for (const year of time.years) {
      const ms = plan.months.filter((m) => m.row.year === year.year);
      const price = unitPriceOfUnit(card(year), 'host-unit-hour');
      const overage = ms.reduce((t, m) => t.plus(m.overage), ZERO);
      const oPrice = overagePrice(card(year), 'hostUnits');
      plan.years.push({
        year: year.year,
        licensed: quota,
        used: ms.reduce((t, m) => D.max(t, m.used), ZERO),
        overage,
        committedCost: price ? quota.times(year.period.hours).times(price) : null,
        overageCost: oPrice ? overage.times(oPrice) : null,
        exceededAt: firsts.get(year.year) ?? null,
      });
    }
    quotas.push(plan);
  }

  // Pools: a contract year's (or a month's) units, consumed from the start of the period.
  for (const key of ['hostUnitHours', 'demUnits', 'ddus'] as const) {
    const licensed = license[key];
    if (licensed === undefined) continue;
    const unit = POOL_UNIT[key];
    const period = periodOf(license, key);
    const plan: QuotaPlan = { key, unit, licensed, period, overages: license.overages, months: [], years: [] };
    const firsts = new Map<number, number>();
    let cumulative = ZERO;
    let periodKey = '';
    for (const sums of months) {
      const row = sums.row;
      const k = period === 'month' ? row.label : String(row.year);
      if (k !== periodKey) {
        cumulative = ZERO;
        periodKey = k;
      }
      // The host unit hour pool takes what is beyond the concurrent host units, when those are licensed.
      const used = key === 'hostUnitHours' && license.hostUnits !== undefined ? excessHours.get(row.index) ?? ZERO : consumed(sums, unit);
      const before = cumulative;
      cumulative = cumulative.plus(used);
      const excess = D.max(0, cumulative.minus(licensed)).minus(D.max(0, before.minus(licensed)));
      if (excess.greaterThan(0) && !firsts.has(row.year)) {
        // Consumption taken as even over the month.
        firsts.set(row.year, row.start + licensed.minus(before).div(used).times(row.end - row.start).round().toNumber());
      }
      const overage = license.overages ? excess : ZERO;
      const price = overagePrice(card(row), key);
      plan.months.push({ row, used, cumulative, excess, overage, overageCost: price ? overage.times(price) : null });
    }
    for (const year of time.years) {
      const ms = plan.months.filter((m) => m.row.year === year.year);
      const price = unitPriceOfUnit(card(year), unit);
      const periods = period === 'month' ? ms.length : 1;
      const overage = ms.reduce((t, m) => t.plus(m.overage), ZERO);
      const oPrice = overagePrice(card(year), key);
      plan.years.push({
        year: year.year,
        licensed: licensed.times(periods),
        used: ms.reduce((t, m) => t.plus(m.used), ZERO),
        overage,
        committedCost: price ? licensed.times(periods).times(price) : null,
        overageCost: oPrice ? overage.times(oPrice) : null,
        exceededAt: firsts.get(year.year) ?? null,
      });
    }
    quotas.push(plan);
  }
  return quotas;
}
