// Real User Monitoring session arithmetic shared by the DPS and classic rules.
// - Bounced visits (one user action) are not billed: dps-real-user-monitoring.txt FAQ;
//   classic-dem-units.txt "A single Real User Monitoring session".
// - One more session for every started hour of a visit: dps-real-user-monitoring.txt ("a 2.5-hour
//   visit ... counts as three sessions"); classic-dem-units.txt ("a 4-hour session is the
//   equivalent of 4 licensed sessions": sessions split every 60 minutes of continuous interaction).
// - Replayed sessions are billed at the replay rate instead of the RUM rate (DPS FAQ; classic 1.0 DEM).
import { D, ZERO } from '../../decimal.js';
import type { Application } from '../../estate/schema.js';
import type { Period } from '../../estimate/period.js';
import { perPeriod } from '../../estimate/period.js';
import { countPrefix, monthScale, n, plural } from './text.js';

/** Sessions one visit of `minutes` is billed as: one per started hour, at least one. */
export function sessionsForVisit(minutes: D): D {
  const hours = minutes.div(60).ceil();
  return hours.lessThan(1) ? new D(1) : hours;
}

export interface SessionCount {
  /** Billed sessions, replayed ones included. */
  sessions: D;
  replayed: D;
  notReplayed: D;
  /** The derivation of `sessions`, to which the replay split is appended. */
  formula: string;
}

function sessionsPerVisit(app: Application): { value: D; text: string } {
  const vm = app.visitMinutes;
  if (vm === undefined) return { value: new D(1), text: '1 session/visit' };
  if (!Array.isArray(vm)) {
    const value = sessionsForVisit(vm);
    return { value, text: `${plural(value, 'session')}/visit (${n(vm)} min)` };
  }
  let value = ZERO;
  for (const part of vm) value = value.plus(part.share.times(sessionsForVisit(part.minutes)));
  const mix = vm.map((p) => `${n(p.share.times(100))}% ${n(p.minutes)} min`).join(', ');
  return { value, text: `${plural(value, 'session')}/visit (${mix})` };
}

export function countSessions(app: Application, period: Period): SessionCount {
  const perVisit = sessionsPerVisit(app);
  const sessions = perPeriod(app.count.times(app.visitsPerMonth).times(new D(1).minus(app.bounceRate)).times(perVisit.value), period);
  const replayed = sessions.times(app.replayRate);
  const bounced = app.bounceRate.isZero() ? '' : ` × (1 − ${n(app.bounceRate)} bounced)`;
  const formula = `${countPrefix(app.count, 'app')}${n(app.visitsPerMonth)} visits/month${monthScale(period)}${bounced} × ${perVisit.text}`;
  return { sessions, replayed, notReplayed: sessions.minus(replayed), formula };
}
