// Classic DEM units for Real User Monitoring: a session 0.25 DEM, a session with Session Replay
// 1.0 DEM, and +0.01 DEM per session for each defined property beyond 20 per application
// (weighted: long strings 1 per 100 characters). Sessions split after 60 minutes of continuous
// interaction. Source: classic-dem-units.txt (DEM table, RUM session, 4-hour example, defined
// properties example); classic-monitoring-consumption.txt "Digital Experience Monitoring".
import { D } from '../decimal.js';
import { beyondIncluded, propertyCount, weightedPropertyCount } from './shared/properties.js';
import { countSessions } from './shared/sessions.js';
import { n, plural } from './shared/text.js';
import { defineRule, type LineItemDraft } from './types.js';

export const DEM_PER_SESSION = new D('0.25');
export const DEM_PER_REPLAY_SESSION = new D('1.0');
export const DEM_PER_PROPERTY_SESSION = new D('0.01');

export const demRealUserMonitoring = defineRule({
  id: 'classic/dem-real-user-monitoring',
  model: 'classic',
  section: 'applications',
  capabilityIds: ['dem-rum-sessions', 'dem-session-replay', 'dem-properties'],
  doc: 'classic-dem-units.txt: DEM weights; Real User Monitoring sessions; defined properties beyond 20',
  estimate(estate, { period }) {
    return estate.applications.flatMap((app, i): LineItemDraft[] => {
      const path = `applications[${i}]`;
      const s = countSessions(app, period);
      const replay = app.replayRate;
      const items: LineItemDraft[] = [];
      // With every session replayed, there is no plain session line to show.
      if (!replay.equals(1)) {
        items.push({
          capabilityId: 'dem-rum-sessions',
          subject: app.name,
          path,
          quantity: s.notReplayed.times(DEM_PER_SESSION),
          formula: `${s.formula}${replay.isZero() ? '' : ` × (1 − ${n(replay)} replayed)`} × 0.25 DEM/session`,
        });
      }
      if (!replay.isZero()) {
        items.push({
          capabilityId: 'dem-session-replay',
          subject: app.name,
          path,
          quantity: s.replayed.times(DEM_PER_REPLAY_SESSION),
          formula: `${s.formula} × ${n(replay)} replayed × 1.0 DEM/session`,
        });
      }
      const weighted = weightedPropertyCount(app);
      const extra = beyondIncluded(weighted);
      if (extra.greaterThan(0)) {
        const weighting = weighted.equals(propertyCount(app)) ? '' : ` (${n(propertyCount(app))} defined, ${n(weighted)} weighted)`;
        items.push({
          capabilityId: 'dem-properties',
          subject: app.name,
          path,
          quantity: s.sessions.times(extra).times(DEM_PER_PROPERTY_SESSION),
          formula: `${s.formula} × ${plural(extra, 'property', 'properties')} beyond 20${weighting} × 0.01 DEM/session`,
        });
      }
      return items;
    });
  },
});
