// Classic included metrics (metric-cost-calculation.md, shared/docs/dynatrace/managed/license/
// classic-licensing/davis-data-units/, https://docs.dynatrace.com/managed/license/classic-licensing/davis-data-units/metric-cost-calculation):
// "1,000 metrics per host unit are included on each monitored host (in Full-Stack Monitoring
// mode)", "The minimum of included metrics is always 200, even when N is less than 0.2";
// "OneAgent-monitored hosts with Infrastructure Monitoring enabled always include 200 metrics".
// "One host-included metric is defined as one metric data point per minute", evaluated each minute
// ("there's no sliding time window"), bound to the host the data points are booked on, "up to the
// number of host-included metrics per host-unit hour".
import { D } from '../core/decimal.js';
import type { Derived } from '../core/derivation.js';
import { n, plural } from '../core/text.js';

const PER_HOST_UNIT = new D(1000);
const FLOOR = new D(200);

/** The metric data points a host includes each minute, by its mode and host units. */
export function includedPerMinute(mode: 'fullstack' | 'infrastructure', hostUnits: D): Derived {
  if (mode === 'infrastructure') return { value: FLOOR, text: '200 included (Infrastructure)' };
  const perUnits = hostUnits.times(PER_HOST_UNIT);
  return perUnits.lessThan(FLOOR)
    ? { value: FLOOR, text: `200 included (${plural(hostUnits, 'host unit')} × 1,000, at least 200)` }
    : { value: perUnits, text: `${n(perUnits)} included (${plural(hostUnits, 'host unit')} × 1,000)` };
}

/** Data points a minute of a metric entry reported steadily: count × series × 60 s / interval. */
export function pointsPerMinute(m: { count: D; series: D; intervalSeconds: D }): D {
  return m.count.times(m.series).times(60).div(m.intervalSeconds);
}
