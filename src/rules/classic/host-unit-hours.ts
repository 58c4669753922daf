// Classic host unit hours: host units (by RAM, from the weighting table) × calendar hours, for
// Full-Stack and Infrastructure hosts and for application-only containers (Full-Stack weighting of
// the memory they are seen with); a run under 5 minutes counts nothing. Discovery mode has no
// classic equivalent. Sources: application-and-infrastructure-monitoring.md (shared/docs/dynatrace/
// managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring)
// "Host units", "Host unit hours", "True concurrency in host unit hour calculations",
// "Application-only monitoring"; its SaaS copy (shared/docs/dynatrace/saas/license/monitoring-
// consumption-classic/, https://www.dynatrace.com/docs/license/monitoring-consumption-classic/application-and-infrastructure-monitoring)
// "Host unit hours calculation example (application-only monitoring)" and "Distributed traces";
// classic-monitoring-consumption.txt "Host unit hours".
import { activityLineItems, activityNotes } from '../kit/activity.js';
import { containerMemory } from '../../metering/containers.js';
import { classicHours, hostUnits, type HostUnits } from '../../metering/host-units.js';
import { D } from '../../core/decimal.js';
import { classicHostUnits, dailyProfile, runningEntries } from '../kit/fleet.js';
import { countPrefix, n, plural } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

const unitText = (hu: HostUnits, memoryGiB: D) =>
  `${plural(hu.value, 'host unit')} (${n(memoryGiB)} GiB${hu.rowGiB.equals(memoryGiB) ? '' : `: the ${n(hu.rowGiB)} GiB row`})`;

export const hostUnitHours = defineRule({
  id: 'classic/host-unit-hours',
  model: 'classic',
  sections: ['hosts', 'containers', 'pods', 'activity'],
  emits: ['host-unit-hours'],
  doc: 'application-and-infrastructure-monitoring.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/application-and-infrastructure-monitoring; SaaS copy https://www.dynatrace.com/docs/license/monitoring-consumption-classic/application-and-infrastructure-monitoring): Host units (weighting table); Host unit hours; True concurrency (5 minutes); Application-only monitoring',
  estimate(estate, context) {
    const { period, note } = context;
    const cap = estate.license?.infrastructureCap ?? true;
    const items: LineItemDraft[] = [];
    const discovery = estate.hosts.filter((h) => h.mode === 'discovery');
    if (discovery.length > 0) {
      note('discovery-no-classic', { names: discovery.map((h) => h.name) });
    }
    if (estate.pods.length > 0) {
      note('pods-no-classic', {});
    }
    const codeWithoutMemory = estate.hosts.filter((h) => h.mode === 'code' && h.memoryGiB === undefined);
    if (codeWithoutMemory.length > 0) note('code-hosts-no-memory-classic', { names: codeWithoutMemory.map((h) => h.name) });
    estate.hosts.forEach((host, i) => {
      const hu = classicHostUnits(host, cap);
      if (hu === undefined) return;
      const hours = classicHours(host.hoursPerDay, period);
      const mode = host.mode === 'infrastructure' ? ` Infrastructure${cap ? '' : ' (no cap)'}` : hu.applicationOnly ? ' application-only (Full-Stack weighting of the host memory)' : '';
      items.push({
        capabilityId: 'host-unit-hours',
        subject: host.name,
        path: `hosts[${i}]`,
        quantity: host.count.times(hu.value).times(hours.value),
        formula: `${countPrefix(host.count, 'host')}${unitText(hu, hu.memoryGiB)}${mode} × ${hours.text}`,
      });
    });
    estate.containers.forEach((c, i) => {
      const seen = containerMemory(c);
      const hu = hostUnits(seen.memoryGiB, 'fullstack');
      const hours = classicHours(c.hoursPerDay, period);
      items.push({
        capabilityId: 'host-unit-hours',
        subject: c.name,
        path: `containers[${i}]`,
        quantity: c.count.times(hu.value).times(hours.value),
        formula: `${countPrefix(c.count, ...seen.noun)}${unitText(hu, seen.memoryGiB)} ${seen.source} × ${hours.text}`,
      });
    });
    activityNotes(estate, context);
    // A loop, not push(...): one item per activity entry, which can be more than a call takes.
    for (const item of activityLineItems(estate, context, 'host-unit-hours', (s) => s.classic.hostUnitHours, 'the peak concurrent host units of each calendar hour (runs under 5 minutes not counted)')) {
      items.push(item);
    }
    // Information, not consumption: the trace volume Full-Stack host units include
    // (the SaaS copy's "Distributed traces": "Each environment processes a minimum of 5,000
    // full-service calls per minute", "peak trace volume = (number of active host units) * 250"), at
    // the estate's peak concurrency.
    const fullStack = D.max(...dailyProfile(runningEntries(estate).filter((r) => r.fullStack)));
    if (fullStack.greaterThan(0)) {
      const calls = D.max(5000, fullStack.times(250));
      note('classic-trace-volume', { calls: n(calls), hostUnits: n(fullStack) });
    }
    return items;
  },
});
