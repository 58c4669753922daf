// Classic DDUs for custom Davis events: 0.001 DDU per ingested event (updates included).
// Source: classic-licensing-bundle.md "DDUs for custom Davis events".
import { D } from '../../core/decimal.js';
import { events } from '../../metering/telemetry.js';
import { defineRule } from '../types.js';

export const DDU_PER_EVENT = new D('0.001');

export const dduCustomEvents = defineRule({
  id: 'classic/ddu-custom-events',
  model: 'classic',
  sections: ['events'],
  emits: ['ddu-custom-events'],
  doc: 'classic-licensing-bundle.md: DDUs for custom Davis events (0.001 DDU per event)',
  estimate: (estate, { period }) =>
    estate.events.map((e, i) => {
      const count = events(e, period);
      return { capabilityId: 'ddu-custom-events', subject: e.name, path: `events[${i}]`, quantity: count.value.times(DDU_PER_EVENT), formula: `${count.text} × 0.001 DDU/event` };
    }),
});
