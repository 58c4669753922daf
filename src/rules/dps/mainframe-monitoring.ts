// DPS Mainframe Monitoring in MSU-hours (from SMF 70.1 records, 15-minute intervals); estimated as
// the entry's MSUs over every hour of the period. There is no public price: the line item has no
// cost until a rate card prices it. Source: prices-and-rules.md (Mainframe Monitoring, MSU-hour).
import { n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const mainframeMonitoring = defineRule({
  id: 'dps/mainframe-monitoring',
  model: 'dps',
  sections: ['mainframe'],
  emits: ['mainframe-monitoring'],
  doc: 'prices-and-rules.md: DPS list prices (Mainframe Monitoring, MSU-hour, no public price); DPS metering rules, Mainframe',
  estimate: (estate, { period }) =>
    estate.mainframe.map((m, i) => ({
      capabilityId: 'mainframe-monitoring',
      subject: m.name,
      path: `mainframe[${i}]`,
      quantity: m.msu.times(period.hours),
      formula: `${n(m.msu)} MSU × ${n(period.hours)} h`,
    })),
});
