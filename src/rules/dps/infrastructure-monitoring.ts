// DPS Infrastructure Monitoring: host-hours of Infrastructure-mode hosts, independent of their
// memory, in 15-minute intervals (a partial interval counts whole); observed runs count their real
// intervals. Source: docs/dynatrace/saas/license/capabilities/app-infra-observability/infrastructure-monitoring.md
// (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/infrastructure-monitoring).
import { dpsHours } from '../../metering/hours.js';
import { activityLineItems } from '../kit/activity.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const infrastructureMonitoring = defineRule({
  id: 'dps/infrastructure-monitoring',
  model: 'dps',
  sections: ['hosts', 'activity'],
  emits: ['infrastructure-monitoring'],
  doc: 'infrastructure-monitoring.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/infrastructure-monitoring): host-hours, independent of memory, 15-minute intervals',
  estimate: (estate, context) => [
    ...perRunningHour({
      entries: estate.hosts,
      section: 'hosts',
      capabilityId: 'infrastructure-monitoring',
      noun: ['host', 'hosts'],
      include: (h) => h.mode === 'infrastructure',
      hours: (h) => dpsHours(h.hoursPerDay, context.period),
    }),
    ...activityLineItems(estate, context, 'infrastructure-monitoring', (s) => s.dps.infrastructureHostHours, '15-minute intervals of infrastructure hosts'),
  ],
});
