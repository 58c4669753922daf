// Serverless functions under DPS: "Tracing of serverless functions, such as AWS Lambda, Azure
// Functions, and Google Functions operating on a consumption model, is based on the monitored
// function's total number of monitored invocations": Serverless Functions Classic, per invocation, a
// platform extension with no public price. On subscriptions signed since January 12, 2026 the
// platform extensions are no longer on the rate card and function traces are Traces - Ingest &
// Process (list them under `traces` with their span size): a note says so unless the estate says
// the subscription has the extensions (`license.platformExtensions`). Functions on an App Service
// (dedicated) plan or a OneAgent-monitored host are Full-Stack GiB-hours (list them as containers
// or hosts). Sources: docs/dynatrace/managed/license/capabilities/platform-extensions/serverless-functions-classic.md
// (https://docs.dynatrace.com/managed/license/capabilities/platform-extensions/serverless-functions-classic);
// docs/dynatrace/saas/license/capabilities/platform-extensions.md
// (https://www.dynatrace.com/docs/license/capabilities/platform-extensions); traces.md.
import { derived } from '../../core/derivation.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n } from '../../core/text.js';
import { defineRule } from '../types.js';

export const serverless = defineRule({
  id: 'dps/serverless',
  model: 'dps',
  sections: ['serverless'],
  emits: ['serverless-functions-classic'],
  doc: 'serverless-functions-classic.md (https://docs.dynatrace.com/managed/license/capabilities/platform-extensions/serverless-functions-classic): monitored invocations',
  estimate(estate, { period, note }) {
    if (estate.serverless.length > 0 && !estate.license?.platformExtensions) note('serverless-extension', { names: estate.serverless.map((f) => f.name) });
    return estate.serverless.map((f, i) => {
      const q = derived(perPeriod(f.invocationsPerMonth, period), `${n(f.invocationsPerMonth)} invocations/month${monthScale(period)}`);
      return { capabilityId: 'serverless-functions-classic', subject: f.name, path: `serverless[${i}]`, quantity: q.value, formula: q.text };
    });
  },
});
