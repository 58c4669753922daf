// Spans and events per period, and their volume in GiB (KiB / 1,048,576).
import type { Derived } from '../core/derivation.js';
import type { D } from '../core/decimal.js';
import { perPeriod, type Period } from '../core/period.js';
import { monthScale, n, plural } from '../core/text.js';

const KIB_PER_GIB = 1_048_576;

export function spans(t: { requestsPerMonth: D; spansPerRequest: D }, period: Period): Derived {
  return {
    value: perPeriod(t.requestsPerMonth.times(t.spansPerRequest), period),
    text: `${n(t.requestsPerMonth)} requests/month${monthScale(period)} × ${plural(t.spansPerRequest, 'span')}`,
  };
}

export function events(e: { eventsPerMonth: D }, period: Period): Derived {
  return { value: perPeriod(e.eventsPerMonth, period), text: `${n(e.eventsPerMonth)} events/month${monthScale(period)}` };
}

export function gib(count: Derived, kib: D, what: string): Derived {
  return { value: count.value.times(kib).div(KIB_PER_GIB), text: `${count.text} × ${n(kib)} KiB/${what} ÷ 1,048,576 KiB/GiB` };
}
