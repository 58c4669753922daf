// The table for people: line items grouped by capability, each with its derivation, subtotals,
// the total, and the budget. Money is rounded to cents here, for display only.
import { asStream, type Estimate, type EstimateStream } from '../estimate/run.js';
import { costBars } from './bars.js';
import { displayWidth, fit, tableLines, type Row } from './box.js';
import { chunked, textOf } from './chunk.js';
import { money, quantity, unitPrices } from '../core/format.js';
import { safeForTerminal } from '../core/safe-text.js';
import type { Style } from './style.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';

const NO_PRICE = '—';

const HEAD = ['Capability / subject', 'Quantity', 'Unit', 'Unit price', 'Cost'];
const MIN_WIDTH = 96;

/** How wide the output may be. */
export interface TableLayout {
  /**
   * Columns of the terminal (the CLI: its width, else COLUMNS, else DEFAULT_COLUMNS): the table
   * and the lines around it fit in this many, or in MIN_COLUMNS when it is less.
   */
  columns: number;
  /** The table as wide as its cells, nothing fitted (--wide). */
  wide?: boolean;
}

/** The least width the table fits in: a terminal narrower than this gets lines this long. */
export const MIN_COLUMNS = 80;
/** The width when the output goes to no terminal and COLUMNS says none. */
export const DEFAULT_COLUMNS = 120;
/** The least a narrowed subject column and unit column keep, padding included. */
const MIN_SUBJECT = 16;
const MIN_UNIT = 10;

/** The column widths, and whether the total spans the four columns after its label. */
interface Widths {
  widths: number[];
  totalSpans: boolean;
}

/** Width of a line of the table: the columns, their padding and the borders between and around them. */
const lineWidth = (widths: readonly number[]) => widths.reduce((a, b) => a + b, 0) + widths.length + 1;

/**
 * Column widths from the cells themselves, so that a long formula (a row spanning all columns)
 * wraps inside the table instead of widening every column. Cells are measured as they are made.
 */
class ColumnWidths {
  private readonly widest = HEAD.map((h) => h.length);
  private total = 0;

  measure(cells: readonly string[]): void {
    for (let i = 0; i < this.widest.length; i++) {
      const width = displayWidth(cells[i]!);
      if (width > this.widest[i]!) this.widest[i] = width;
    }
  }

  /** The total's text, in the cost column unless the table must be narrowed. */
  measureTotal(text: string): void {
    this.total = displayWidth(text);
  }

  /**
   * The widths, padding included, the first column widened to the table's least width; for a
   * table wider than `columns`, narrowed: the subject column first (its names wrap), then the
   * total moved out of the cost column (it spans the four columns after "Total"), then the unit
   * column (units wrap at their hyphens).
   */
  widths(columns?: number): Widths {
    const w = this.widest.map((n) => n + 2);
    w[4] = Math.max(w[4]!, this.total + 2);
    const total = w.reduce((a, b) => a + b, 0) + w.length - 1;
    if (total < MIN_WIDTH) w[0]! += MIN_WIDTH - total;
    if (columns === undefined || lineWidth(w) <= columns) return { widths: w, totalSpans: false };
    const natural = w[0]!;
    const fitFirst = () => {
      w[0] = 0;
      w[0] = Math.min(natural, Math.max(MIN_SUBJECT, columns - lineWidth(w)));
    };
    fitFirst();
    if (lineWidth(w) <= columns) return { widths: w, totalSpans: false };
    w[4] = this.widest[4]! + 2;
    fitFirst();
    if (lineWidth(w) > columns) w[2] = Math.max(Math.min(w[2]!, MIN_UNIT), w[2]! - (lineWidth(w) - columns));
    return { widths: w, totalSpans: true };
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

/** Lines of prose around the table, each within `columns` (continuation lines indented by two). */
function* prose(text: string, columns: number | undefined, paint: (line: string) => string = (line) => line): Generator<string> {
  if (columns === undefined || displayWidth(text) <= columns) {
    yield paint(text);
    return;
  }
  const lines = fit(text, columns);
  yield paint(lines[0]!);
  for (const line of fit(lines.slice(1).join(' '), columns - 2)) yield paint(`  ${line}`);
}

function* linesOfOne(stream: EstimateStream, style: Style, layout: TableLayout | undefined): Generator<string> {
  // Undefined: as wide as the cells make it.
  const columns = layout === undefined || layout.wide ? undefined : Math.max(MIN_COLUMNS, layout.columns);
  let anyProvisional = false;
  const priceText = unitPrices();
  // Read as the items are made, each kept only as the text of its row.
  const measured = new ColumnWidths();
  const groups = groupByCapability(stream.lineItems, (i): ItemRow => {
    anyProvisional ||= i.provisional;
    const cells = [`  ${safeForTerminal(i.subject)}`, quantity(i.quantity), i.unit, i.unitPrice === null ? NO_PRICE : i.provisional ? `${priceText(i.unitPrice)}*` : priceText(i.unitPrice), i.cost === null ? NO_PRICE : money(i.cost)];
    measured.measure(cells);
    return { cells, formula: safeForTerminal(i.formula) };
  });
  const e = stream.tail();
  const subtotal = (g: (typeof groups)[number]) => {
    const cost = e.totals.costByCapability.get(g.capabilityId) ?? null;
    return ['  subtotal', quantity(e.totals.quantityByCapability.get(g.capabilityId)!), g.unit, '', cost === null ? NO_PRICE : money(cost)];
  };
  const total = e.totals.cost === null ? `${NO_PRICE} (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
  for (const g of groups) measured.measure(subtotal(g));
  measured.measureTotal(total);
  const { widths: colWidths, totalSpans } = measured.widths(columns);
  const innerWidth = lineWidth(colWidths) - 4;
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
    yield totalSpans
      ? [{ text: 'Total', style: style.bold }, { text: total, span: 4, style: style.bold }]
      : [{ text: 'Total', span: 4, style: style.bold }, { text: total, style: style.bold }];
  }

  yield* prose(`dtcost estimate: ${safeForTerminal(e.estate)}`, columns, style.bold);
  yield* prose(safeForTerminal(subtitle(e)), columns);
  if (groups.length === 0) yield 'No line items: the estate has nothing this version can estimate.';
  else yield* tableLines({ head: HEAD, widths: colWidths, aligns: ['left', 'right', 'left', 'right', 'right'], rows: rows() });
  if (anyProvisional) yield '* provisional list price (grade S, from a secondary source)';
  if (e.model === 'classic' || e.totals.unpricedLineItems > 0) {
    const units = [...e.totals.quantityByUnit].map(([unit, q]) => `${quantity(q)} ${unit}`).join(', ');
    if (units) yield* prose(`Quantity by unit: ${units}`, columns);
  }
  if (e.totals.cost === null && !e.totals.pricedCost.isZero()) yield `Priced line items: ${money(e.totals.pricedCost)} ${e.currency}`;
  const bars = costBars(e.totals.costByCapability, e.totals.pricedCost, columns);
  if (bars.length > 1) yield* ['', 'Cost by capability', ...bars, ''];
  for (const line of budgetLines(e)) yield* prose(line, columns, line.includes('EXCEEDED') ? style.red : undefined);
}

function* tableText(estimates: readonly EstimateStream[], style: Style, layout: TableLayout | undefined): Generator<string> {
  for (let k = 0; k < estimates.length; k++) {
    if (k > 0) yield '\n';
    for (const line of linesOfOne(estimates[k]!, style, layout)) yield `${line}\n`;
  }
}

/**
 * The tables of the estimates, an empty line between them, in chunks (chunk.ts), fitted to
 * `layout` (without one: as wide as the cells make them). A table's column widths depend on every
 * row, so each estimate is read whole (kept as text) before its table.
 */
export function tableChunks(estimates: readonly EstimateStream[], style: Style, layout?: TableLayout): Generator<Buffer> {
  return chunked(tableText(estimates, style, layout));
}

export function renderTable(estimates: readonly Estimate[], style: Style, layout?: TableLayout): string {
  return textOf(tableChunks(estimates.map(asStream), style, layout));
}
