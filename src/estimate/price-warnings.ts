// The warnings about prices: unpriced line items (by classic unit, or by capability), provisional
// prices, and a currency label that differs from the rate card's. Counted item by item as an
// estimate streams, so that no item needs to be kept for them.
import { capability } from '../capabilities.js';
import type { LineItem } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import type { Warning } from './run.js';

/** Units of classic licensing: no public price, priced per unit by a user's rate card. */
const CLASSIC_UNITS = ['host-unit-hour', 'dem-unit', 'ddu', 'msu', 'metric'];

/** What the price warnings need, counted item by item. */
export class PriceTally {
  /** Unpriced items, by classic unit (priced per unit) or else by capability, in the order first seen. */
  private readonly unpriced = new Map<string, { ids: Set<string>; n: number; classic: boolean }>();
  private readonly provisional = new Set<string>();
  private priced = 0;

  add(item: LineItem): void {
    if (item.provisional) this.provisional.add(item.capabilityId);
    if (item.cost !== null) {
      this.priced++;
      return;
    }
    const classic = CLASSIC_UNITS.includes(item.unit) && !capability(item.capabilityId).overage;
    const key = classic ? item.unit : item.capabilityId;
    let entry = this.unpriced.get(key);
    if (entry === undefined) this.unpriced.set(key, (entry = { ids: new Set<string>(), n: 0, classic }));
    entry.ids.add(item.capabilityId);
    entry.n++;
  }

  warnings(card: RateCard, currency: string): Warning[] {
    const warnings: Warning[] = [];
    for (const [key, { ids, n, classic }] of this.unpriced) {
      const items = `${n} line ${n === 1 ? 'item has' : 'items have'} no cost`;
      warnings.push({
        code: 'unpriced',
        message: classic
          ? `no price for ${key} (${[...ids].join(', ')}): ${items}; classic unit prices come only from your own rate card (--rates)`
          : capability(key).overage
            ? `no price for ${key}: ${items}; overages are priced only by their own id (a unit price would charge them twice): add ${key} to your rate card`
            : `no price for ${key}: ${items}; no public list price is known, add one to a rate card (--rates)`,
      });
    }
    if (this.provisional.size > 0) {
      warnings.push({
        code: 'provisional-price',
        message: `provisional prices (grade S: secondary sources, not verified) for ${[...this.provisional].join(', ')}; confirm them or pass your rate card (--rates)`,
      });
    }
    if (currency !== card.currency && this.priced > 0) {
      warnings.push({ code: 'currency', message: `prices are in ${card.currency} but amounts are labelled ${currency}: nothing is converted` });
    }
    return warnings;
  }
}
