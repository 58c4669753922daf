// Classic DEM units for HTTP monitors: 0.1 DEM per synthetic request; each request an HTTP monitor
// executes is one synthetic request. Source: classic-dem-units.txt (DEM table; "An HTTP monitor
// consists of one or multiple HTTP(S) requests"; consumption formula).
// Source page: digital-experience-monitoring-units.md (shared/docs/dynatrace/managed/license/
// classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { D } from '../../core/decimal.js';
import { requestsPerExecution } from '../../metering/synthetic.js';
import { monitorLineItems } from '../kit/monitors.js';
import { defineRule } from '../types.js';

export const DEM_PER_SYNTHETIC_REQUEST = new D('0.1');

export const demHttpMonitor = defineRule({
  id: 'classic/dem-http-monitor',
  model: 'classic',
  sections: ['synthetic.http'],
  emits: ['dem-http-monitor'],
  doc: 'digital-experience-monitoring-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units; text extract classic-dem-units.txt): synthetic request 0.1 DEM; consumption formula',
  estimate: (estate, { period }) =>
    monitorLineItems(estate.synthetic.http, 'synthetic.http', 'dem-http-monitor', period.hours, requestsPerExecution, {
      nothing: 'no DEM units',
      weight: { value: DEM_PER_SYNTHETIC_REQUEST, text: '0.1 DEM/request' },
    }),
});
