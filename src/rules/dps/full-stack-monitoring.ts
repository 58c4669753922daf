// DPS Full-Stack Monitoring in memory-GiB-hours, metered in 15-minute intervals (a partial interval
// counts whole). Hosts by their memory rounded up to the next 0.25 GiB with a 4 GiB minimum;
// application-only containers by the memory they are billed on (the used memory with OneAgent
// 1.275+, else the limit or the node's memory) with a 256 MiB minimum and the same rounding; a
// Solaris zone counts as a host. Observed runs (activity files) count their real intervals.
// Source: docs/dynatrace/saas/license/capabilities/app-infra-observability/full-stack-monitoring.md
// (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/full-stack-monitoring),
// "How consumption is calculated", "Memory-size calculations", the application-only scenario table.
import { count, times } from '../../core/derivation.js';
import { hasMemory } from '../../input/schema.js';
import { containerMemory } from '../../metering/containers.js';
import { dpsHours } from '../../metering/hours.js';
import { billedMemory } from '../../metering/memory.js';
import { activityLineItems, activityNotes } from '../kit/activity.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const FULL_STACK_PAGE = 'full-stack-monitoring.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/full-stack-monitoring)';

export const fullStackMonitoring = defineRule({
  id: 'dps/full-stack-monitoring',
  model: 'dps',
  sections: ['hosts', 'containers', 'activity'],
  emits: ['full-stack-monitoring'],
  doc: `${FULL_STACK_PAGE}: How consumption is calculated (0.25 GiB rounding, 4 GiB host and 256 MiB container minimums, 15-minute intervals); Memory-size calculations`,
  estimate(estate, context) {
    const { period } = context;
    const items: LineItemDraft[] = [];
    estate.hosts.forEach((host, i) => {
      if (!hasMemory(host) || host.mode !== 'fullstack') return;
      const gibHours = times(count(host.count, 'host'), billedMemory(host.memoryGiB, true), dpsHours(host.hoursPerDay, period));
      items.push({ capabilityId: 'full-stack-monitoring', subject: host.name, path: `hosts[${i}]`, quantity: gibHours.value, formula: gibHours.text });
    });
    estate.containers.forEach((c, i) => {
      if (c.monitoring !== 'fullstack') return;
      const seen = containerMemory(c, 'dps');
      const memory = billedMemory(seen.memoryGiB, seen.asHost);
      const gibHours = times(count(c.count, ...seen.noun), { value: memory.value, text: `${memory.text} ${seen.source}` }, dpsHours(c.hoursPerDay, period));
      items.push({ capabilityId: 'full-stack-monitoring', subject: c.name, path: `containers[${i}]`, quantity: gibHours.value, formula: gibHours.text });
    });
    activityNotes(estate, context);
    // A loop, not push(...): one item per activity entry, which can be more than a call takes.
    for (const item of activityLineItems(estate, context, 'full-stack-monitoring', (s) => s.dps.fullStackGiBHours, '15-minute intervals × memory rounded up to 0.25 GiB (4 GiB minimum)')) items.push(item);
    return items;
  },
});
