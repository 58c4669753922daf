// Classic DDUs for custom traces: 0.0007 DDU per span ingested through the Trace API
// ("1,000,000 invocations × 10 spans × .0007 DDUs = 7,000 DDUs"). Source: classic-licensing-
// bundle.md "DDUs for custom traces (Trace API)".
import { D } from '../../core/decimal.js';
import { spans } from '../../metering/telemetry.js';
import { defineRule } from '../types.js';

export const DDU_PER_SPAN = new D('0.0007');

export const dduCustomTraces = defineRule({
  id: 'classic/ddu-custom-traces',
  model: 'classic',
  sections: ['traces'],
  emits: ['ddu-custom-traces'],
  doc: 'classic-licensing-bundle.md: DDUs for custom traces (Trace API), DDU consumption example',
  estimate: (estate, { period }) =>
    estate.traces.map((t, i) => {
      const s = spans(t, period);
      return { capabilityId: 'ddu-custom-traces', subject: t.name, path: `traces[${i}]`, quantity: s.value.times(DDU_PER_SPAN), formula: `${s.text} × 0.0007 DDU/span` };
    }),
});
