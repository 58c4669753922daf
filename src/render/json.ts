// JSON output, schemaVersion 1 (SPEC "JSON output"): quantities and money as exact decimal strings.
import { toPlain, type D } from '../decimal.js';
import type { Check } from '../estimate/budget.js';
import type { Estimate } from '../estimate/run.js';

const dec = (value: D | null): string | null => (value === null ? null : toPlain(value));
const decimals = (entries: Iterable<[string, D | null]>): Record<string, string | null> =>
  Object.fromEntries([...entries].map(([k, v]) => [k, dec(v)]));

function checkToJson(c: Check): object {
  return {
    kind: c.kind,
    key: c.key,
    limit: toPlain(c.limit),
    actual: toPlain(c.actual),
    excess: toPlain(c.excess),
    exceeded: c.exceeded,
    drivers: c.drivers.map((d) => ({ id: d.id, amount: toPlain(d.amount) })),
  };
}

export function estimateToJson(e: Estimate, version: string): object {
  return {
    schemaVersion: 1,
    tool: { name: 'dtcost', version },
    estate: e.estate,
    file: e.file,
    model: e.model,
    period: { label: e.period.label, days: toPlain(e.period.days), hours: toPlain(e.period.hours) },
    currency: e.currency,
    rateCard: { name: e.rateCard.name, files: e.rateCard.files },
    lineItems: e.lineItems.map((i) => ({
      id: i.id,
      capabilityId: i.capabilityId,
      capability: i.capability,
      subject: i.subject,
      file: i.file,
      path: i.path,
      quantity: toPlain(i.quantity),
      unit: i.unit,
      unitPrice: dec(i.unitPrice),
      cost: dec(i.cost),
      formula: i.formula,
      priceSource: i.priceSource,
      provisional: i.provisional,
      rule: i.rule,
      doc: i.doc,
    })),
    totals: {
      cost: dec(e.totals.cost),
      pricedCost: toPlain(e.totals.pricedCost),
      unpricedLineItems: e.totals.unpricedLineItems,
      costByCapability: decimals(e.totals.costByCapability),
      quantityByUnit: decimals(e.totals.quantityByUnit),
    },
    budget: e.budget && {
      total: dec(e.budget.total),
      cost: dec(e.budget.cost),
      exceeded: e.budget.exceeded,
      complete: e.budget.complete,
      capabilities: decimals(Object.entries(e.budget.capabilities)),
      units: decimals(Object.entries(e.budget.units)),
      checks: e.budget.checks.map(checkToJson),
      violations: e.budget.violations.map(checkToJson),
    },
    warnings: e.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

/** One estimate: the object; several: an array of them, in the order of the files. */
export function renderJson(estimates: readonly Estimate[], version: string): string {
  const docs = estimates.map((e) => estimateToJson(e, version));
  return `${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`;
}
