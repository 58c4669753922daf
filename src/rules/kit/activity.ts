// Line items from activity files (observed runs): the summaries are folded from the files before the
// rules run (estate/activity.ts); a rule only turns them into line items.
import type { D } from '../../core/decimal.js';
import type { ActivitySummary } from '../../input/activity.js';
import type { EstateData } from '../../input/schema.js';
import type { LineItemDraft, RuleContext } from '../types.js';
import { n } from '../../core/text.js';

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

/** "runs.csv: 1,200 rows, 2026-03-01T00:00Z to 2026-03-08T00:00Z (168 h)" */
export function describeWindow(s: ActivitySummary): string {
  if (!s.window) return `${s.file}: ${s.rows.toLocaleString('en-US')} rows, no runs`;
  const hours = (s.window[1] - s.window[0]) / 3_600_000 + 1;
  return `${s.file}: ${s.rows.toLocaleString('en-US')} rows, ${iso(s.window[0])} to ${iso(s.window[1] + 3_600_000)} (${hours.toLocaleString('en-US')} h)`;
}

/** One line item per activity entry whose summary has a non-zero `pick`. */
export function activityLineItems(
  estate: EstateData,
  context: RuleContext,
  capabilityId: string,
  pick: (s: ActivitySummary) => D,
  how: string,
): LineItemDraft[] {
  return estate.activity.flatMap((a, i) => {
    const summary = context.activity.get(a.name);
    if (!summary) return [];
    const quantity = pick(summary);
    if (quantity.isZero()) return [];
    return [{ capabilityId, subject: a.name, path: `activity[${i}]`, quantity, formula: `observed runs in ${describeWindow(summary)}: ${how}` }];
  });
}

/** The note every activity-based rule shares: the window is taken as observed. */
export function activityNotes(estate: EstateData, context: RuleContext): void {
  for (const a of estate.activity) {
    const s = context.activity.get(a.name);
    if (!s) continue;
    if (s.window) {
      const hours = (s.window[1] - s.window[0]) / 3_600_000 + 1;
      if (!context.period.hours.equals(hours)) {
        context.note('activity-window', { name: a.name, hours: hours.toLocaleString('en-US'), periodHours: n(context.period.hours) });
      }
    }
  }
}
