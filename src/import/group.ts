// Small shared helpers of the importers: grouping in first-seen order, counts in words, and the
// rows of a note ("vinfo.csv lines 2, 5-8: vm-1, vm-4...").
import type { SourceRef } from './model.js';
import { describeSources } from './write.js';

/** Items grouped by key, groups and items in the order first seen. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The rows of a note: "vinfo.csv lines 2, 5-8: vm-1, vm-4 and 3 more". */
export function rowList(refs: readonly SourceRef[]): string {
  return describeSources(refs).join('; ');
}
