// Real User Monitoring session arithmetic shared by the DPS and classic rules (their line items:
// rules/kit/sessions.ts).
// - Bounced visits (one user action) are not billed: dps-real-user-monitoring.txt FAQ;
//   classic-dem-units.txt "A single Real User Monitoring session".
// - One more session for every started hour of a visit: dps-real-user-monitoring.txt ("a 2.5-hour
//   visit ... counts as three sessions"); classic-dem-units.txt ("a 4-hour session is the
//   equivalent of 4 licensed sessions": sessions split every 60 minutes of continuous interaction).
// - Replayed sessions are billed at the replay rate instead of the RUM rate (DPS FAQ; classic 1.0 DEM).
import { ONE, SIXTY, times, ZERO, type D } from '../core/decimal.js';
import type { Derived } from '../core/derivation.js';
import type { Period } from '../core/period.js';
import { perPeriod } from '../core/period.js';
import { countPrefix, monthScale, n, plural } from '../core/text.js';

/** Sessions one visit of `minutes` is billed as: one per started hour, at least one. */
export function sessionsForVisit(minutes: D): D {
  const hours = minutes.div(SIXTY).ceil();
  return hours.lessThan(ONE) ? ONE : hours;
}

/** What of an application its sessions depend on. */
export interface SessionsEntry {
  count: D;
  visitsPerMonth: D;
  bounceRate: D;
  replayRate: D;
  /** Minutes per visit, or a mix of visit lengths with their shares. */
  visitMinutes?: D | readonly { minutes: D; share: D }[] | undefined;
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
const perVisitCache = new Map<string, Derived>();

function sessionsPerVisit(app: SessionsEntry): Derived {
  const vm = app.visitMinutes;
  if (vm === undefined) return { value: ONE, text: '1 session/visit' };
  const key = Array.isArray(vm) ? vm.map((p) => `${p.share.toString()}@${p.minutes.toString()}`).join(' ') : vm.toString();
  let cached = perVisitCache.get(key);
  if (cached === undefined) {
    cached = Array.isArray(vm) ? mixPerVisit(vm) : onePerVisit(vm as D);
    if (perVisitCache.size < 10_000) perVisitCache.set(key, cached);
  }
  return cached;
}

function onePerVisit(minutes: D): Derived {
  const value = sessionsForVisit(minutes);
  return { value, text: `${plural(value, 'session')}/visit (${n(minutes)} min)` };
}

function mixPerVisit(vm: readonly { share: D; minutes: D }[]): Derived {
  let value = ZERO;
  for (const part of vm) value = value.plus(part.share.times(sessionsForVisit(part.minutes)));
  const mix = vm.map((p) => `${n(p.share.times(100))}% ${n(p.minutes)} min`).join(', ');
  return { value, text: `${plural(value, 'session')}/visit (${mix})` };
}

export function countSessions(app: SessionsEntry, period: Period): SessionCount {
  const perVisit = sessionsPerVisit(app);
  const visits = times(app.count, app.visitsPerMonth);
  const sessions = perPeriod(times(app.bounceRate.isZero() ? visits : visits.times(ONE.minus(app.bounceRate)), perVisit.value), period);
  const replayed = app.replayRate.isZero() ? ZERO : sessions.times(app.replayRate);
  const bounced = app.bounceRate.isZero() ? '' : ` × (1 − ${n(app.bounceRate)} bounced)`;
  const formula = `${countPrefix(app.count, 'app')}${n(app.visitsPerMonth)} visits/month${monthScale(period)}${bounced} × ${perVisit.text}`;
  return { sessions, replayed, notReplayed: replayed.isZero() ? sessions : sessions.minus(replayed), formula };
}
