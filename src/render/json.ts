// JSON output, schemaVersion 1 (SPEC "JSON output"): quantities and money as exact decimal strings.
// Streamed: the document is written in chunks, each line item on a line of its own, so that a
// large estate never holds its whole output (or an object tree of it) in memory. Every input
// problem is found before the first chunk, so nothing invalid is ever half-printed.
import { toPlain, type D } from '../decimal.js';
import type { Check } from '../estimate/budget.js';
import type { Estimate } from '../estimate/run.js';
import type { LineItem } from '../pricing/price.js';
import { chunked } from './chunk.js';

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

export function lineItemToJson(i: LineItem): object {
  return {
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
  };
}

/** What JSON.stringify would escape in a string: quotes, backslashes, controls, lone surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON.stringify(s), without its cost for the usual string that has nothing to escape. */
const str = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

/** JSON text of a decimal: plain digits need no escaping. */
const decText = (value: D | null): string => (value === null ? 'null' : `"${toPlain(value)}"`);

/**
 * JSON.stringify(lineItemToJson(i)), written out directly: no object to build per item, and the
 * strings that repeat across items (capability, unit, price source, rule, file) are quoted once.
 * A large estate has hundreds of thousands of items; test/render.test.ts checks the two agree.
 */
export function lineItemText(i: LineItem, quoted: (s: string | null) => string): string {
  return (
    `{"id":${str(i.id)},"capabilityId":${quoted(i.capabilityId)},"capability":${quoted(i.capability)},` +
    `"subject":${str(i.subject)},"file":${quoted(i.file)},"path":${str(i.path)},` +
    `"quantity":${decText(i.quantity)},"unit":${quoted(i.unit)},"unitPrice":${decText(i.unitPrice)},"cost":${decText(i.cost)},` +
    `"formula":${str(i.formula)},"priceSource":${quoted(i.priceSource)},"provisional":${i.provisional},"rule":${quoted(i.rule)}}`
  );
}

/** JSON.stringify for strings that repeat, remembered. */
export function quoter(): (s: string | null) => string {
  const seen = new Map<string | null, string>();
  return (s) => {
    let q = seen.get(s);
    if (q === undefined) {
      q = JSON.stringify(s);
      seen.set(s, q);
    }
    return q;
  };
}

/** The document of every rule that made an item, once per rule, in the order the items come. */
function rulesOf(items: readonly LineItem[]): Record<string, { doc: string }> {
  const rules: Record<string, { doc: string }> = {};
  let last: string | undefined;
  for (const i of items) {
    if (i.rule === last) continue;
    last = i.rule;
    if (!Object.hasOwn(rules, i.rule)) rules[i.rule] = { doc: i.doc };
  }
  return rules;
}

/** Everything but the line items. */
function envelope(e: Estimate, version: string): Record<string, unknown> {
  return {
    schemaVersion: 1,
    tool: { name: 'dtcost', version },
    estate: e.estate,
    file: e.file,
    model: e.model,
    period: { label: e.period.label, days: toPlain(e.period.days), hours: toPlain(e.period.hours) },
    currency: e.currency,
    rateCard: { name: e.rateCard.name, files: e.rateCard.files },
    lineItems: LINE_ITEMS,
    rules: rulesOf(e.lineItems),
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

const LINE_ITEMS = '\u0000line items\u0000';

/** The text of one estimate document, in pieces: each line item on a line of its own. */
function* estimatePieces(e: Estimate, version: string, indent: string): Generator<string> {
  const text = JSON.stringify(envelope(e, version), null, 2).replace(/\n/g, `\n${indent}`);
  const marker = JSON.stringify(LINE_ITEMS);
  const at = text.indexOf(marker);
  yield indent + text.slice(0, at);
  if (e.lineItems.length === 0) yield '[]';
  else {
    const quoted = quoter();
    const lineStart = `\n${indent}    `;
    const separator = `,${lineStart}`;
    yield '[';
    for (let n = 0; n < e.lineItems.length; n++) {
      yield n === 0 ? lineStart : separator;
      yield lineItemText(e.lineItems[n]!, quoted);
    }
    yield `\n${indent}  ]`;
  }
  yield text.slice(at + marker.length);
}

function* documentPieces(estimates: readonly Estimate[], version: string): Generator<string> {
  if (estimates.length === 1) {
    yield* estimatePieces(estimates[0]!, version, '');
    yield '\n';
    return;
  }
  yield '[\n';
  for (let k = 0; k < estimates.length; k++) {
    yield* estimatePieces(estimates[k]!, version, '  ');
    yield k === estimates.length - 1 ? '\n]\n' : ',\n';
  }
}

/** One estimate: the object; several: an array of them, in the order of the files; in chunks. */
export function jsonChunks(estimates: readonly Estimate[], version: string): Generator<string> {
  return chunked(documentPieces(estimates, version));
}

export function renderJson(estimates: readonly Estimate[], version: string): string {
  return [...jsonChunks(estimates, version)].join('');
}
