// JSON output, schemaVersion 1 (SPEC "JSON output"): quantities and money as exact decimal strings.
// Streamed: each line item is written on a line of its own as it is made (streamEstimate), and the
// document goes out in chunks, so a large estate never holds its items, its output or an object
// tree of it in memory. Every input problem is found before the first chunk, so nothing invalid is
// ever half-printed.
import { toPlain, type D } from '../core/decimal.js';
import type { Check } from '../estimate/budget.js';
import { asStream, type Estimate, type EstimateHead, type EstimateStream, type EstimateTail } from '../estimate/run.js';
import type { LineItem } from '../pricing/price.js';
import { chunked, textOf } from './chunk.js';
import { estimateEnvelope } from './envelope.js';
import { LIST, splitAtList } from './json-text.js';

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
    unpriced: c.unpriced,
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

/**
 * Everything but the line items, in the document's key order; without a tail, just the keys before
 * the line items (all a streamed estimate knows before its items).
 */
function envelope(e: EstimateHead, version: string, tail?: EstimateTail): Record<string, unknown> {
  return {
    ...estimateEnvelope(e, version),
    lineItems: LIST,
    ...(tail && {
      rules: tail.rules,
      totals: {
        cost: dec(tail.totals.cost),
        pricedCost: toPlain(tail.totals.pricedCost),
        unpricedLineItems: tail.totals.unpricedLineItems,
        costByCapability: decimals(tail.totals.costByCapability),
        quantityByUnit: decimals(tail.totals.quantityByUnit),
      },
      budget: tail.budget && {
        total: dec(tail.budget.total),
        cost: dec(tail.budget.cost),
        exceeded: tail.budget.exceeded,
        complete: tail.budget.complete,
        capabilities: decimals(Object.entries(tail.budget.capabilities)),
        units: decimals(Object.entries(tail.budget.units)),
        checks: tail.budget.checks.map(checkToJson),
        violations: tail.budget.violations.map(checkToJson),
      },
      warnings: tail.warnings.map((w) => ({ code: w.code, id: w.id, message: w.message })),
    }),
  };
}

/** The envelope's text, split where the line items go. */
function around(e: EstimateHead, version: string, indent: string, tail?: EstimateTail): { before: string; after: string } {
  const { before, after } = splitAtList(envelope(e, version, tail), indent);
  return { before: indent + before, after };
}

/**
 * The text of one estimate document, in pieces, each line item on a line of its own, written as
 * it is made; what follows the items (totals, budget, warnings) once they all have been.
 */
function* estimatePieces(e: EstimateStream, version: string, indent: string): Generator<string> {
  yield around(e, version, indent).before;
  const quoted = quoter();
  const lineStart = `\n${indent}    `;
  const separator = `,${lineStart}`;
  let n = 0;
  for (const item of e.lineItems) {
    yield n++ === 0 ? `[${lineStart}` : separator;
    yield lineItemText(item, quoted);
  }
  yield n === 0 ? '[]' : `\n${indent}  ]`;
  yield around(e, version, indent, e.tail()).after;
}

function* documentPieces(estimates: readonly EstimateStream[], version: string): Generator<string> {
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

/**
 * One estimate: the object; several: an array of them, in the order of the files; in chunks.
 * Streamed estimates are made as they are written; each is read once.
 */
export function jsonChunks(estimates: readonly EstimateStream[], version: string): Generator<Buffer> {
  return chunked(documentPieces(estimates, version));
}

export function renderJson(estimates: readonly Estimate[], version: string): string {
  return textOf(jsonChunks(estimates.map(asStream), version));
}
