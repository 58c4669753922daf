// The table for people: line items grouped by capability, each with its derivation, subtotals,
// the total, and the budget. Money is rounded to cents here, for display only.
import { asStream, type Estimate, type EstimateStream } from '../estimate/run.js';
import { costBars } from './bars.js';
import { displayWidth, tableLines, type Row } from './box.js';
import { chunked, textOf } from './chunk.js';
import { money, quantity, unitPrices } from '../core/format.js';
import { safeForTerminal } from '../core/safe-text.js';
import type { Style } from './style.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';

const NO_PRICE = '—';

const HEAD = ['Capability / subject', 'Quantity', 'Unit', 'Unit price', 'Cost'];
const MIN_WIDTH = 96;

/**
 * Column widths from the cells themselves, so that a long formula (a row spanning all columns)
 * wraps inside the table instead of widening every column. Cells are measured as they are made.
 */
class ColumnWidths {
  private readonly widest = HEAD.map((h) => h.length);

  measure(cells: readonly string[]): void {
    for (let i = 0; i < this.widest.length; i++) {
      const width = displayWidth(cells[i]!);
      if (width > this.widest[i]!) this.widest[i] = width;
    }
  }

  /** The widths, padding included, the first column widened to the table's least width. */
  widths(): number[] {
    const w = this.widest.map((n) => n + 2);
    const total = w.reduce((a, b) => a + b, 0) + w.length - 1;
    if (total < MIN_WIDTH) w[0]! += MIN_WIDTH - total;
    return w;
  }
}

/**
 * Words of `text` in lines of at most `width` characters, the first after `first`, the rest after
 * `rest`: each word is added with a space after it, and a line breaks before a word that would
 * pass the width, unless the line holds nothing but its prefix. Worked on positions in `text`
 * (a line is its prefix and one slice of the text): a large table wraps 150,000 formulas.
 */
export function wrap(text: string, width: number, first: string, rest: string): string {
  // What fits on the first line with the space after its last word is one line.
  if (first.length + text.length + 1 <= width) return `${first}${text}`.trimEnd();
  const bare = first.trim();
  const lines: string[] = [];
  let prefix = first;
  /** Where the line's words start in `text`, and where its last word ends (-1: no word yet). */
  let start = 0;
  let end = -1;
  for (let at = 0; ; ) {
    let next = text.indexOf(' ', at);
    if (next < 0) next = text.length;
    const length = end < 0 ? prefix.length : prefix.length + end - start + 1;
    if (length + (next - at) + 1 > width) {
      const line = end < 0 ? prefix : prefix + text.slice(start, end);
      if (line.trim() !== bare) {
        lines.push(line.trimEnd());
        prefix = rest;
        end = -1;
      }
    }
    if (end < 0) start = at;
    end = next;
    if (next === text.length) break;
    at = next + 1;
  }
  lines.push((prefix + text.slice(start, end)).trimEnd());
  return lines.join('\n');
}

/** What the table keeps of a line item: its cells, and its formula (wrapped once the widths are known). */
interface ItemRow {
  cells: string[];
  formula: string;
}

function* linesOfOne(stream: EstimateStream, style: Style): Generator<string> {
  let anyProvisional = false;
  const priceText = unitPrices();
  // Read as the items are made, each kept only as the text of its row.
  const columns = new ColumnWidths();
  const groups = groupByCapability(stream.lineItems, (i): ItemRow => {
    anyProvisional ||= i.provisional;
    const cells = [`  ${safeForTerminal(i.subject)}`, quantity(i.quantity), i.unit, i.unitPrice === null ? NO_PRICE : i.provisional ? `${priceText(i.unitPrice)}*` : priceText(i.unitPrice), i.cost === null ? NO_PRICE : money(i.cost)];
    columns.measure(cells);
    return { cells, formula: safeForTerminal(i.formula) };
  });
  const e = stream.tail();
  const subtotal = (g: (typeof groups)[number]) => {
    const cost = e.totals.costByCapability.get(g.capabilityId) ?? null;
    return ['  subtotal', quantity(e.totals.quantityByCapability.get(g.capabilityId)!), g.unit, '', cost === null ? NO_PRICE : money(cost)];
  };
  const total = e.totals.cost === null ? `${NO_PRICE} (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
  for (const g of groups) columns.measure(subtotal(g));
  columns.measure(['', '', '', '', total]);
  const colWidths = columns.widths();
  const innerWidth = colWidths.reduce((a, b) => a + b, 0) + colWidths.length - 1 - 2;
  // Rows made as they are drawn: two per item (its cells, its formula), never all at once.
  function* rows(): Generator<Row> {
    for (const g of groups) {
      yield [{ text: `${g.capability} (${g.capabilityId})`, span: 5, style: style.bold }];
      for (const r of g.rows) {
        yield r.cells;
        yield [{ text: wrap(r.formula, innerWidth, '    = ', '      '), span: 5, style: style.dim }];
      }
      if (g.rows.length > 1) yield subtotal(g).map((text) => ({ text, style: style.dim }));
    }
    yield [{ text: 'Total', span: 4, style: style.bold }, { text: total, style: style.bold }];
  }

  yield style.bold(`dtcost estimate: ${safeForTerminal(e.estate)}`);
  yield safeForTerminal(subtitle(e));
  if (groups.length === 0) yield 'No line items: the estate has nothing this version can estimate.';
  else yield* tableLines({ head: HEAD, widths: colWidths, aligns: ['left', 'right', 'left', 'right', 'right'], rows: rows() });
  if (anyProvisional) yield '* provisional list price (grade S, from a secondary source)';
  if (e.model === 'classic' || e.totals.unpricedLineItems > 0) {
    const units = [...e.totals.quantityByUnit].map(([unit, q]) => `${quantity(q)} ${unit}`).join(', ');
    if (units) yield `Quantity by unit: ${units}`;
  }
  if (e.totals.cost === null && !e.totals.pricedCost.isZero()) yield `Priced line items: ${money(e.totals.pricedCost)} ${e.currency}`;
  const bars = costBars(e.totals.costByCapability, e.totals.pricedCost);
  if (bars.length > 1) yield* ['', 'Cost by capability', ...bars, ''];
  for (const line of budgetLines(e)) yield line.includes('EXCEEDED') ? style.red(line) : line;
}

function* tableText(estimates: readonly EstimateStream[], style: Style): Generator<string> {
  for (let k = 0; k < estimates.length; k++) {
    if (k > 0) yield '\n';
    for (const line of linesOfOne(estimates[k]!, style)) yield `${line}\n`;
  }
}

/**
 * The tables of the estimates, an empty line between them, in chunks (chunk.ts). A table's column
 * widths depend on every row, so each estimate is read whole (kept as text) before its table.
 */
export function tableChunks(estimates: readonly EstimateStream[], style: Style): Generator<Buffer> {
  return chunked(tableText(estimates, style));
}

export function renderTable(estimates: readonly Estimate[], style: Style): string {
  return textOf(tableChunks(estimates.map(asStream), style));
}
