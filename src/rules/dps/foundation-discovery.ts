// DPS Foundation & Discovery: host-hours of discovery-mode hosts, independent of their memory, in
// 15-minute intervals; no custom metrics are included. Source:
// docs/dynatrace/saas/license/capabilities/app-infra-observability/foundation-and-discovery.md
// (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/foundation-and-discovery);
// the page states no price ("see your rate card"): the price is the published rate card's.
import { dpsHours } from '../../metering/hours.js';
import { activityLineItems } from '../kit/activity.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const foundationDiscovery = defineRule({
  id: 'dps/foundation-discovery',
  model: 'dps',
  sections: ['hosts', 'activity'],
  emits: ['foundation-discovery'],
  doc: 'foundation-and-discovery.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/foundation-and-discovery): host-hours, 15-minute intervals',
  estimate: (estate, context) => [
    ...perRunningHour({
      entries: estate.hosts,
      section: 'hosts',
      capabilityId: 'foundation-discovery',
      noun: ['host', 'hosts'],
      include: (h) => h.mode === 'discovery',
      hours: (h) => dpsHours(h.hoursPerDay, context.period),
    }),
    ...activityLineItems(estate, context, 'foundation-discovery', (s) => s.dps.discoveryHostHours, '15-minute intervals of discovery hosts'),
  ],
});
