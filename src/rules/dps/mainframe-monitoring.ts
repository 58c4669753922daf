// DPS Mainframe Monitoring in MSU-hours: "derives MSU hours based on the IBM Tailored Fit Pricing
// software consumption solution, retrieved per LPAR from SMF type 70 subtype 1 records (actual number
// of consumed MSUs)": the entry's `msu` is the average consumed MSUs (not a peak), over every hour of
// the period; priced at the published list price ($1,000 per 10,000 MSU-hours). Source:
// docs/dynatrace/saas/license/capabilities/app-infra-observability/mainframe.md
// (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/mainframe),
// "Consumption estimate" (99,000 MSU-hours in September 2023 = 137.5 MSUs on average × 720 h).
import { derived, times } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const mainframeMonitoring = defineRule({
  id: 'dps/mainframe-monitoring',
  model: 'dps',
  sections: ['mainframe'],
  emits: ['mainframe-monitoring'],
  doc: 'mainframe.md (https://www.dynatrace.com/docs/license/capabilities/app-infra-observability/mainframe): MSU-hours of consumed MSUs (SMF 70.1), 15-minute intervals; Consumption estimate',
  estimate: (estate, { period }) =>
    estate.mainframe.map((m, i) => {
      const q = times(derived(m.msu, `${n(m.msu)} MSU consumed on average (SMF 70.1)`), derived(period.hours, `${n(period.hours)} h`));
      return { capabilityId: 'mainframe-monitoring', subject: m.name, path: `mainframe[${i}]`, quantity: q.value, formula: q.text };
    }),
});
