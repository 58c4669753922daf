// Classic host units from RAM: classic-licensing-bundle.md "Host units" (the weighting table) and
// classic-monitoring-consumption.txt "Host units". RAM between two rows is rounded up to the next
// row (12 GiB is a 16 GiB host: 1 host unit); beyond 112 GiB, n × 16 GiB is n host units.
// Infrastructure Monitoring weighs 0.3 per 16 GiB (0.03, 0.075 and 0.15 below), capped at 1.0 per
// host where the contract has the cap; older contracts without it continue 0.3 per 16 GiB
// (prices-and-rules.md "Classic licensing": 64 GiB -> 1.2).
import { D } from '../../decimal.js';

export type HostUnitMode = 'fullstack' | 'infrastructure';

/** Rows below 16 GiB: [max RAM, Full-Stack, Infrastructure]. */
const SMALL_ROWS: readonly [string, string, string][] = [
  ['1.6', '0.10', '0.03'],
  ['4', '0.25', '0.075'],
  ['8', '0.50', '0.15'],
];

export interface HostUnits {
  value: D;
  /** The table row the RAM was rounded up to, in GiB. */
  rowGiB: D;
}

export function hostUnits(memoryGiB: D, mode: HostUnitMode, infrastructureCap = true): HostUnits {
  for (const [max, full, infra] of SMALL_ROWS) {
    if (memoryGiB.lessThanOrEqualTo(max)) return { value: new D(mode === 'fullstack' ? full : infra), rowGiB: new D(max) };
  }
  const n = memoryGiB.div(16).ceil();
  const rowGiB = n.times(16);
  if (mode === 'fullstack') return { value: n, rowGiB };
  const infra = n.times('0.3');
  return { value: infrastructureCap ? D.min(infra, 1) : infra, rowGiB };
}
