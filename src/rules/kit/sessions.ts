// The line items of Real User Monitoring applications under a model's session billing: plain
// sessions, replayed sessions and properties beyond those included, one application after another
// (the arithmetic: metering/sessions.ts).
import { isOne, times, ZERO, type D } from '../../core/decimal.js';
import type { Derived } from '../../core/derivation.js';
import type { Period } from '../../core/period.js';
import { n } from '../../core/text.js';
import type { Application } from '../../input/schema.js';
import { countSessions } from '../../metering/sessions.js';
import { lineItem, type LineItemDraft } from '../types.js';

/** How a model bills sessions: its capability ids, and what one session of each kind weighs. */
export interface SessionBilling {
  ids: { sessions: string; replay: string; properties: string };
  /** Weight per session and per replayed session, with its text (DPS: none; classic: DEM units). */
  sessionWeight?: Derived;
  replayWeight?: Derived;
  /** Billable properties beyond the included ones, and how they were counted. */
  properties(app: Application): { extra: D; text: string };
  /** The factor per property-session (DPS: presence; classic: 0.01 DEM). */
  propertyFactor(app: Application): Derived;
  /** Why an application consumes no sessions at all, if it does not (DPS: under 2 user actions an hour). */
  none?(app: Application): string | undefined;
}

const weighted = (value: D, weight: Derived | undefined) => (weight ? value.times(weight.value) : value);
const weightText = (weight: Derived | undefined) => (weight ? ` × ${weight.text}` : '');

/**
 * The line items of every application under a session billing: plain, replayed, properties.
 * Made as they are read: an estate may have 100,000 applications.
 */
export function* sessionLineItems(apps: readonly Application[], period: Period, billing: SessionBilling): Generator<LineItemDraft> {
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const subject = app.name;
    const path = `applications[${i}]`;
    const none = billing.none?.(app);
    if (none !== undefined) {
      yield lineItem(billing.ids.sessions, subject, path, ZERO, none);
      continue;
    }
    const s = countSessions(app, period);
    const replay = app.replayRate;
    // With every session replayed, there is no plain session line to show.
    if (!isOne(replay)) {
      yield lineItem(
        billing.ids.sessions,
        subject,
        path,
        weighted(s.notReplayed, billing.sessionWeight),
        `${s.formula}${replay.isZero() ? '' : ` × (1 − ${n(replay)} replayed)`}${weightText(billing.sessionWeight)}`,
      );
    }
    if (!replay.isZero()) {
      yield lineItem(billing.ids.replay, subject, path, weighted(s.replayed, billing.replayWeight), `${s.formula} × ${n(replay)} replayed${weightText(billing.replayWeight)}`);
    }
    const { extra, text } = billing.properties(app);
    if (!extra.isZero()) {
      const factor = billing.propertyFactor(app);
      yield lineItem(billing.ids.properties, subject, path, times(s.sessions.times(extra), factor.value), `${s.formula} × ${text}${factor.text ? ` × ${factor.text}` : ''}`);
    }
  }
}
