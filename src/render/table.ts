// The table for people: line items grouped by capability, each with its derivation, subtotals,
// the total, and the budget. Money is rounded to cents here, for display only.
import Table from 'cli-table3';
import type { Estimate } from '../estimate/run.js';
import { money, quantity, unitPrice } from './numbers.js';
import type { Style } from './style.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';

const NO_PRICE = '—';

function renderOne(e: Estimate, style: Style): string {
  const table = new Table({
    head: ['Capability / subject', 'Quantity', 'Unit', 'Unit price', 'Cost'],
    colAligns: ['left', 'right', 'left', 'right', 'right'],
    style: { head: [], border: [], compact: true },
    wordWrap: true,
  });
  const groups = groupByCapability(e.lineItems);
  let anyProvisional = false;
  for (const g of groups) {
    table.push([{ colSpan: 5, content: style.bold(`${g.capability} (${g.capabilityId})`) }]);
    for (const i of g.items) {
      anyProvisional ||= i.provisional;
      const price = i.unitPrice === null ? NO_PRICE : `${unitPrice(i.unitPrice)}${i.provisional ? '*' : ''}`;
      table.push([`  ${i.subject}`, quantity(i.quantity), i.unit, price, i.cost === null ? NO_PRICE : money(i.cost)]);
      table.push([{ colSpan: 5, content: style.dim(`    = ${i.formula}`) }]);
    }
    if (g.items.length > 1) {
      table.push([{ colSpan: 1, content: style.dim('  subtotal') }, style.dim(quantity(g.quantity)), style.dim(g.unit), '', style.dim(g.cost === null ? NO_PRICE : money(g.cost))]);
    }
  }
  const total = e.totals.cost === null ? `${NO_PRICE} (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
  table.push([{ colSpan: 4, content: style.bold('Total') }, style.bold(total)]);

  const out = [style.bold(`dtcost estimate: ${e.estate}`), subtitle(e), table.toString()];
  if (e.lineItems.length === 0) out.splice(2, 1, 'No line items: the estate has nothing this version can estimate.');
  const notes: string[] = [];
  if (anyProvisional) notes.push('* provisional list price (grade S, from a secondary source)');
  if (e.model === 'classic' || e.totals.unpricedLineItems > 0) {
    const units = [...e.totals.quantityByUnit].map(([unit, q]) => `${quantity(q)} ${unit}`).join(', ');
    if (units) notes.push(`Quantity by unit: ${units}`);
  }
  if (e.totals.cost === null && !e.totals.pricedCost.isZero()) notes.push(`Priced line items: ${money(e.totals.pricedCost)} ${e.currency}`);
  for (const line of budgetLines(e)) notes.push(/EXCEEDED|exceeded/.test(line) ? style.red(line) : line);
  return [...out, ...notes].join('\n');
}

export function renderTable(estimates: readonly Estimate[], style: Style): string {
  return `${estimates.map((e) => renderOne(e, style)).join('\n\n')}\n`;
}
