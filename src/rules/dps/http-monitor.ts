// DPS HTTP Monitor: requests × executions per hour × locations × hours (failed requests count).
// Source: prices-and-rules.md "HTTP monitors" (docs .../http-monitor); the formula is the one of
// classic-dem-units.txt and dps-browser-monitor.txt with requests for steps.
import { requestsPerExecution } from '../../metering/synthetic.js';
import { monitorLineItems } from '../kit/monitors.js';
import { defineRule } from '../types.js';

export const httpMonitor = defineRule({
  id: 'dps/http-monitor',
  model: 'dps',
  sections: ['synthetic.http'],
  emits: ['http-monitor'],
  doc: 'prices-and-rules.md: DPS metering rules, HTTP monitors; classic-dem-units.txt consumption formula',
  estimate: (estate, { period }) => monitorLineItems(estate.synthetic.http, 'synthetic.http', 'http-monitor', period.hours, requestsPerExecution, { nothing: 'no synthetic requests' }),
});
