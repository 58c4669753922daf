// DPS Kubernetes Platform Monitoring: pod-hours of pods not on Full-Stack hosts, in 15-minute
// intervals, independent of pod size. Source: prices-and-rules.md "DPS metering rules".
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const kubernetesPlatformMonitoring = defineRule({
  id: 'dps/kubernetes-platform-monitoring',
  model: 'dps',
  sections: ['pods'],
  emits: ['kubernetes-platform-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Kubernetes Platform Monitoring (pod-hours)',
  estimate: (estate, { period }) => perRunningHour(estate.pods, 'pods', 'kubernetes-platform-monitoring', ['pod', 'pods'], period),
});
