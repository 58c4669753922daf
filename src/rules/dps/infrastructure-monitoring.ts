// DPS Infrastructure Monitoring: host-hours of Infrastructure-mode hosts, in 15-minute intervals,
// independent of memory. Source: prices-and-rules.md "DPS metering rules", Infrastructure Monitoring.
import { activityLineItems } from '../kit/activity.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const infrastructureMonitoring = defineRule({
  id: 'dps/infrastructure-monitoring',
  model: 'dps',
  sections: ['hosts', 'activity'],
  emits: ['infrastructure-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Infrastructure Monitoring (host-hours, 15-minute intervals)',
  estimate: (estate, context) => [
    ...perRunningHour(estate.hosts, 'hosts', 'infrastructure-monitoring', ['host', 'hosts'], context.period, (i) => estate.hosts[i]!.mode === 'infrastructure'),
    ...activityLineItems(estate, context, 'infrastructure-monitoring', (s) => s.dps.infrastructureHostHours, '15-minute intervals of infrastructure hosts'),
  ],
});
