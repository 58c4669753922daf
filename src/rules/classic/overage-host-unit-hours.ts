// Classic host unit overages: concurrent host units beyond the licensed `hostUnits` are counted in
// host unit hours ("2 (host units) × 24 (hours a day) × 7 (days) = 336"); a pool of
// `hostUnitHours` absorbs spikes before overages accrue ("9,000 / 24 + 100 = 475 max host units"
// for one day); without a host-unit quota, the pool itself is the contract. Overages arise only
// where the contract allows them (`overages`). Sources: classic-licensing-bundle.md "Host unit
// overages", "Apply host unit hours to demand spikes", "True concurrency"; classic-monitoring-
// consumption.txt "Host unit overages".
import { D, sum, ZERO } from '../../core/decimal.js';
import { dailyProfile, runningEntries } from '../kit/fleet.js';
import { n, plural } from '../../core/text.js';
import { defineRule } from '../types.js';

export const overageHostUnitHours = defineRule({
  id: 'classic/overage-host-unit-hours',
  model: 'classic',
  sections: [],
  licenseKeys: ['hostUnits', 'hostUnitHours'],
  emits: ['overage-host-unit-hours'],
  doc: 'classic-licensing-bundle.md: Host unit overages; Apply host unit hours to demand spikes; True concurrency',
  estimate(estate, { period, note, activity }) {
    const license = estate.license;
    if (!license || (license.hostUnits === undefined && license.hostUnitHours === undefined)) return [];
    const running = runningEntries(estate);
    const profile = dailyProfile(running);
    const days = period.days;
    let excess: D;
    let formula: string;
    // Observed runs add their peak concurrency, calendar hour by calendar hour, over their window.
    const observed = new Map<number, D>();
    for (const a of estate.activity) {
      for (const [hour, hu] of activity.get(a.name)?.classic.hourly ?? []) observed.set(hour, (observed.get(hour) ?? ZERO).plus(hu));
    }
    // A loop, not Math.min(...keys): years of activity are more hours than a call takes arguments.
    let first = Infinity;
    let last = -Infinity;
    for (const hour of observed.keys()) {
      if (hour < first) first = hour;
      if (hour > last) last = hour;
    }
    const windowHours = observed.size === 0 ? 0 : last - first + 1;
    if (license.hostUnits !== undefined) {
      const quota = license.hostUnits;
      const hourly = profile.map((hu) => D.max(0, hu.minus(quota)));
      const perDay = sum(hourly);
      const peak = D.max(...profile);
      const over = hourly.filter((h) => h.greaterThan(0)).length;
      if (observed.size === 0) {
        excess = perDay.times(days);
        formula = over === 24 && hourly.every((h) => h.equals(hourly[0]!))
          ? `(${n(peak)} concurrent − ${n(quota)} licensed) host units × 24 h/day × ${n(days)} d`
          : `host units beyond ${n(quota)} licensed, hour by hour (peak ${n(peak)}, over the quota ${over} h/day): ${n(perDay)} host unit hours/day × ${n(days)} d`;
      } else {
        // Within the observed window: the estate's entries (at that hour of the day) plus the runs;
        // outside it, the entries alone.
        let inWindow = ZERO;
        let windowPeak = ZERO;
        for (let hour = first; hour < first + windowHours; hour++) {
          const concurrent = profile[((hour % 24) + 24) % 24]!.plus(observed.get(hour) ?? ZERO);
          windowPeak = D.max(windowPeak, concurrent);
          inWindow = inWindow.plus(D.max(0, concurrent.minus(quota)));
        }
        const outside = D.max(0, period.hours.minus(windowHours));
        excess = inWindow.plus(perDay.times(outside).div(24));
        formula = `host units beyond ${n(quota)} licensed, hour by hour: ${n(inWindow)} host unit hours over the ${windowHours} observed hours (peak ${n(windowPeak)})${outside.isZero() ? '' : ` + ${n(perDay)} host unit hours/day × ${n(outside)} h / 24 h without observations`}`;
      }
    } else {
      const observedTotal = sum(observed.values());
      const total = sum(running.map((r) => r.hostUnits.times(r.hours))).times(days).plus(observedTotal);
      excess = total;
      formula = `${n(total)} host unit hours${observedTotal.isZero() ? '' : ` (${n(observedTotal)} of them observed)`}`;
    }
    const pool = license.hostUnitHours ?? ZERO;
    const overage = D.max(0, excess.minus(pool));
    if (license.hostUnitHours !== undefined) formula += ` − ${n(pool)} host unit hours in the pool`;
    if (overage.greaterThan(0) && !license.overages) {
      note('quota-no-overages', { quota: 'host-unit', excess: plural(overage, 'host unit hour') });
      return [];
    }
    return [{ capabilityId: 'overage-host-unit-hours', subject: 'license', path: 'license', quantity: overage, formula }];
  },
});
