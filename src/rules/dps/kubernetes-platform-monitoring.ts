// DPS Kubernetes Platform Monitoring: pod-hours, independent of pod size, in 15-minute intervals.
// Pods running on Full-Stack monitored hosts (OneAgent 1.301+) are included in Full-Stack
// Monitoring (`onFullStackHosts`: no pod-hours, shown at 0 with the reason); pods on other hosts and
// pods stuck in Pending are billed. A pod-hour includes 60 Kubernetes warning events, pooled, whose
// excess Dynatrace does not charge today. Source:
// docs/dynatrace/saas/license/capabilities/container-monitoring/kubernetes-platform-monitoring.md
// (https://www.dynatrace.com/docs/license/capabilities/container-monitoring/kubernetes-platform-monitoring).
import { ZERO } from '../../core/decimal.js';
import { count, times } from '../../core/derivation.js';
import { dpsHours } from '../../metering/hours.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const kubernetesPlatformMonitoring = defineRule({
  id: 'dps/kubernetes-platform-monitoring',
  model: 'dps',
  sections: ['pods'],
  emits: ['kubernetes-platform-monitoring'],
  doc: 'kubernetes-platform-monitoring.md (https://www.dynatrace.com/docs/license/capabilities/container-monitoring/kubernetes-platform-monitoring): pod-hours, 15-minute intervals; pods on Full-Stack hosts included (OneAgent 1.301+)',
  estimate(estate, { period }) {
    const items: LineItemDraft[] = [];
    estate.pods.forEach((pod, i) => {
      const path = `pods[${i}]`;
      const podHours = times(count(pod.count, 'pod'), dpsHours(pod.hoursPerDay, period));
      if (pod.onFullStackHosts) {
        items.push({
          capabilityId: 'kubernetes-platform-monitoring',
          subject: pod.name,
          path,
          quantity: ZERO,
          formula: `on Full-Stack hosts: included in Full-Stack Monitoring (OneAgent 1.301+; pending pods are billed: list them apart), ${podHours.text} not billed`,
        });
        return;
      }
      items.push({ capabilityId: 'kubernetes-platform-monitoring', subject: pod.name, path, quantity: podHours.value, formula: `${podHours.text} (includes 60 warning events per pod-hour)` });
    });
    return items;
  },
});
