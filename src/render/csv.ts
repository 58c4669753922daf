// CSV: one row per line item, RFC 4180 (CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break), exact decimal strings. A text cell that a spreadsheet would take for a
// formula (=, +, -, @, tab, carriage return first) is prefixed with ' (escape.ts: csvText).
import { toPlain } from '../core/decimal.js';
import { asStream, type Estimate, type EstimateStream } from '../estimate/run.js';
import { chunked, textOf } from './chunk.js';
import { csvText } from './escape.js';

/** The columns of exact numbers; every other column is text, neutralised for spreadsheets (csvText). */
const NUMERIC = new Set(['quantity', 'unitPrice', 'cost']);

const COLUMNS = ['estate', 'file', 'model', 'period', 'currency', 'id', 'capabilityId', 'capability', 'subject', 'path', 'quantity', 'unit', 'unitPrice', 'cost', 'provisional', 'formula', 'priceSource'] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function* rows(estimates: readonly EstimateStream[]): Generator<string> {
  yield `${COLUMNS.join(',')}\r\n`;
  for (const e of estimates) {
    for (const i of e.lineItems) {
      const row: Record<(typeof COLUMNS)[number], string> = {
        estate: e.estate,
        file: i.file,
        model: e.model,
        period: e.period.label,
        currency: e.currency,
        id: i.id,
        capabilityId: i.capabilityId,
        capability: i.capability,
        subject: i.subject,
        path: i.path,
        quantity: toPlain(i.quantity),
        unit: i.unit,
        unitPrice: i.unitPrice === null ? '' : toPlain(i.unitPrice),
        cost: i.cost === null ? '' : toPlain(i.cost),
        provisional: String(i.provisional),
        formula: i.formula,
        priceSource: i.priceSource ?? '',
      };
      yield `${COLUMNS.map((c) => csvField(NUMERIC.has(c) ? row[c] : csvText(row[c]))).join(',')}\r\n`;
    }
  }
}

/**
 * CSV in chunks (chunk.ts): a large estate's output is never held whole. Streamed estimates are
 * made as they are written; each is read once.
 */
export function csvChunks(estimates: readonly EstimateStream[]): Generator<Buffer> {
  return chunked(rows(estimates));
}

export function renderCsv(estimates: readonly Estimate[]): string {
  return textOf(csvChunks(estimates.map(asStream)));
}
