// DPS Full-Stack Monitoring in memory-GiB-hours: Full-Stack hosts by their memory (rounded up to
// 0.25 GiB, 4 GiB minimum) and application-only containers by the memory they are seen with (0.25
// GiB minimum), in 15-minute intervals. Source: prices-and-rules.md "DPS metering rules", Full-Stack
// Monitoring; container memory: classic-licensing-bundle.md "Application-only monitoring".
import { activityLineItems, activityNotes } from '../kit/activity.js';
import { containerMemory } from '../../metering/containers.js';
import { dpsHours } from '../../metering/hours.js';
import { billedMemory } from '../../metering/memory.js';
import { countPrefix } from '../../core/text.js';
import { hasMemory } from '../../input/schema.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const fullStackMonitoring = defineRule({
  id: 'dps/full-stack-monitoring',
  model: 'dps',
  sections: ['hosts', 'containers', 'activity'],
  emits: ['full-stack-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Full-Stack Monitoring (memory rounding, minimums, 15-minute intervals)',
  estimate(estate, context) {
    const { period } = context;
    const items: LineItemDraft[] = [];
    estate.hosts.forEach((host, i) => {
      if (!hasMemory(host) || host.mode !== 'fullstack') return;
      const memory = billedMemory(host.memoryGiB, true);
      const hours = dpsHours(host.hoursPerDay, period);
      items.push({
        capabilityId: 'full-stack-monitoring',
        subject: host.name,
        path: `hosts[${i}]`,
        quantity: host.count.times(memory.value).times(hours.value),
        formula: `${countPrefix(host.count, 'host')}${memory.text} × ${hours.text}`,
      });
    });
    estate.containers.forEach((c, i) => {
      if (c.monitoring !== 'fullstack') return;
      const seen = containerMemory(c);
      const memory = billedMemory(seen.memoryGiB, seen.asHost);
      const hours = dpsHours(c.hoursPerDay, period);
      items.push({
        capabilityId: 'full-stack-monitoring',
        subject: c.name,
        path: `containers[${i}]`,
        quantity: c.count.times(memory.value).times(hours.value),
        formula: `${countPrefix(c.count, ...seen.noun)}${memory.text} ${seen.source} × ${hours.text}`,
      });
    });
    activityNotes(estate, context);
    // A loop, not push(...): one item per activity entry, which can be more than a call takes.
    for (const item of activityLineItems(estate, context, 'full-stack-monitoring', (s) => s.dps.fullStackGiBHours, '15-minute intervals × memory rounded up to 0.25 GiB (4 GiB minimum)')) items.push(item);
    return items;
  },
});
