// DPS Foundation & Discovery: host-hours of discovery-mode hosts, in 15-minute intervals.
// Source: prices-and-rules.md "DPS metering rules", Foundation & Discovery.
import { activityLineItems } from '../kit/activity.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const foundationDiscovery = defineRule({
  id: 'dps/foundation-discovery',
  model: 'dps',
  sections: ['hosts', 'activity'],
  emits: ['foundation-discovery'],
  doc: 'prices-and-rules.md: DPS metering rules, Foundation & Discovery (host-hours, 15-minute intervals)',
  estimate: (estate, context) => [
    ...perRunningHour(estate.hosts, 'hosts', 'foundation-discovery', ['host', 'hosts'], context.period, (i) => estate.hosts[i]!.mode === 'discovery'),
    ...activityLineItems(estate, context, 'foundation-discovery', (s) => s.dps.discoveryHostHours, '15-minute intervals of discovery hosts'),
  ],
});
