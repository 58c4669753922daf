// DPS Browser Monitor or Clickpath: billable steps × executions per hour × locations × hours;
// disabled monitors consume nothing. Source: dps-browser-monitor.txt ("Counting rules",
// "Consumption formula", "Cost example", FAQ "Do disabled monitors consume actions?").
import { ZERO } from '../decimal.js';
import { billableSteps, scheduled } from './shared/synthetic.js';
import { defineRule } from './types.js';

export const browserMonitor = defineRule({
  id: 'dps/browser-monitor',
  model: 'dps',
  section: 'synthetic.browser',
  capabilityIds: ['browser-monitor'],
  doc: 'dps-browser-monitor.txt: Counting rules; Consumption formula; Cost example',
  estimate(estate, { period }) {
    return estate.synthetic.browser.map((monitor, i) => {
      const base = { capabilityId: 'browser-monitor', subject: monitor.name, path: `synthetic.browser[${i}]` };
      if (!monitor.enabled) return { ...base, quantity: ZERO, formula: 'disabled: no executions, no synthetic actions' };
      const run = scheduled(billableSteps(monitor), monitor, period.hours);
      return { ...base, quantity: run.quantity, formula: run.formula };
    });
  },
});
