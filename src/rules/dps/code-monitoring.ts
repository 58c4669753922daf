// DPS Code Monitoring: container-hours, independent of memory, 0.25 per 15-minute interval. A
// container monitored with `monitoring: code` is one concurrent process; on a host with `mode:
// code`, "each concurrent process running on the host is treated separately. A host consumes the
// total container-hours of all its concurrent processes." Source: the Code Monitoring page
// (https://docs.dynatrace.com/docs/license/capabilities/container-monitoring/code-monitoring; not in
// shared/docs: read from Dynatrace's public documentation) and the rate card (container-hour).
import { derived } from '../../core/derivation.js';
import { plural } from '../../core/text.js';
import { dpsHours } from '../../metering/hours.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const codeMonitoring = defineRule({
  id: 'dps/code-monitoring',
  model: 'dps',
  sections: ['containers', 'hosts'],
  emits: ['code-monitoring'],
  doc: 'code-monitoring (https://docs.dynatrace.com/docs/license/capabilities/container-monitoring/code-monitoring): container-hours per concurrent process, 15-minute intervals',
  estimate: (estate, { period }) => [
    ...perRunningHour({
      entries: estate.containers,
      section: 'containers',
      capabilityId: 'code-monitoring',
      noun: ['container', 'containers'],
      include: (c) => c.monitoring === 'code',
      hours: (c) => dpsHours(c.hoursPerDay, period),
    }),
    ...perRunningHour({
      entries: estate.hosts,
      section: 'hosts',
      capabilityId: 'code-monitoring',
      noun: ['host', 'hosts'],
      include: (h) => h.mode === 'code',
      per: (h) => (h.processes === undefined ? undefined : derived(h.processes, plural(h.processes, 'process', 'processes'))),
      hours: (h) => dpsHours(h.hoursPerDay, period),
    }),
  ],
});
