// Entries billed per running hour whatever their size (DPS host-hours, pod-hours, container-hours,
// workflow-hours): count × hours a day × days, with the hours rounded as the capability meters them.
import type { D } from '../../core/decimal.js';
import { count, times, type Derived } from '../../core/derivation.js';
import type { LineItemDraft } from '../types.js';

export interface RunningHours<E> {
  entries: readonly E[];
  /** The section the entries are in: `hosts`, `pods`. */
  section: string;
  capabilityId: string;
  /** What `count` counts: ['pod', 'pods']. */
  noun: [one: string, many: string];
  /** The billed hours of an entry over the period (15-minute intervals, or whole hours). */
  hours: (entry: E) => Derived;
  /** Entries of the section this capability bills (all by default). */
  include?: (entry: E) => boolean;
  /** Further factors of an entry (processes on a host), and words after the formula. */
  per?: (entry: E) => Derived | undefined;
  after?: (entry: E) => string;
}

export function perRunningHour<E extends { name: string; count: D }>(r: RunningHours<E>): LineItemDraft[] {
  const items: LineItemDraft[] = [];
  r.entries.forEach((e, i) => {
    if (r.include && !r.include(e)) return;
    const q = times(count(e.count, ...r.noun), r.per?.(e), r.hours(e));
    items.push({ capabilityId: r.capabilityId, subject: e.name, path: `${r.section}[${i}]`, quantity: q.value, formula: `${q.text}${r.after?.(e) ?? ''}` });
  });
  return items;
}
