// DPS HTTP Monitor: requests × executions per hour × locations × hours (failed requests count).
// Source: prices-and-rules.md "HTTP monitors" (docs .../http-monitor); the formula is the one of
// classic-dem-units.txt and dps-browser-monitor.txt with requests for steps.
import { ZERO } from '../decimal.js';
import { scheduled } from './shared/synthetic.js';
import { plural } from './shared/text.js';
import { defineRule } from './types.js';

export const httpMonitor = defineRule({
  id: 'dps/http-monitor',
  model: 'dps',
  section: 'synthetic.http',
  capabilityIds: ['http-monitor'],
  doc: 'prices-and-rules.md: DPS metering rules, HTTP monitors; classic-dem-units.txt consumption formula',
  estimate(estate, { period }) {
    return estate.synthetic.http.map((monitor, i) => {
      const base = { capabilityId: 'http-monitor', subject: monitor.name, path: `synthetic.http[${i}]` };
      if (!monitor.enabled) return { ...base, quantity: ZERO, formula: 'disabled: no executions, no synthetic requests' };
      const run = scheduled({ value: monitor.requests, text: plural(monitor.requests, 'request') }, monitor, period.hours);
      return { ...base, quantity: run.quantity, formula: run.formula };
    });
  },
});
