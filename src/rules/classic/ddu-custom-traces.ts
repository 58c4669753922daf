// Classic DDUs for custom traces: "only spans that are ingested via the Dynatrace Trace API consume
// DDUs", 0.0007 DDU per span ("1,000,000 invocations × 10 spans × .0007 DDUs = 7,000 DDUs" a month;
// "7,000 DDUs × 12 months" = 84,000 a year, the page's year being twelve 30-day months). Source:
// custom-traces.md (shared/docs/dynatrace/managed/license/classic-licensing/davis-data-units/,
// https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/custom-traces).
import { D } from '../../core/decimal.js';
import { scaled } from '../../core/derivation.js';
import { spans } from '../../metering/telemetry.js';
import { environmentOf } from '../kit/fleet.js';
import { defineRule } from '../types.js';

export const DDU_PER_SPAN = new D('0.0007');

export const dduCustomTraces = defineRule({
  id: 'classic/ddu-custom-traces',
  model: 'classic',
  sections: ['traces'],
  emits: ['ddu-custom-traces'],
  doc: 'custom-traces.md (managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/custom-traces): 0.0007 DDU per span; DDU consumption example',
  estimate: (estate, { period }) =>
    estate.traces.map((t, i) => {
      const ddus = scaled(spans(t, period), DDU_PER_SPAN, '0.0007 DDU/span');
      return { capabilityId: 'ddu-custom-traces', subject: t.name, path: `traces[${i}]`, quantity: ddus.value, formula: ddus.text, environment: environmentOf(estate, t) };
    }),
});
