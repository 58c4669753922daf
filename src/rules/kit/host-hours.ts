// Entries billed per running hour whatever their size (DPS host-hours, pod-hours, container-hours).
import type { D } from '../../core/decimal.js';
import type { Period } from '../../core/period.js';
import type { LineItemDraft } from '../types.js';
import { dpsHours } from '../../metering/hours.js';
import { countPrefix } from '../../core/text.js';

export function perRunningHour(
  entries: readonly { name: string; count: D; hoursPerDay: D }[],
  section: string,
  capabilityId: string,
  noun: [string, string],
  period: Period,
  include: (index: number) => boolean = () => true,
): LineItemDraft[] {
  return entries.flatMap((e, i) => {
    if (!include(i)) return [];
    const hours = dpsHours(e.hoursPerDay, period);
    return [{ capabilityId, subject: e.name, path: `${section}[${i}]`, quantity: e.count.times(hours.value), formula: `${countPrefix(e.count, ...noun)}${hours.text}` }];
  });
}
