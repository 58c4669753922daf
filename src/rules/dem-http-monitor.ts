// Classic DEM units for HTTP monitors: 0.1 DEM per synthetic request; each request an HTTP monitor
// executes is one synthetic request. Source: classic-dem-units.txt (DEM table; "An HTTP monitor
// consists of one or multiple HTTP(S) requests"; consumption formula).
import { D, ZERO } from '../decimal.js';
import { scheduled } from './shared/synthetic.js';
import { plural } from './shared/text.js';
import { defineRule } from './types.js';

export const DEM_PER_SYNTHETIC_REQUEST = new D('0.1');

export const demHttpMonitor = defineRule({
  id: 'classic/dem-http-monitor',
  model: 'classic',
  section: 'synthetic.http',
  capabilityIds: ['dem-http-monitor'],
  doc: 'classic-dem-units.txt: synthetic request 0.1 DEM; consumption formula',
  estimate(estate, { period }) {
    return estate.synthetic.http.map((monitor, i) => {
      const base = { capabilityId: 'dem-http-monitor', subject: monitor.name, path: `synthetic.http[${i}]` };
      if (!monitor.enabled) return { ...base, quantity: ZERO, formula: 'disabled: no executions, no DEM units' };
      const run = scheduled({ value: monitor.requests, text: plural(monitor.requests, 'request') }, monitor, period.hours);
      return { ...base, quantity: run.quantity.times(DEM_PER_SYNTHETIC_REQUEST), formula: `${run.formula} × 0.1 DEM/request` };
    });
  },
});
