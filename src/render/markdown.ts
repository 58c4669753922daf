// Markdown, fit for a pull-request comment: a summary table by line item, the derivations folded
// away, the budget, and the warnings.
import type { Estimate } from '../estimate/run.js';
import { money, quantity, unitPrice } from './numbers.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function renderOne(e: Estimate): string {
  const lines = [`### dtcost estimate: ${cell(e.estate)}`, '', subtitle(e), ''];
  if (e.lineItems.length === 0) lines.push('No line items: the estate has nothing this version can estimate.', '');
  else {
    lines.push('| Capability | Subject | Quantity | Unit | Unit price | Cost |', '|---|---|--:|---|--:|--:|');
    for (const g of groupByCapability(e.lineItems)) {
      for (const i of g.items) {
        const price = i.unitPrice === null ? '—' : `${unitPrice(i.unitPrice)}${i.provisional ? ' *' : ''}`;
        lines.push(`| ${cell(g.capability)} | ${cell(i.subject)} | ${quantity(i.quantity)} | ${i.unit} | ${price} | ${i.cost === null ? '—' : money(i.cost)} |`);
      }
    }
    const total = e.totals.cost === null ? `— (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
    lines.push(`| **Total** | | | | | **${total}** |`, '');
    if (e.lineItems.some((i) => i.provisional)) lines.push('\\* provisional list price (grade S, from a secondary source)', '');
    lines.push('<details><summary>How each number is derived</summary>', '');
    for (const i of e.lineItems) lines.push(`- \`${i.id}\` (${i.path}): ${cell(i.formula)} = ${quantity(i.quantity)} ${i.unit}`);
    lines.push('', '</details>', '');
  }
  const budget = budgetLines(e);
  if (budget.length > 0) lines.push(...budget.map((b) => `- ${b.includes('EXCEEDED') ? `**${b}**` : b}`), '');
  if (e.warnings.length > 0) lines.push(...e.warnings.map((w) => `> ${w.code === 'note' ? 'ℹ️' : '⚠️'} ${cell(w.message)}`), '');
  return lines.join('\n');
}

export function renderMarkdown(estimates: readonly Estimate[]): string {
  return `${estimates.map(renderOne).join('\n').trimEnd()}\n`;
}
