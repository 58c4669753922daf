// Classic DEM units for browser monitors and clickpaths: 1.0 DEM per synthetic action, counted as
// (# synthetic actions) × (# executions per hour) × (# locations) × (# hours).
// Source: classic-dem-units.txt (DEM table; "576 synthetic actions per day" example);
// classic-monitoring-consumption.txt "Synthetic actions and requests".
import { D, ZERO } from '../decimal.js';
import { billableSteps, scheduled } from './shared/synthetic.js';
import { defineRule } from './types.js';

export const DEM_PER_SYNTHETIC_ACTION = new D('1.0');

export const demBrowserMonitor = defineRule({
  id: 'classic/dem-browser-monitor',
  model: 'classic',
  section: 'synthetic.browser',
  capabilityIds: ['dem-browser-monitor'],
  doc: 'classic-dem-units.txt: synthetic action 1.0 DEM; synthetic actions calculation example',
  estimate(estate, { period }) {
    return estate.synthetic.browser.map((monitor, i) => {
      const base = { capabilityId: 'dem-browser-monitor', subject: monitor.name, path: `synthetic.browser[${i}]` };
      if (!monitor.enabled) return { ...base, quantity: ZERO, formula: 'disabled: no executions, no DEM units' };
      const run = scheduled(billableSteps(monitor), monitor, period.hours);
      return { ...base, quantity: run.quantity.times(DEM_PER_SYNTHETIC_ACTION), formula: `${run.formula} × 1.0 DEM/action` };
    });
  },
});
