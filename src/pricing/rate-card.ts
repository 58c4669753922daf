// Rate cards (SPEC "Rate cards"): the built-in list card, user cards from YAML/JSON, and how they
// merge. Prices are keyed by capability id (DPS) or by unit id (classic units); a discount applies
// to every price of the merged card.
import { z } from 'zod';
import { CAPABILITY_IDS, LICENSED_BY_QUOTA, UNIT_IDS } from '../core/capabilities.js';
import { D, isDecimal } from '../core/decimal.js';
import { deferred, keyedBy, name, num, once } from '../input/schema-kit.js';
import { BUILTIN_CURRENCY, BUILTIN_PRICES } from './builtin.js';

export interface Price {
  unitPrice: D;
  /** Where the price comes from, in words. */
  source: string;
  /** D or S for built-in list prices; `card` for a user's rate card. */
  grade: 'D' | 'S' | 'card';
  provisional: boolean;
  /** The currency the price is in: its card's (a price is never converted or relabelled). */
  currency: string;
  /** Where it comes from, for messages: `built-in list prices`, or the rate card's file. */
  from: string;
}

export interface RateCard {
  name: string;
  currency: string;
  discount: D;
  /** Keyed by capability id or unit id. */
  prices: ReadonlyMap<string, Price>;
  /** Files merged over the built-in card, in order. */
  files: readonly string[];
  /** Why a line has no price, where that is known (a line with no public price), by capability id. */
  unpricedNotes: ReadonlyMap<string, string>;
}

const priceEntry = () => z.union([
  num(),
  z.strictObject({ unitPrice: num(), source: z.string().optional(), provisional: z.boolean().optional() }),
]);

/** The schema of a user's rate card, built on its first use (most runs have none: start-up time). */
export const rateCardSchema = once(() => z.strictObject({
  name: name().optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, { error: 'expected a three-letter currency code' })
    .transform((c) => c.toUpperCase())
    .optional(),
  discount: num({ min: 'zero', max: 1 }).optional(),
  // Built when a card has prices (schema-kit `deferred`: start-up time).
  prices: deferred(() => keyedBy([...CAPABILITY_IDS, ...UNIT_IDS], priceEntry(), 'capability or unit id')).default({}),
}));
export type RateCardData = z.output<ReturnType<typeof rateCardSchema>>;

export function builtinRateCard(): RateCard {
  const prices = new Map<string, Price>();
  const unpricedNotes = new Map<string, string>();
  for (const p of BUILTIN_PRICES) {
    if (p.unitPrice === null) {
      unpricedNotes.set(p.capabilityId, p.source);
      continue;
    }
    prices.set(p.capabilityId, {
      unitPrice: new D(p.unitPrice),
      source: `list price, ${p.source} (grade ${p.grade}${p.grade === 'S' ? ', provisional' : ''})`,
      grade: p.grade,
      provisional: p.grade === 'S',
      currency: BUILTIN_CURRENCY,
      from: 'the built-in list prices',
    });
  }
  return { name: 'Dynatrace list prices (built-in)', currency: BUILTIN_CURRENCY, discount: new D(0), prices, files: [], unpricedNotes };
}

/** `card` over `base`: its prices replace or extend, its name, currency and discount win where given. */
export function mergeRateCard(base: RateCard, card: RateCardData, file: string): RateCard {
  const prices = new Map(base.prices);
  const label = card.name ?? file;
  for (const [key, entry] of Object.entries(card.prices)) {
    const full = isDecimal(entry) ? { unitPrice: entry } : entry;
    const { unitPrice, source } = full;
    const provisional = 'provisional' in full ? (full.provisional ?? false) : false;
    prices.set(key, { unitPrice, source: source ? `${source} (rate card ${label})` : `rate card ${label}`, grade: 'card', provisional, currency: card.currency ?? base.currency, from: file });
  }
  return {
    name: card.name ?? `${base.name} + ${file}`,
    currency: card.currency ?? base.currency,
    discount: card.discount ?? base.discount,
    prices,
    files: [...base.files, file],
    unpricedNotes: new Map([...base.unpricedNotes].filter(([id]) => !prices.has(id))),
  };
}

/**
 * The estate's `license.prices` (a classic contract's own prices) over `card`, the last layer: a
 * quota key prices its licensed line (hostUnits: `licensed-host-units`, a host unit for a year),
 * other keys their classic capability or unit. They are in the estate's currency (`currency`; else
 * the card's), and the card's discount applies to them as to every price of the card.
 */
export function withLicensePrices(card: RateCard, prices: Readonly<Record<string, D>>, currency: string | undefined, file: string): RateCard {
  const merged = new Map(card.prices);
  for (const [key, unitPrice] of Object.entries(prices)) {
    const id = (LICENSED_BY_QUOTA as Readonly<Record<string, string>>)[key] ?? key;
    merged.set(id, { unitPrice, source: `contract price, license.prices.${key} in ${file}`, grade: 'card', provisional: false, currency: currency ?? card.currency, from: file });
  }
  return { ...card, name: `${card.name} + license.prices`, prices: merged, files: [...card.files, file], unpricedNotes: new Map([...card.unpricedNotes].filter(([id]) => !merged.has(id))) };
}
