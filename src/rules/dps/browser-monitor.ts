// DPS Browser Monitor or Clickpath: billable steps × executions per hour × locations × hours;
// disabled monitors consume nothing. Source: dps-browser-monitor.txt ("Counting rules",
// "Consumption formula", "Cost example", FAQ "Do disabled monitors consume actions?").
import { billableSteps } from '../../metering/synthetic.js';
import { monitorLineItems } from '../kit/monitors.js';
import { defineRule } from '../types.js';

export const browserMonitor = defineRule({
  id: 'dps/browser-monitor',
  model: 'dps',
  sections: ['synthetic.browser'],
  emits: ['browser-monitor'],
  doc: 'dps-browser-monitor.txt: Counting rules; Consumption formula; Cost example',
  estimate: (estate, { period }) => monitorLineItems(estate.synthetic.browser, 'synthetic.browser', 'browser-monitor', period.hours, billableSteps, { nothing: 'no synthetic actions' }),
});
