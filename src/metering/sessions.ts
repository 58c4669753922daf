// Real User Monitoring session arithmetic shared by the DPS and classic rules.
// - Bounced visits (one user action) are not billed: dps-real-user-monitoring.txt FAQ;
//   classic-dem-units.txt "A single Real User Monitoring session".
// - One more session for every started hour of a visit: dps-real-user-monitoring.txt ("a 2.5-hour
//   visit ... counts as three sessions"); classic-dem-units.txt ("a 4-hour session is the
//   equivalent of 4 licensed sessions": sessions split every 60 minutes of continuous interaction).
// - Replayed sessions are billed at the replay rate instead of the RUM rate (DPS FAQ; classic 1.0 DEM).
import { isOne, ONE, SIXTY, times, ZERO, type D } from '../core/decimal.js';
import { lineItem, type LineItemDraft } from '../rules/types.js';
import type { Application } from '../input/schema.js';
import type { Period } from '../core/period.js';
import { perPeriod } from '../core/period.js';
import { countPrefix, monthScale, n, plural } from '../core/text.js';

/** Sessions one visit of `minutes` is billed as: one per started hour, at least one. */
export function sessionsForVisit(minutes: D): D {
  const hours = minutes.div(SIXTY).ceil();
  return hours.lessThan(ONE) ? ONE : hours;
}

export interface SessionCount {
  /** Billed sessions, replayed ones included. */
  sessions: D;
  replayed: D;
  notReplayed: D;
  /** The derivation of `sessions`, to which the replay split is appended. */
  formula: string;
}

/** Sessions per visit by visit length (or mix), worked out once per distinct one. */
const perVisitCache = new Map<string, { value: D; text: string }>();

function sessionsPerVisit(app: Application): { value: D; text: string } {
  const vm = app.visitMinutes;
  if (vm === undefined) return { value: ONE, text: '1 session/visit' };
  const key = Array.isArray(vm) ? vm.map((p) => `${p.share.toString()}@${p.minutes.toString()}`).join(' ') : vm.toString();
  let cached = perVisitCache.get(key);
  if (cached === undefined) {
    cached = Array.isArray(vm) ? mixPerVisit(vm) : onePerVisit(vm);
    if (perVisitCache.size < 10_000) perVisitCache.set(key, cached);
  }
  return cached;
}

function onePerVisit(minutes: D): { value: D; text: string } {
  const value = sessionsForVisit(minutes);
  return { value, text: `${plural(value, 'session')}/visit (${n(minutes)} min)` };
}

function mixPerVisit(vm: readonly { share: D; minutes: D }[]): { value: D; text: string } {
  let value = ZERO;
  for (const part of vm) value = value.plus(part.share.times(sessionsForVisit(part.minutes)));
  const mix = vm.map((p) => `${n(p.share.times(100))}% ${n(p.minutes)} min`).join(', ');
  return { value, text: `${plural(value, 'session')}/visit (${mix})` };
}

export function countSessions(app: Application, period: Period): SessionCount {
  const perVisit = sessionsPerVisit(app);
  const visits = times(app.count, app.visitsPerMonth);
  const sessions = perPeriod(times(app.bounceRate.isZero() ? visits : visits.times(ONE.minus(app.bounceRate)), perVisit.value), period);
  const replayed = app.replayRate.isZero() ? ZERO : sessions.times(app.replayRate);
  const bounced = app.bounceRate.isZero() ? '' : ` × (1 − ${n(app.bounceRate)} bounced)`;
  const formula = `${countPrefix(app.count, 'app')}${n(app.visitsPerMonth)} visits/month${monthScale(period)}${bounced} × ${perVisit.text}`;
  return { sessions, replayed, notReplayed: replayed.isZero() ? sessions : sessions.minus(replayed), formula };
}

/** How a model bills sessions: its capability ids, and what one session of each kind weighs. */
export interface SessionBilling {
  ids: { sessions: string; replay: string; properties: string };
  /** Weight per session and per replayed session, with its text (DPS: none; classic: DEM units). */
  sessionWeight?: { value: D; text: string };
  replayWeight?: { value: D; text: string };
  /** Billable properties beyond the included ones, and how they were counted. */
  properties(app: Application): { extra: D; text: string };
  /** The factor per property-session (DPS: presence; classic: 0.01 DEM). */
  propertyFactor(app: Application): { value: D; text: string };
}

const weighted = (value: D, weight: { value: D; text: string } | undefined) => (weight ? value.times(weight.value) : value);
const weightText = (weight: { value: D; text: string } | undefined) => (weight ? ` × ${weight.text}` : '');

/**
 * The line items of every application under a session billing: plain, replayed, properties.
 * Made as they are read: an estate may have 100,000 applications.
 */
export function* sessionLineItems(apps: readonly Application[], period: Period, billing: SessionBilling): Generator<LineItemDraft> {
  for (let i = 0; i < apps.length; i++) {
    const app = apps[i]!;
    const subject = app.name;
    const path = `applications[${i}]`;
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
