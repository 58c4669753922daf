// DPS Security Posture Management: "each node that is scanned during an hour is counted as a
// host-hour, regardless of how many times it was scanned": whole hours (metered hourly, not in
// 15-minute intervals), independent of node size. Source:
// docs/dynatrace/managed/license/capabilities/application-security/security-posture-management.md
// (https://docs.dynatrace.com/managed/license/capabilities/application-security/security-posture-management).
import { derived } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { perRunningHour } from '../kit/host-hours.js';
import { defineRule } from '../types.js';

export const securityPostureManagement = defineRule({
  id: 'dps/security-posture-management',
  model: 'dps',
  sections: ['securityPosture'],
  emits: ['security-posture-management'],
  doc: 'security-posture-management.md (https://docs.dynatrace.com/managed/license/capabilities/application-security/security-posture-management): a node scanned in an hour is a host-hour',
  estimate: (estate, { period }) =>
    perRunningHour({
      entries: estate.securityPosture,
      section: 'securityPosture',
      capabilityId: 'security-posture-management',
      noun: ['node', 'nodes'],
      hours: (e) => {
        const billed = e.hoursPerDay.ceil();
        const rounded = billed.equals(e.hoursPerDay) ? '' : ` (${n(e.hoursPerDay)} h rounded up to whole hours)`;
        return derived(billed.times(period.days), `${n(billed)} h/day${rounded} × ${n(period.days)} d`);
      },
    }),
});
