// The order rules are evaluated in, derived from what each reads (`after`) and emits (`emits`):
// a rule runs once every rule that emits a capability it reads has run. Among the rules that
// are ready, the one first in the catalogue goes first, so that where the catalogue order already
// respects the reads (as it does today), the two orders are the same and nothing waits.
import type { Rule } from './types.js';

export class RuleOrderError extends Error {}

export function evaluationOrder<R extends Rule>(rules: readonly R[]): R[] {
  const emitters = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const id of r.emits) {
      let list = emitters.get(id);
      if (list === undefined) emitters.set(id, (list = []));
      list.push(i);
    }
  });
  // What each rule waits for: the rules that emit what it reads (never itself).
  const waitsFor = rules.map((r, i) => new Set((r.after ?? []).flatMap((id) => emitters.get(id) ?? []).filter((j) => j !== i)));
  const order: R[] = [];
  const done = new Set<number>();
  while (order.length < rules.length) {
    const next = rules.findIndex((_, i) => !done.has(i) && [...waitsFor[i]!].every((j) => done.has(j)));
    if (next < 0) {
      const stuck = rules.filter((_, i) => !done.has(i)).map((r) => r.id);
      throw new RuleOrderError(`the rules ${stuck.join(', ')} read each other's capabilities in a cycle`);
    }
    done.add(next);
    order.push(rules[next]!);
  }
  return order;
}
