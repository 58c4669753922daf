// DPS Real User Monitoring: sessions per application per hour, replayed sessions at the Session
// Replay rate instead, and properties beyond 20 per application per session in which they appear.
// Source: dps-real-user-monitoring.txt (counting rules, FAQ); prices-and-rules.md "RUM".
import { isOne } from '../../core/decimal.js';
import { beyondIncluded, propertyCount } from '../../metering/properties.js';
import { sessionLineItems } from '../kit/sessions.js';
import { n, plural } from '../../core/text.js';
import { defineRule } from '../types.js';

export const realUserMonitoring = defineRule({
  id: 'dps/real-user-monitoring',
  model: 'dps',
  sections: ['applications'],
  emits: ['real-user-monitoring', 'real-user-monitoring-session-replay', 'real-user-monitoring-property'],
  doc: 'dps-real-user-monitoring.txt: How consumption is calculated; FAQ (bounced sessions, hours, properties, Session Replay)',
  estimate(estate, { period }) {
    return sessionLineItems(estate.applications, period, {
      ids: { sessions: 'real-user-monitoring', replay: 'real-user-monitoring-session-replay', properties: 'real-user-monitoring-property' },
      properties(app) {
        const extra = beyondIncluded(propertyCount(app));
        return { extra, text: `${plural(extra, 'property', 'properties')} beyond 20` };
      },
      propertyFactor: (app) => ({ value: app.propertyPresence, text: isOne(app.propertyPresence) ? '' : `${n(app.propertyPresence)} presence` }),
    });
  },
});
