// DPS Events: Ingest & Process per GiB of custom events. Source: prices-and-rules.md "DPS list
// prices", Events: Ingest & Process.
import { events, gib } from '../../metering/telemetry.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const eventsIngest = defineRule({
  id: 'dps/events-ingest',
  model: 'dps',
  sections: ['events'],
  emits: ['events-ingest'],
  doc: 'prices-and-rules.md: DPS list prices, Events: Ingest & Process (GiB)',
  estimate(estate, { period, note }) {
    return estate.events.flatMap((e, i): LineItemDraft[] => {
      if (e.averageEventKiB === undefined) {
        note('events-no-event-size', { name: e.name });
        return [];
      }
      const volume = gib(events(e, period), e.averageEventKiB, 'event');
      return [{ capabilityId: 'events-ingest', subject: e.name, path: `events[${i}]`, quantity: volume.value, formula: volume.text }];
    });
  },
});
