// Classic Application Security units: "Each capability consumes 1 ASU per hour multiplied by the RAM
// weight" of the host-unit weighting table (Full-Stack column, for Full-Stack and Infrastructure
// hosts alike: "Application Security units are consumed concurrently with host units for both
// Full-Stack and Infrastructure Monitoring"), for the hours the server runs; "a server with Runtime
// Application Protection enabled always consumes ASUs for both RVA and RAP" (× 2). The example:
// 32 GiB with RVA and RAP all year = 4 × 24 × 365 = 35,040; 32 GiB RVA = 17,520; 4 GiB RVA = 2,190;
// 54,750 for the three; a 32 GiB spike server with both for 250 hours = 4 × 250 = 1,000.
// Hours are the host's calendar hours (metering/host-units.ts; the page's example uses whole hours).
// Application-only containers with appSecurity are weighed by the memory they are seen with, as
// their host units are. Source: application-security-units.md (shared/docs/dynatrace/managed/
// license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-security-units).
import { containerMemory } from '../../metering/containers.js';
import { asuPerHour, classicHours } from '../../metering/host-units.js';
import { count, times } from '../../core/derivation.js';
import { hasMemory } from '../../input/schema.js';
import { defineRule, lineItem, type LineItemDraft } from '../types.js';

export const applicationSecurityUnits = defineRule({
  id: 'classic/application-security-units',
  model: 'classic',
  sections: ['hosts', 'containers'],
  emits: ['application-security-units'],
  doc: 'application-security-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-security-units): 1 ASU per hour × the RAM weight, RVA and RAP; calculation example',
  estimate(estate, { period, note }) {
    const items: LineItemDraft[] = [];
    const none: string[] = [];
    estate.hosts.forEach((h, i) => {
      if (h.appSecurity.length === 0) return;
      if (!hasMemory(h) || h.mode === 'discovery') {
        none.push(h.name);
        return;
      }
      const asu = times(count(h.count, 'host'), asuPerHour(h.memoryGiB, h.appSecurity), classicHours(h.hoursPerDay, period));
      items.push(lineItem('application-security-units', h.name, `hosts[${i}]`, asu.value, asu.text));
    });
    estate.containers.forEach((c, i) => {
      if (c.appSecurity.length === 0) return;
      const seen = containerMemory(c);
      const asu = times(count(c.count, ...seen.noun), asuPerHour(seen.memoryGiB, c.appSecurity), classicHours(c.hoursPerDay, period));
      items.push(lineItem('application-security-units', c.name, `containers[${i}]`, asu.value, `${asu.text} (${seen.source})`));
    });
    if (none.length > 0) note('asu-not-applicable', { names: none });
    return items;
  },
});
