// DPS Events: Ingest & Process per GiB of custom events (business, SDLC, custom, log-derived
// events...), Retain per GiB-day of the stored (enriched) events, Query per GiB scanned. With the
// platform extensions (`license.platformExtensions`): Custom Events Classic per event instead of
// Ingest & Process. Sources: docs/dynatrace/saas/license/capabilities/events.md
// (https://www.dynatrace.com/docs/license/capabilities/events; its tables are lost in shared/docs:
// Retain as on https://docs.dynatrace.com/docs/license/capabilities/events/dps-events-retain, "5 GiB
// a day × 1.8 × 35 days = 315 GiB" stored); platform-extensions/custom-events-classic.md.
import { D } from '../../core/decimal.js';
import { derived } from '../../core/derivation.js';
import { n } from '../../core/text.js';
import { processedPerDay, retainedAged } from '../../metering/logs.js';
import { events as eventCount, gib } from '../../metering/telemetry.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const events = defineRule({
  id: 'dps/events',
  model: 'dps',
  sections: ['events'],
  emits: ['events-ingest', 'custom-events-classic', 'events-retain', 'events-query'],
  doc: 'events.md (https://www.dynatrace.com/docs/license/capabilities/events): Ingest & Process, Retain, Query; custom-events-classic.md: per event',
  estimate(estate, { period, note }) {
    const items: LineItemDraft[] = [];
    const extensions = estate.license?.platformExtensions ?? false;
    estate.events.forEach((e, i) => {
      const path = `events[${i}]`;
      const count = eventCount(e, period);
      if (extensions) items.push({ capabilityId: 'custom-events-classic', subject: e.name, path, quantity: count.value, formula: `${count.text} (Custom Events Classic, per event)` });
      if (e.averageEventKiB === undefined) {
        if (!extensions) note('events-no-event-size', { name: e.name });
        return;
      }
      const volume = gib(count, e.averageEventKiB, 'event');
      if (!extensions) items.push({ capabilityId: 'events-ingest', subject: e.name, path, quantity: volume.value, formula: volume.text });
      if (e.retentionDays !== undefined && e.retentionDays.greaterThan(0)) {
        const perDay = volume.value.div(period.days);
        const kept = retainedAged(processedPerDay(perDay, e.enrichmentFactor, `${n(perDay)} GiB/day of events`), { retentionDays: e.retentionDays, rampUp: false }, { from: new D(0), to: e.retentionDays }, period);
        items.push({ capabilityId: 'events-retain', subject: e.name, path, quantity: kept.value, formula: kept.text });
      }
      if (e.queryGiBPerDay.greaterThan(0)) {
        const q = derived(e.queryGiBPerDay.times(period.days), `${n(e.queryGiBPerDay)} GiB read/day × ${n(period.days)} d`);
        items.push({ capabilityId: 'events-query', subject: e.name, path, quantity: q.value, formula: q.text });
      }
    });
    return items;
  },
});
