// Metric data points over the period: custom metrics (`series` reported every `intervalSeconds`)
// and NAM monitors, which are billed by the metric data points they produce at the request level:
// 6 per ping (ICMP) request execution, 3 per TCP or DNS one (classic-licensing-bundle.md "How
// consumption of Synthetic NAM Monitoring affects billing").
import type { Derived } from '../core/derivation.js';
import { D, ZERO } from '../core/decimal.js';
import type { Period } from '../core/period.js';
import { scheduled, type ScheduledEntry } from './synthetic.js';
import { countPrefix, n, plural } from '../core/text.js';

/** A custom metric: `series` reported every `intervalSeconds`. */
export interface MetricEntry {
  count: D;
  series: D;
  intervalSeconds: D;
}

/** A NAM monitor: requests of a protocol, scheduled like the other synthetic monitors. */
export interface NamEntry extends ScheduledEntry {
  protocol: 'icmp' | 'tcp' | 'dns';
  requests: D;
  enabled: boolean;
}

export function metricDataPoints(m: MetricEntry, period: Period): Derived {
  const each = period.hours.times(3600).div(m.intervalSeconds);
  return {
    value: m.count.times(m.series).times(each),
    text: `${countPrefix(m.count, 'metric')}${plural(m.series, 'series', 'series')} × ${n(each)} data points each (one per ${n(m.intervalSeconds)} s over ${n(period.hours)} h)`,
  };
}

export const NAM_POINTS_PER_REQUEST: Record<NamEntry['protocol'], D> = { icmp: new D(6), tcp: new D(3), dns: new D(3) };

export function namDataPoints(m: NamEntry, period: Period): Derived {
  if (!m.enabled) return { value: ZERO, text: 'disabled: no executions, no data points' };
  const perRequest = NAM_POINTS_PER_REQUEST[m.protocol];
  const run = scheduled({ value: m.requests.times(perRequest), text: `${plural(m.requests, 'request')} × ${n(perRequest)} data points (${m.protocol.toUpperCase()})` }, m, period.hours);
  return { value: run.quantity, text: run.formula };
}
