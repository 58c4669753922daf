// The warnings about prices: unpriced line items (by classic unit, or by capability), provisional
// prices, and a currency label that differs from the rate card's. Read off the estimate's sums by
// capability: a price is per capability (every item of one has it or none has), so the sums say
// all the items would, and no item needs to be kept for them.
import { capability } from '../core/capabilities.js';
import type { CapabilitySum } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { warning, type Warning } from '../core/messages.js';

/** Units of classic licensing: no public price, priced per unit by a user's rate card. */
const CLASSIC_UNITS = ['host-unit-hour', 'host-unit-year', 'dem-unit', 'ddu', 'msu', 'metric', 'asu'];

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
    warnings.push(
      classic
        ? warning('unpriced-classic-unit', { unit: key, ids, items: n })
        : capability(key).overage
          ? warning('unpriced-overage', { id: key, items: n })
          : warning('unpriced-capability', { id: key, items: n }),
    );
  }
  const provisional = [...capabilities].filter(([, c]) => c.provisional).map(([id]) => id);
  if (provisional.length > 0) {
    warnings.push(warning('provisional-prices', { ids: provisional }));
  }
  const anyPriced = [...capabilities.values()].some((c) => c.items > c.unpriced);
  if (currency !== card.currency && anyPriced) {
    warnings.push(warning('currency-label', { prices: card.currency, label: currency }));
  }
  return warnings;
}
