// Classic DEM units for Real User Monitoring: a session 0.25 DEM, a session with Session Replay
// 1.0 DEM, and +0.01 DEM per session for each defined property beyond 20 per application
// (weighted: long strings 1 per 100 characters). Sessions split after 60 minutes of continuous
// interaction. Source: classic-dem-units.txt (DEM table, RUM session, 4-hour example, defined
// properties example); classic-monitoring-consumption.txt "Digital Experience Monitoring".
// Source page: digital-experience-monitoring-units.md (shared/docs/dynatrace/managed/license/
// classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units).
import { D } from '../../core/decimal.js';
import { beyondIncluded, propertyCount, weightedPropertyCount } from '../../metering/properties.js';
import { sessionLineItems } from '../kit/sessions.js';
import { n, plural } from '../../core/text.js';
import { defineRule } from '../types.js';

export const DEM_PER_SESSION = new D('0.25');
export const DEM_PER_REPLAY_SESSION = new D('1.0');
export const DEM_PER_PROPERTY_SESSION = new D('0.01');

export const demRealUserMonitoring = defineRule({
  id: 'classic/dem-real-user-monitoring',
  model: 'classic',
  sections: ['applications'],
  emits: ['dem-rum-sessions', 'dem-session-replay', 'dem-properties'],
  doc: 'digital-experience-monitoring-units.md (managed/license/classic-licensing/, https://docs.dynatrace.com/managed/license/classic-licensing/digital-experience-monitoring-units; text extract classic-dem-units.txt): DEM weights; Real User Monitoring sessions; defined properties beyond 20 (long strings 1 per 100 characters)',
  estimate(estate, { period }) {
    return sessionLineItems(estate.applications, period, {
      ids: { sessions: 'dem-rum-sessions', replay: 'dem-session-replay', properties: 'dem-properties' },
      sessionWeight: { value: DEM_PER_SESSION, text: '0.25 DEM/session' },
      replayWeight: { value: DEM_PER_REPLAY_SESSION, text: '1.0 DEM/session' },
      properties(app) {
        const weighted = weightedPropertyCount(app);
        const extra = beyondIncluded(weighted);
        const defined = propertyCount(app);
        const weighting = weighted.equals(defined) ? '' : ` (${n(defined)} defined, ${n(weighted)} weighted)`;
        return { extra, text: `${plural(extra, 'property', 'properties')} beyond 20${weighting}` };
      },
      propertyFactor: () => ({ value: DEM_PER_PROPERTY_SESSION, text: '0.01 DEM/session' }),
    });
  },
});
