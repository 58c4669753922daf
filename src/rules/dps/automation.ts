// DPS Automation Workflow and AppEngine Functions.
// - "Workflow hours are the number of hours that a workflow has existed in your environment,
//   measured since the point of its creation"; "Standard workflows consume workflow hours" (two or
//   more tasks); simple (single-task) and draft-only workflows do not. A deployed standard workflow
//   bills every hour it exists, whether or not it runs (`hoursPerDay`, 24 by default), in whole hours.
// - AppEngine Functions: "one invocation as each minute (or part thereof) of execution time for a
//   single function call. One function call will consume either one or two invocations" (a call
//   times out after 120 s): a workflow's executions × tasks × started minutes per task, and
//   `functions` entries' own invocations.
// Sources: docs/dynatrace/saas/license/capabilities/automation.md
// (https://www.dynatrace.com/docs/license/capabilities/automation; its consumption text is lost in
// shared/docs, read from https://docs.dynatrace.com/docs/shortlink/dps-automation-consumption:
// "336 workflow hours" for 14 days, "18 invocations" for 9 runs × 2 tasks × 1 minute);
// docs/dynatrace/saas/license/capabilities/appengine-functions.md
// (https://www.dynatrace.com/docs/license/capabilities/appengine-functions, consumption details at
// https://docs.dynatrace.com/docs/license/capabilities/appengine-functions/consumption-details).
import { ZERO } from '../../core/decimal.js';
import { count, derived, times } from '../../core/derivation.js';
import { perPeriod } from '../../core/period.js';
import { monthScale, n, plural } from '../../core/text.js';
import { defineRule, type LineItemDraft } from '../types.js';

export const automation = defineRule({
  id: 'dps/automation',
  model: 'dps',
  sections: ['automation', 'functions'],
  emits: ['automation-workflow', 'appengine-functions'],
  doc: 'automation.md (https://www.dynatrace.com/docs/license/capabilities/automation): workflow-hours of standard workflows; appengine-functions.md: an invocation per started minute of a call',
  estimate(estate, { period }) {
    const items: LineItemDraft[] = [];
    estate.automation.forEach((w, i) => {
      const path = `automation[${i}]`;
      const standard = w.tasksPerExecution.greaterThanOrEqualTo(2);
      const hours = w.hoursPerDay.ceil();
      const workflowHours = times(count(w.count, 'workflow'), derived(hours.times(period.days), `${n(hours)} h/day${hours.equals(w.hoursPerDay) ? '' : ` (${n(w.hoursPerDay)} h rounded up to whole hours)`} × ${n(period.days)} d`));
      items.push(
        standard
          ? { capabilityId: 'automation-workflow', subject: w.name, path, quantity: workflowHours.value, formula: `${workflowHours.text} (a deployed standard workflow bills every hour it exists)` }
          : { capabilityId: 'automation-workflow', subject: w.name, path, quantity: ZERO, formula: 'a simple workflow (one task): no workflow-hours' },
      );
      if (w.executionsPerMonth.isZero()) return;
      const minutes = w.minutesPerTask.ceil();
      const calls = times(
        count(w.count, 'workflow'),
        derived(perPeriod(w.executionsPerMonth, period), `${n(w.executionsPerMonth)} executions/month${monthScale(period)}`),
        derived(w.tasksPerExecution, plural(w.tasksPerExecution, 'task')),
        derived(minutes, `${plural(minutes, 'invocation')} (${n(w.minutesPerTask)} min a task, each started minute)`),
      );
      items.push({ capabilityId: 'appengine-functions', subject: w.name, path, quantity: calls.value, formula: calls.text });
    });
    estate.functions.forEach((f, i) => {
      const calls = times(count(f.count, 'function'), derived(perPeriod(f.invocationsPerMonth, period), `${n(f.invocationsPerMonth)} invocations/month${monthScale(period)}`));
      items.push({ capabilityId: 'appengine-functions', subject: f.name, path: `functions[${i}]`, quantity: calls.value, formula: calls.text });
    });
    return items;
  },
});
