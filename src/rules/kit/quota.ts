// A classic quota and its overage: what is consumed beyond the licensed amount, counted only where
// the contract allows overages (otherwise the excess is noted: monitoring would stop there).
// classic-dem-units.txt "Digital Experience Monitoring overages"; classic-monitoring-consumption.txt
// "Custom metrics overages" (120 − 100 = 20).
import { D } from '../../core/decimal.js';
import type { License } from '../../input/schema.js';
import type { LineItemDraft, RuleContext } from '../types.js';
import { n, plural } from '../../core/text.js';

export function overage(
  license: License,
  capabilityId: string,
  used: D,
  quota: D,
  what: [one: string, many: string],
  usedText: string,
  note: RuleContext['note'],
): LineItemDraft[] {
  const excess = D.max(0, used.minus(quota));
  if (excess.greaterThan(0) && !license.overages) {
    note('quota-no-overages', { quota: what[0], excess: plural(excess, ...what) });
    return [];
  }
  return [{ capabilityId, subject: 'license', path: 'license', quantity: excess, formula: `${usedText} − ${n(quota)} licensed (never below zero)` }];
}
