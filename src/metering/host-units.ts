// Classic host units from RAM: classic-licensing-bundle.md "Host units" (the weighting table) and
// classic-monitoring-consumption.txt "Host units". RAM between two rows is rounded up to the next
// row (12 GiB is a 16 GiB host: 1 host unit); beyond 112 GiB, n × 16 GiB is n host units.
// Infrastructure Monitoring weighs 0.3 per 16 GiB (0.03, 0.075 and 0.15 below), capped at 1.0 per
// host where the contract has the cap; older contracts without it continue 0.3 per 16 GiB
// (prices-and-rules.md "Classic licensing": 64 GiB -> 1.2).
import { D, ONE } from '../core/decimal.js';

export type HostUnitMode = 'fullstack' | 'infrastructure';

/** Rows below 16 GiB: [max RAM, Full-Stack, Infrastructure] (Decimals made once: a fleet has 100,000 hosts). */
const SMALL_ROWS: readonly [D, D, D][] = [
  ['1.6', '0.10', '0.03'],
  ['4', '0.25', '0.075'],
  ['8', '0.50', '0.15'],
].map(([max, full, infra]) => [new D(max!), new D(full!), new D(infra!)]);

const SIXTEEN = new D(16);
/** Infrastructure Monitoring per 16 GiB. */
const INFRASTRUCTURE_PER_16 = new D('0.3');

export interface HostUnits {
  value: D;
  /** The table row the RAM was rounded up to, in GiB. */
  rowGiB: D;
}

export function hostUnits(memoryGiB: D, mode: HostUnitMode, infrastructureCap = true): HostUnits {
  for (const [max, full, infra] of SMALL_ROWS) {
    if (memoryGiB.lessThanOrEqualTo(max)) return { value: mode === 'fullstack' ? full : infra, rowGiB: max };
  }
  const n = memoryGiB.div(SIXTEEN).ceil();
  const rowGiB = n.times(SIXTEEN);
  if (mode === 'fullstack') return { value: n, rowGiB };
  const infra = n.times(INFRASTRUCTURE_PER_16);
  return { value: infrastructureCap && infra.greaterThan(ONE) ? ONE : infra, rowGiB };
}
