// The table for people: line items grouped by capability, each with its derivation, subtotals,
// the total, and the budget. Money is rounded to cents here, for display only.
import type { Estimate } from '../estimate/run.js';
import type { LineItem } from '../pricing/price.js';
import { costBars } from './bars.js';
import { displayWidth, tableLines, type Row } from './box.js';
import { chunked } from './chunk.js';
import { money, quantity, unitPrice } from './numbers.js';
import type { Style } from './style.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';

const NO_PRICE = '—';

const HEAD = ['Capability / subject', 'Quantity', 'Unit', 'Unit price', 'Cost'];
const MIN_WIDTH = 96;

/**
 * Column widths from the cells themselves, so that a long formula (a row spanning all columns)
 * wraps inside the table instead of widening every column.
 */
function widths(rows: string[][]): number[] {
  // A loop, not Math.max(...cells): an estate can have more rows than a call takes arguments.
  const w = HEAD.map((h) => h.length);
  for (const r of rows) {
    for (let i = 0; i < w.length; i++) {
      const width = displayWidth(r[i]!);
      if (width > w[i]!) w[i] = width;
    }
  }
  for (let i = 0; i < w.length; i++) w[i]! += 2;
  const total = w.reduce((a, b) => a + b, 0) + w.length - 1;
  if (total < MIN_WIDTH) w[0]! += MIN_WIDTH - total;
  return w;
}

/** Words of `text` in lines of at most `width` characters, the first after `first`, the rest after `rest`. */
function wrap(text: string, width: number, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim() !== first.trim()) {
      lines.push(line.trimEnd());
      line = rest;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function* linesOfOne(e: Estimate, style: Style): Generator<string> {
  const groups = groupByCapability(e.lineItems);
  const cells = (i: LineItem) => [
    `  ${i.subject}`,
    quantity(i.quantity),
    i.unit,
    i.unitPrice === null ? NO_PRICE : `${unitPrice(i.unitPrice)}${i.provisional ? '*' : ''}`,
    i.cost === null ? NO_PRICE : money(i.cost),
  ];
  const subtotal = (g: (typeof groups)[number]) => ['  subtotal', quantity(g.quantity), g.unit, '', g.cost === null ? NO_PRICE : money(g.cost)];
  const total = e.totals.cost === null ? `${NO_PRICE} (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
  // Each item's cells once: for the column widths, then for its row.
  const itemCells = groups.map((g) => g.items.map(cells));
  const colWidths = widths([...itemCells.flat(), ...groups.map(subtotal), ['', '', '', '', total]]);
  const innerWidth = colWidths.reduce((a, b) => a + b, 0) + colWidths.length - 1 - 2;
  const rows: Row[] = [];
  let anyProvisional = false;
  groups.forEach((g, k) => {
    rows.push([{ text: `${g.capability} (${g.capabilityId})`, span: 5, style: style.bold }]);
    g.items.forEach((i, n) => {
      anyProvisional ||= i.provisional;
      rows.push(itemCells[k]![n]!);
      rows.push([{ text: wrap(i.formula, innerWidth, '    = ', '      '), span: 5, style: style.dim }]);
    });
    if (g.items.length > 1) {
      rows.push(subtotal(g).map((text) => ({ text, style: style.dim })));
    }
  });
  rows.push([{ text: 'Total', span: 4, style: style.bold }, { text: total, style: style.bold }]);

  yield style.bold(`dtcost estimate: ${e.estate}`);
  yield subtitle(e);
  if (e.lineItems.length === 0) yield 'No line items: the estate has nothing this version can estimate.';
  else yield* tableLines({ head: HEAD, widths: colWidths, aligns: ['left', 'right', 'left', 'right', 'right'], rows });
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

function* tableText(estimates: readonly Estimate[], style: Style): Generator<string> {
  for (let k = 0; k < estimates.length; k++) {
    if (k > 0) yield '\n';
    for (const line of linesOfOne(estimates[k]!, style)) yield `${line}\n`;
  }
}

/** The tables of the estimates, an empty line between them, in chunks (chunk.ts). */
export function tableChunks(estimates: readonly Estimate[], style: Style): Generator<string> {
  return chunked(tableText(estimates, style));
}

export function renderTable(estimates: readonly Estimate[], style: Style): string {
  return [...tableChunks(estimates, style)].join('');
}
