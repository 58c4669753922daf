// DPS Code Monitoring: container-hours of containers monitored with `monitoring: code`; each
// 15-minute interval counts 0.25. Source: prices-and-rules.md "DPS metering rules", Code Monitoring.
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const codeMonitoring = defineRule({
  id: 'dps/code-monitoring',
  model: 'dps',
  sections: ['containers'],
  emits: ['code-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Code Monitoring (container-hours, 15-minute intervals)',
  estimate: (estate, { period }) =>
    perRunningHour(estate.containers, 'containers', 'code-monitoring', ['container', 'containers'], period, (i) => estate.containers[i]!.monitoring === 'code'),
});
