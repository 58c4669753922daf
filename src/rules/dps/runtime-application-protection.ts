// DPS Runtime Application Protection: GiB-hours with the Full-Stack memory rounding and minimums.
// Source: prices-and-rules.md "DPS metering rules", Runtime Application Protection.
import { runtimeSecurityItems } from '../kit/runtime-security.js';
import { defineRule } from '../types.js';

export const runtimeApplicationProtection = defineRule({
  id: 'dps/runtime-application-protection',
  model: 'dps',
  sections: ['hosts', 'containers'],
  emits: ['runtime-application-protection'],
  doc: 'prices-and-rules.md: DPS metering rules, Runtime Application Protection (GiB-hours, Full-Stack rounding)',
  estimate: (estate, { period }) => runtimeSecurityItems(estate, 'rap', 'runtime-application-protection', period),
});
