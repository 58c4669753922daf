// Classic host unit overages: concurrent host units beyond the licensed `hostUnits` are counted in
// host unit hours ("2 (host units) × 24 (hours a day) × 7 (days) = 336"); a pool of
// `hostUnitHours` absorbs spikes before overages accrue ("9,000 / 24 + 100 = 475 max host units"
// for one day); without a host-unit quota, the pool itself is the contract. Overages arise only
// where the contract allows them (`overages`). Sources: classic-licensing-bundle.md "Host unit
// overages", "Apply host unit hours to demand spikes", "True concurrency"; classic-monitoring-
// consumption.txt "Host unit overages".
import { D, sum, ZERO } from '../decimal.js';
import { dailyProfile, runningEntries } from './shared/concurrency.js';
import { n, plural } from './shared/text.js';
import { defineRule } from './types.js';

export const overageHostUnitHours = defineRule({
  id: 'classic/overage-host-unit-hours',
  model: 'classic',
  sections: [],
  licenseKeys: ['hostUnits', 'hostUnitHours'],
  capabilityIds: ['overage-host-unit-hours'],
  doc: 'classic-licensing-bundle.md: Host unit overages; Apply host unit hours to demand spikes; True concurrency',
  estimate(estate, { period, note }) {
    const license = estate.license;
    if (!license || (license.hostUnits === undefined && license.hostUnitHours === undefined)) return [];
    const running = runningEntries(estate);
    const profile = dailyProfile(running);
    const days = period.days;
    let excess: D;
    let formula: string;
    if (license.hostUnits !== undefined) {
      const quota = license.hostUnits;
      const hourly = profile.map((hu) => D.max(0, hu.minus(quota)));
      const perDay = sum(hourly);
      excess = perDay.times(days);
      const peak = D.max(...profile);
      const over = hourly.filter((h) => h.greaterThan(0)).length;
      formula = over === 24 && hourly.every((h) => h.equals(hourly[0]!))
        ? `(${n(peak)} concurrent − ${n(quota)} licensed) host units × 24 h/day × ${n(days)} d`
        : `host units beyond ${n(quota)} licensed, hour by hour (peak ${n(peak)}, over the quota ${over} h/day): ${n(perDay)} host unit hours/day × ${n(days)} d`;
    } else {
      const total = sum(running.map((r) => r.hostUnits.times(r.hours))).times(days);
      excess = total;
      formula = `${n(total)} host unit hours`;
    }
    const pool = license.hostUnitHours ?? ZERO;
    const overage = D.max(0, excess.minus(pool));
    if (license.hostUnitHours !== undefined) formula += ` − ${n(pool)} host unit hours in the pool`;
    if (overage.greaterThan(0) && !license.overages) {
      note(`the host-unit quota would be exceeded by ${plural(overage, 'host unit hour')}, and the license allows no overages: monitoring beyond the quota would stop`);
      return [];
    }
    return [{ capabilityId: 'overage-host-unit-hours', subject: 'license', path: 'license', quantity: overage, formula }];
  },
});
