// Classic DDUs for custom Davis events: "Every ingested custom event consumes 0.001 DDU. This also
// applies to updates custom events already sent." Source: ddu-events.md (shared/docs/dynatrace/
// managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/ddu-events).
import { D } from '../../core/decimal.js';
import { scaled } from '../../core/derivation.js';
import { events } from '../../metering/telemetry.js';
import { environmentOf } from '../kit/fleet.js';
import { defineRule } from '../types.js';

export const DDU_PER_EVENT = new D('0.001');

export const dduCustomEvents = defineRule({
  id: 'classic/ddu-custom-events',
  model: 'classic',
  sections: ['events'],
  emits: ['ddu-custom-events'],
  doc: 'ddu-events.md (managed/license/classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/ddu-events): 0.001 DDU per event',
  estimate: (estate, { period }) =>
    estate.events.map((e, i) => {
      const ddus = scaled(events(e, period), DDU_PER_EVENT, '0.001 DDU/event');
      return { capabilityId: 'ddu-custom-events', subject: e.name, path: `events[${i}]`, quantity: ddus.value, formula: ddus.text, environment: environmentOf(estate, e) };
    }),
});
