// Runtime Vulnerability Analytics and Runtime Application Protection (DPS): GiB-hours of the hosts
// and containers that enable them (`appSecurity`), with the Full-Stack memory rounding and minimums.
// Source: prices-and-rules.md "DPS metering rules".
import type { D } from '../../core/decimal.js';
import { hasMemory, type EstateData } from '../../input/schema.js';
import type { Period } from '../../core/period.js';
import type { LineItemDraft } from '../types.js';
import { containerMemory } from '../../metering/containers.js';
import { dpsHours } from '../../metering/hours.js';
import { billedMemory } from '../../metering/memory.js';
import { countPrefix } from '../../core/text.js';

export function runtimeSecurityItems(estate: EstateData, feature: 'rva' | 'rap', capabilityId: string, period: Period): LineItemDraft[] {
  const items: LineItemDraft[] = [];
  const push = (name: string, path: string, count: D, noun: [string, string], memory: { value: D; text: string }, hoursPerDay: D) => {
    const hours = dpsHours(hoursPerDay, period);
    items.push({ capabilityId, subject: name, path, quantity: count.times(memory.value).times(hours.value), formula: `${countPrefix(count, ...noun)}${memory.text} × ${hours.text}` });
  };
  estate.hosts.forEach((h, i) => {
    if (hasMemory(h) && h.appSecurity.includes(feature)) push(h.name, `hosts[${i}]`, h.count, ['host', 'hosts'], billedMemory(h.memoryGiB, true), h.hoursPerDay);
  });
  estate.containers.forEach((c, i) => {
    if (!c.appSecurity.includes(feature)) return;
    const seen = containerMemory(c);
    push(c.name, `containers[${i}]`, c.count, seen.noun, billedMemory(seen.memoryGiB, seen.asHost), c.hoursPerDay);
  });
  return items;
}
