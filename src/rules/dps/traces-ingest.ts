// DPS Traces: Ingest & Process per GiB of spans ingested through the Trace API / OpenTelemetry,
// beyond what Full-Stack Monitoring includes: 200 KiB/min per contributing GiB, with a floor of
// 64,000 KiB/min for environments under 320 GiB; the inclusion is its own line and never takes the
// total below zero. Source: prices-and-rules.md "DPS metering rules", Full-Stack Monitoring.
import { D, sum } from '../../core/decimal.js';
import { gib, spans } from '../../metering/telemetry.js';
import { n } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const tracesIngest = defineRule({
  id: 'dps/traces-ingest',
  model: 'dps',
  sections: ['traces'],
  emits: ['traces-ingest'],
  after: ['full-stack-monitoring'],
  doc: 'prices-and-rules.md: DPS metering rules, Full-Stack Monitoring (200 KiB/min of traces per GiB, 64,000 KiB/min floor under 320 GiB); Traces',
  estimate(estate, { period, prior, note }) {
    const items: LineItemDraft[] = [];
    estate.traces.forEach((t, i) => {
      if (t.averageSpanKiB === undefined) {
        note('traces-no-span-size', { name: t.name });
        return;
      }
      const volume = gib(spans(t, period), t.averageSpanKiB, 'span');
      items.push({ capabilityId: 'traces-ingest', subject: t.name, path: `traces[${i}]`, quantity: volume.value, formula: volume.text });
    });
    const gross = sum(items.map((i) => i.quantity));
    const gibHours = prior('full-stack-monitoring');
    if (gross.greaterThan(0) && gibHours.greaterThan(0)) {
      const averageGiB = gibHours.div(period.hours);
      const perMinute = averageGiB.lessThan(320) ? D.max(64000, averageGiB.times(200)) : averageGiB.times(200);
      const included = perMinute.times(period.hours).times(60).div(1_048_576);
      items.push({
        capabilityId: 'traces-ingest',
        subject: 'included with Full-Stack',
        path: 'traces',
        quantity: D.min(gross, included).negated(),
        formula: `included: ${n(perMinute)} KiB/min (200 KiB/min × ${n(averageGiB)} Full-Stack GiB on average${averageGiB.lessThan(320) ? ', at least 64,000 under 320 GiB' : ''}) × ${n(period.hours)} h = ${n(included)} GiB`,
      });
    }
    return items;
  },
});
