// DPS Real User Monitoring: a session per application visited, one more "for every starting hour";
// bounced visits (one user action) are not billed, nor are applications "with fewer than 2 user
// actions per hour" (`userActionsPerHour`); replayed sessions are billed at the Session Replay rate
// instead ("a RUM session or a RUM session with Session Replay, but not both"); properties beyond the
// 20 included per application, per session in which they appear. Sources:
// docs/dynatrace/managed/license/capabilities/real-user-synthetic-monitoring/real-user-monitoring.md
// (https://docs.dynatrace.com/managed/license/capabilities/real-user-synthetic-monitoring/real-user-monitoring),
// its cost examples ($8,100; $6,480 + $3,240; $3,600) and FAQ; docs/dps-real-user-monitoring.txt.
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
  doc: 'real-user-monitoring.md (https://docs.dynatrace.com/managed/license/capabilities/real-user-synthetic-monitoring/real-user-monitoring): sessions, Session Replay, properties beyond 20; cost examples; FAQ',
  estimate(estate, { period }) {
    return sessionLineItems(estate.applications, period, {
      ids: { sessions: 'real-user-monitoring', replay: 'real-user-monitoring-session-replay', properties: 'real-user-monitoring-property' },
      properties(app) {
        const extra = beyondIncluded(propertyCount(app));
        return { extra, text: `${plural(extra, 'property', 'properties')} beyond 20` };
      },
      propertyFactor: (app) => ({ value: app.propertyPresence, text: isOne(app.propertyPresence) ? '' : `${n(app.propertyPresence)} presence` }),
      none: (app) => (app.userActionsPerHour !== undefined && app.userActionsPerHour.lessThan(2) ? `${n(app.userActionsPerHour)} user actions/h: an application with fewer than 2 user actions an hour generates no sessions` : undefined),
    });
  },
});
