// Classic DEM units for browser monitors and clickpaths: 1.0 DEM per synthetic action, counted as
// (# synthetic actions) × (# executions per hour) × (# locations) × (# hours).
// Source: classic-dem-units.txt (DEM table; "576 synthetic actions per day" example);
// classic-monitoring-consumption.txt "Synthetic actions and requests".
// Source page: digital-experience-monitoring-units.md (shared/docs/dynatrace/managed/license/
// classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { D } from '../../core/decimal.js';
import { billableSteps } from '../../metering/synthetic.js';
import { monitorLineItems } from '../kit/monitors.js';
import { defineRule } from '../types.js';

export const DEM_PER_SYNTHETIC_ACTION = new D('1.0');

export const demBrowserMonitor = defineRule({
  id: 'classic/dem-browser-monitor',
  model: 'classic',
  sections: ['synthetic.browser'],
  emits: ['dem-browser-monitor'],
  doc: 'digital-experience-monitoring-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units; text extract classic-dem-units.txt): synthetic action 1.0 DEM; synthetic actions calculation example',
  estimate: (estate, { period }) =>
    monitorLineItems(estate.synthetic.browser, 'synthetic.browser', 'dem-browser-monitor', period.hours, billableSteps, {
      nothing: 'no DEM units',
      weight: { value: DEM_PER_SYNTHETIC_ACTION, text: '1.0 DEM/action' },
    }),
});
