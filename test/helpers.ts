import { toPlain } from '../src/core/decimal.js';
import { loadText } from '../src/input/load.js';
import { estateSchema, type EstateData } from '../src/input/schema.js';
import { parsePeriod } from '../src/core/period.js';
import { runEstimate, type Estimate, type EstimateOptions } from '../src/estimate/run.js';
import { builtinRateCard, mergeRateCard, rateCardSchema, type RateCard } from '../src/pricing/rate-card.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function estate(yaml: string): EstateData {
  const loaded = loadText({ file: 'test.yaml', dir: ROOT, text: yaml }, estateSchema, 'an estate');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return loaded.data;
}

export function card(yaml?: string): RateCard {
  if (!yaml) return builtinRateCard();
  const loaded = loadText({ file: 'rates.yaml', dir: ROOT, text: yaml }, rateCardSchema(), 'a rate card');
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
  return mergeRateCard(builtinRateCard(), loaded.data, 'rates.yaml');
}

export function run(yaml: string, options: EstimateOptions & { rates?: string; periodText?: string } = {}): Estimate {
  const period = options.periodText ? parsePeriod(options.periodText) : options.period;
  return runEstimate(estate(yaml), card(options.rates), 'test.yaml', { ...options, ...(period ? { period } : {}) });
}

export function golden(name: string): string {
  return readFileSync(join(ROOT, 'test', 'golden', name), 'utf8');
}

/** The line items as [id, quantity, cost] with exact decimal strings. */
export function rows(e: Estimate): [string, string, string | null][] {
  return e.lineItems.map((i) => [i.id, toPlain(i.quantity), i.cost === null ? null : toPlain(i.cost)]);
}

export function item(e: Estimate, id: string) {
  const found = e.lineItems.find((i) => i.id === id);
  if (!found) throw new Error(`no line item ${id}; have ${e.lineItems.map((i) => i.id).join(', ')}`);
  return found;
}
