// DPS Real User Monitoring: sessions per application per hour, replayed sessions at the Session
// Replay rate instead, and properties beyond 20 per application per session in which they appear.
// Source: dps-real-user-monitoring.txt (counting rules, FAQ); prices-and-rules.md "RUM".
import { beyondIncluded, propertyCount } from './shared/properties.js';
import { countSessions } from './shared/sessions.js';
import { n, plural } from './shared/text.js';
import { defineRule, type LineItemDraft } from './types.js';

export const realUserMonitoring = defineRule({
  id: 'dps/real-user-monitoring',
  model: 'dps',
  section: 'applications',
  capabilityIds: ['real-user-monitoring', 'real-user-monitoring-session-replay', 'real-user-monitoring-property'],
  doc: 'dps-real-user-monitoring.txt: How consumption is calculated; FAQ (bounced sessions, hours, properties, Session Replay)',
  estimate(estate, { period }) {
    return estate.applications.flatMap((app, i): LineItemDraft[] => {
      const path = `applications[${i}]`;
      const s = countSessions(app, period);
      const replay = app.replayRate;
      const items: LineItemDraft[] = [];
      // With every session replayed, there is no plain session line to show.
      if (!replay.equals(1)) {
        items.push({
          capabilityId: 'real-user-monitoring',
          subject: app.name,
          path,
          quantity: s.notReplayed,
          formula: replay.isZero() ? s.formula : `${s.formula} × (1 − ${n(replay)} replayed)`,
        });
      }
      if (!replay.isZero()) {
        items.push({
          capabilityId: 'real-user-monitoring-session-replay',
          subject: app.name,
          path,
          quantity: s.replayed,
          formula: `${s.formula} × ${n(replay)} replayed`,
        });
      }
      const extra = beyondIncluded(propertyCount(app));
      if (extra.greaterThan(0)) {
        const presence = app.propertyPresence.equals(1) ? '' : ` × ${n(app.propertyPresence)} presence`;
        items.push({
          capabilityId: 'real-user-monitoring-property',
          subject: app.name,
          path,
          quantity: s.sessions.times(extra).times(app.propertyPresence),
          formula: `${s.formula} × ${plural(extra, 'property', 'properties')} beyond 20${presence}`,
        });
      }
      return items;
    });
  },
});

