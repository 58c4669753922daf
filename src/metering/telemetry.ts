// Spans and events per period, and their volume in GiB (KiB / 1,048,576).
import type { D } from '../core/decimal.js';
import type { EstateData } from '../input/schema.js';
import { perPeriod, type Period } from '../core/period.js';
import { monthScale, n } from '../core/text.js';

const KIB_PER_GIB = 1_048_576;

export function spans(t: EstateData['traces'][number], period: Period): { value: D; text: string } {
  return {
    value: perPeriod(t.requestsPerMonth.times(t.spansPerRequest), period),
    text: `${n(t.requestsPerMonth)} requests/month${monthScale(period)} × ${n(t.spansPerRequest)} spans`,
  };
}

export function events(e: EstateData['events'][number], period: Period): { value: D; text: string } {
  return { value: perPeriod(e.eventsPerMonth, period), text: `${n(e.eventsPerMonth)} events/month${monthScale(period)}` };
}

export function gib(count: { value: D; text: string }, kib: D, what: string): { value: D; text: string } {
  return { value: count.value.times(kib).div(KIB_PER_GIB), text: `${count.text} × ${n(kib)} KiB/${what} ÷ 1,048,576 KiB/GiB` };
}
