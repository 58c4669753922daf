// DPS Runtime Application Protection: GiB-hours of the hosts and containers that run it, with the
// Full-Stack memory rounding and minimums, in 15-minute intervals (Runtime Vulnerability Analytics
// bills the same GiB-hours again: see runtime-vulnerability-analytics.ts).
// Source: docs/dynatrace/managed/license/capabilities/application-security/runtime-application-protection.md
// (https://docs.dynatrace.com/managed/license/capabilities/application-security/runtime-application-protection),
// "Consumption calculation example" (whose addends read 0.5 + 0.5 + 6.375 + 0.125 = 8.0: their sum is
// 7.5; Host 1's own line says 1.0, which gives the page's 8.0; the test follows the lines).
import { runtimeSecurityItems } from '../kit/runtime-security.js';
import { defineRule } from '../types.js';

export const runtimeApplicationProtection = defineRule({
  id: 'dps/runtime-application-protection',
  model: 'dps',
  sections: ['hosts', 'containers'],
  emits: ['runtime-application-protection'],
  doc: 'runtime-application-protection.md (https://docs.dynatrace.com/managed/license/capabilities/application-security/runtime-application-protection): GiB-hours, Full-Stack rounding, 15-minute intervals',
  estimate: (estate, { period }) => runtimeSecurityItems(estate, 'runtime-application-protection', period, (features) => (features.includes('rap') ? { because: '' } : undefined)),
});
