// The warnings about prices: unpriced line items (by classic unit, or by capability), provisional
// prices, and a currency label that differs from the rate card's. Read off the estimate's sums by
// capability: a price is per capability (every item of one has it or none has), so the sums say
// all the items would, and no item needs to be kept for them.
import { capability } from '../core/capabilities.js';
import type { CapabilitySum } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import type { Warning } from './run.js';

/** Units of classic licensing: no public price, priced per unit by a user's rate card. */
const CLASSIC_UNITS = ['host-unit-hour', 'dem-unit', 'ddu', 'msu', 'metric'];

/** The price warnings of an estimate whose sums by capability (in the order they came) are `capabilities`. */
export function priceWarnings(capabilities: ReadonlyMap<string, Readonly<CapabilitySum>>, card: RateCard, currency: string): Warning[] {
  const warnings: Warning[] = [];
  // One warning per unpriced unit for classic units (priced per unit), per capability otherwise.
  const unpriced = new Map<string, { ids: string[]; n: number; classic: boolean }>();
  for (const [id, c] of capabilities) {
    if (c.unpriced === 0) continue;
    const classic = CLASSIC_UNITS.includes(c.unit) && !capability(id).overage;
    const key = classic ? c.unit : id;
    let entry = unpriced.get(key);
    if (entry === undefined) unpriced.set(key, (entry = { ids: [], n: 0, classic }));
    entry.ids.push(id);
    entry.n += c.unpriced;
  }
  for (const [key, { ids, n, classic }] of unpriced) {
    const items = `${n} line ${n === 1 ? 'item has' : 'items have'} no cost`;
    warnings.push({
      code: 'unpriced',
      message: classic
        ? `no price for ${key} (${ids.join(', ')}): ${items}; classic unit prices come only from your own rate card (--rates)`
        : capability(key).overage
          ? `no price for ${key}: ${items}; overages are priced only by their own id (a unit price would charge them twice): add ${key} to your rate card`
          : `no price for ${key}: ${items}; no public list price is known, add one to a rate card (--rates)`,
    });
  }
  const provisional = [...capabilities].filter(([, c]) => c.provisional).map(([id]) => id);
  if (provisional.length > 0) {
    warnings.push({
      code: 'provisional-price',
      message: `provisional prices (grade S: secondary sources, not verified) for ${provisional.join(', ')}; confirm them or pass your rate card (--rates)`,
    });
  }
  const anyPriced = [...capabilities.values()].some((c) => c.items > c.unpriced);
  if (currency !== card.currency && anyPriced) {
    warnings.push({ code: 'currency', message: `prices are in ${card.currency} but amounts are labelled ${currency}: nothing is converted` });
  }
  return warnings;
}
