// Classic host-unit quota: the licensed host units (the committed cost), and the concurrent host
// units beyond them counted in host unit hours ("2 (host units) × 24 (hours a day) × 7 (days) =
// 336"); a pool of `hostUnitHours` absorbs spikes before overages accrue ("9,000 / 24 + 100 = 475
// max host units" for one day); without a host-unit quota, the pool itself is the contract.
// Environments: each has its own host units, but "overages are calculated per account and not per
// environment. Only when the account quota is exceeded, then overages are incurred" (70 + 30 of
// 80 + 20 is no overage); an environment that allows no overages stops at its own host units.
// Overages arise only where the contract allows them (`overages`); otherwise what is beyond the
// quota is not monitored ("Your maximum quota is reached, and monitoring is deactivated",
// license-overview-classic.md). Sources: application-and-infrastructure-monitoring.md
// (shared/docs/dynatrace/managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring)
// "Host unit overages (Optional)", "Apply host unit hours to demand spikes and select projects",
// "Overages and multiple environments", "True concurrency in host unit hour calculations";
// classic-monitoring-consumption.txt "Host unit overages"; license-overview-classic.md
// (https://docs.dynatrace.com/managed/manage/account-management/license-subscription/license-overview-classic).
import { D, ZERO } from '../../core/decimal.js';
import { dailyProfiles, environmentOf, runningEntries } from '../kit/fleet.js';
import { accountHostUnits, allowsOverages, licensedLine, quotaForPeriod, scaleTo } from '../kit/quota.js';
import { n, plural } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

/** One kind of hour of the period: the hour of the day it is, the runs observed in it, and how many such hours there are. */
interface Slot {
  hourOfDay: number;
  observed: ReadonlyMap<string | undefined, D> | undefined;
  weight: D;
  /** An hour of the observed window (else: an hour of the day without observations). */
  inWindow: boolean;
}

export const overageHostUnitHours = defineRule({
  id: 'classic/overage-host-unit-hours',
  model: 'classic',
  sections: [],
  licenseKeys: ['hostUnits', 'hostUnitHours'],
  emits: ['licensed-host-units', 'licensed-host-unit-hours', 'overage-host-unit-hours', 'not-monitored-host-unit-hours'],
  doc: 'application-and-infrastructure-monitoring.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring): Host unit overages; Apply host unit hours to demand spikes; Overages and multiple environments; True concurrency',
  estimate(estate, { period, note, activity }) {
    const license = estate.license;
    const quota = accountHostUnits(estate);
    const stopping = estate.environments.filter((e) => e.hostUnits !== undefined && !e.overages);
    if (quota === undefined && license?.hostUnitHours === undefined && stopping.length === 0) return [];
    const items: LineItemDraft[] = [];
    const days = period.days;

    if (quota !== undefined) {
      const assigned = license?.hostUnits === undefined ? ` (assigned to the environments: ${estate.environments.filter((e) => e.hostUnits !== undefined).map((e) => `${e.name} ${n(e.hostUnits!)}`).join(' + ')})` : '';
      const years = scaleTo(quota, 'year', period);
      items.push(licensedLine('licensed-host-units', { value: years.value, text: `${plural(quota, 'host unit')} licensed${assigned} × ${years.text} (host-unit years)` }));
    }
    const pool = license?.hostUnitHours === undefined ? undefined : quotaForPeriod(license.hostUnitHours, license.hostUnitHoursPeriod, period, ['host unit hour', 'host unit hours']);
    if (pool !== undefined) items.push(licensedLine('licensed-host-unit-hours', { value: pool.value, text: `${pool.text} (a pool for spikes)` }));

    // The steady entries' concurrency per environment, and the observed runs', hour by hour.
    const profiles = dailyProfiles(runningEntries(estate));
    const observed = new Map<number, Map<string | undefined, D>>();
    for (const a of estate.activity) {
      const env = environmentOf(estate, a);
      for (const [hour, hu] of activity.get(a.name)?.classic.hourly ?? []) {
        let byEnv = observed.get(hour);
        if (byEnv === undefined) observed.set(hour, (byEnv = new Map()));
        byEnv.set(env, (byEnv.get(env) ?? ZERO).plus(hu));
      }
    }
    // A loop, not Math.min(...keys): years of activity are more hours than a call takes arguments.
    let first = Infinity;
    let last = -Infinity;
    for (const hour of observed.keys()) {
      if (hour < first) first = hour;
      if (hour > last) last = hour;
    }
    const windowHours = observed.size === 0 ? 0 : last - first + 1;
    const outside = D.max(0, period.hours.minus(windowHours));
    // The hours of the period: the observed window hour by hour, then each hour of the day for the
    // time without observations (days × the steady profile).
    const slots: Slot[] = [];
    for (let hour = first; hour < first + windowHours; hour++) slots.push({ hourOfDay: ((hour % 24) + 24) % 24, observed: observed.get(hour), weight: new D(1), inWindow: true });
    if (outside.greaterThan(0)) for (let h = 0; h < 24; h++) slots.push({ hourOfDay: h, observed: undefined, weight: outside.div(24), inWindow: false });

    const envs = new Set<string | undefined>([...profiles.keys(), ...[...observed.values()].flatMap((m) => [...m.keys()])]);
    const stopAt = new Map(stopping.map((e) => [e.name as string | undefined, e.hostUnits!]));
    const stopped = new Map<string | undefined, D>();
    let monitored = ZERO;
    let excess = ZERO;
    let excessInWindow = ZERO;
    let peak = ZERO;
    let peakInWindow = ZERO;
    let overHours = ZERO;
    for (const slot of slots) {
      let account = ZERO;
      for (const env of envs) {
        const used = (profiles.get(env)?.[slot.hourOfDay] ?? ZERO).plus(slot.observed?.get(env) ?? ZERO);
        const cap = stopAt.get(env);
        const kept = cap !== undefined && used.greaterThan(cap) ? cap : used;
        if (!kept.equals(used)) stopped.set(env, (stopped.get(env) ?? ZERO).plus(used.minus(kept).times(slot.weight)));
        account = account.plus(kept);
      }
      peak = D.max(peak, account);
      if (slot.inWindow) peakInWindow = D.max(peakInWindow, account);
      monitored = monitored.plus(account.times(slot.weight));
      if (quota !== undefined && account.greaterThan(quota)) {
        const over = account.minus(quota).times(slot.weight);
        excess = excess.plus(over);
        if (slot.inWindow) excessInWindow = excessInWindow.plus(over);
        else overHours = overHours.plus(slot.weight);
      }
    }

    // What each environment without overages stops at its own host units.
    estate.environments.forEach((e, i) => {
      const lost = stopped.get(e.name);
      if (lost === undefined || !lost.greaterThan(0)) return;
      note('environment-quota-stop', { environment: e.name, hostUnits: n(e.hostUnits!), excess: plural(lost, 'host unit hour') });
      items.push({ capabilityId: 'not-monitored-host-unit-hours', subject: e.name, path: `environments[${i}]`, quantity: lost.negated(), formula: `not monitored: host units beyond the ${n(e.hostUnits!)} of environment ${e.name}, hour by hour, and no overages there: ${n(lost)} host unit hours` });
    });
    if (quota === undefined && pool === undefined) return items;

    let formula: string;
    if (quota === undefined) {
      excess = monitored;
      formula = `${n(monitored)} host unit hours${observed.size === 0 ? '' : ' (observed runs included)'}`;
    } else {
      const oneAccount = envs.size <= 1 && stopping.length === 0;
      const profile = profiles.get([...envs][0]) ?? [];
      if (oneAccount && observed.size === 0 && overHours.equals(days.times(24)) && profile.every((h) => h.equals(profile[0]!))) {
        formula = `(${n(peak)} concurrent − ${n(quota)} licensed) host units × 24 h/day × ${n(days)} d`;
      } else if (oneAccount && observed.size === 0) {
        formula = `host units beyond ${n(quota)} licensed, hour by hour (peak ${n(peak)}, over the quota ${n(overHours.div(days))} h/day): ${n(excess.div(days))} host unit hours/day × ${n(days)} d`;
      } else {
        // Within the observed window: the steady entries (at that hour of the day) plus the runs;
        // outside it, the steady entries alone.
        const perDay = outside.isZero() ? ZERO : excess.minus(excessInWindow).times(24).div(outside);
        const accounts = envs.size > 1 || stopping.length > 0 ? ` (the environments summed: ${[...envs].map((e) => e ?? 'unassigned').join(' + ')}; overages are per account)` : '';
        formula =
          observed.size === 0
            ? `host units beyond ${n(quota)} licensed${accounts}, hour by hour (peak ${n(peak)}): ${n(excess.div(days))} host unit hours/day × ${n(days)} d`
            : `host units beyond ${n(quota)} licensed${accounts}, hour by hour: ${n(excessInWindow)} host unit hours over the ${windowHours} observed hours (peak ${n(peakInWindow)})${outside.isZero() ? '' : ` + ${n(perDay)} host unit hours/day × ${n(outside)} h / 24 h without observations`}`;
      }
    }
    const over = D.max(0, excess.minus(pool?.value ?? ZERO));
    if (pool !== undefined) formula += ` − ${n(pool.value)} host unit hours in the pool`;
    if (allowsOverages(license)) {
      items.push({ capabilityId: 'overage-host-unit-hours', subject: 'license', path: 'license', quantity: over, formula });
    } else if (over.greaterThan(0)) {
      note('quota-no-overages', { quota: 'host-unit', excess: plural(over, 'host unit hour') });
      items.push({ capabilityId: 'not-monitored-host-unit-hours', subject: 'license', path: 'license', quantity: over.negated(), formula: `not monitored (no overages): ${formula}` });
    }
    return items;
  },
});
