// Amounts in different currencies are never added or relabelled (nothing is converted): every price
// an estimate may apply must be in the currency its amounts are labelled in. Found before anything
// is estimated, as an input problem naming the prices that need the currency.
import { capability, CAPABILITY_IDS, unitModel, type Model } from '../core/capabilities.js';
import type { EstateData } from '../input/schema.js';
import { cardPrices } from '../pricing/price.js';
import type { RateCard } from '../pricing/rate-card.js';
import { licensedCapabilities } from '../rules/kit/quota.js';
import { runEstimate, type EstimateOptions } from './run.js';

export interface CurrencyConflict {
  /** The currency the amounts would be labelled in. */
  label: string;
  /** The prices in another currency that the estimate could apply, with where each comes from. */
  prices: { key: string; currency: string; from: string }[];
}

/**
 * The prices in another currency than `label` that the estimate of `estate` under `model` would
 * apply (to a line item of a non-zero quantity). None: undefined. The rules run only when the card
 * holds such a price for the model at all (then they are run once more, unpriced: they are pure).
 */
export function currencyConflict(estate: EstateData, model: Model, card: RateCard, label: string, activity?: EstimateOptions['activity']): CurrencyConflict | undefined {
  const foreign = [...card.prices].filter(([key, p]) => p.currency !== label && (CAPABILITY_IDS.includes(key) ? capability(key).model === model : unitModel(key) !== (model === 'dps' ? 'classic' : 'dps')));
  if (foreign.length === 0) return undefined;
  const used = new Set<string>();
  const run = runEstimate(estate, card, '', { model, ...(activity ? { activity } : {}) });
  // The prices the estimate applies, as pricing chooses them.
  const { priceOf } = cardPrices(card, model === 'classic' ? licensedCapabilities(estate) : []);
  for (const item of run.lineItems) {
    if (item.quantity.isZero()) continue;
    for (const key of priceOf(capability(item.capabilityId))?.keys ?? []) used.add(key);
  }
  const prices = foreign.filter(([key]) => used.has(key)).map(([key, p]) => ({ key, currency: p.currency, from: p.from }));
  return prices.length > 0 ? { label, prices } : undefined;
}

/** The conflict in words: what is in which currency, and what to do. */
export function describeCurrencyConflict(c: CurrencyConflict): string {
  const byOrigin = new Map<string, string[]>();
  for (const p of c.prices) {
    const where = `${p.currency} (${p.from})`;
    byOrigin.set(where, [...(byOrigin.get(where) ?? []), p.key]);
  }
  const parts = [...byOrigin].map(([where, keys]) => `${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ` and ${keys.length - 8} more` : ''} in ${where}`);
  return `amounts would be in ${c.label}, but the prices of ${parts.join('; ')}: dtcost never converts or relabels a price; give them in ${c.label} in your rate card, or estimate in their currency`;
}
