// Markdown, fit for a pull-request comment: a summary table by line item, the derivations folded
// away, the budget, and the warnings.
import type { Estimate } from '../estimate/run.js';
import { money, quantity, unitPrice } from './numbers.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';
import { chunked } from './chunk.js';

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function* linesOfOne(e: Estimate): Generator<string> {
  yield* [`### dtcost estimate: ${cell(e.estate)}`, '', subtitle(e), ''];
  if (e.lineItems.length === 0) yield* ['No line items: the estate has nothing this version can estimate.', ''];
  else {
    yield* ['| Capability | Subject | Quantity | Unit | Unit price | Cost |', '|---|---|--:|---|--:|--:|'];
    for (const g of groupByCapability(e.lineItems)) {
      for (const i of g.items) {
        const price = i.unitPrice === null ? '—' : `${unitPrice(i.unitPrice)}${i.provisional ? ' *' : ''}`;
        yield `| ${cell(g.capability)} | ${cell(i.subject)} | ${quantity(i.quantity)} | ${i.unit} | ${price} | ${i.cost === null ? '—' : money(i.cost)} |`;
      }
    }
    const total = e.totals.cost === null ? `— (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
    yield* [`| **Total** | | | | | **${total}** |`, ''];
    if (e.lineItems.some((i) => i.provisional)) yield* ['\\* provisional list price (grade S, from a secondary source)', ''];
    yield* ['<details><summary>How each number is derived</summary>', ''];
    for (const i of e.lineItems) yield `- \`${i.id}\` (${i.path}): ${cell(i.formula)} = ${quantity(i.quantity)} ${i.unit}`;
    yield* ['', '</details>', ''];
  }
  const budget = budgetLines(e);
  if (budget.length > 0) yield* [...budget.map((b) => `- ${b.includes('EXCEEDED') ? `**${b}**` : b}`), ''];
  if (e.warnings.length > 0) yield* [...e.warnings.map((w) => `> ${w.code === 'note' ? 'ℹ️' : '⚠️'} ${cell(w.message)}`), ''];
}

/** All the estimates' lines joined by line breaks, the blank lines at the very end left out. */
function* markdownText(estimates: readonly Estimate[]): Generator<string> {
  let blank = 0; // blank lines held back: those at the very end are dropped
  let first = true;
  for (const e of estimates) {
    for (const line of linesOfOne(e)) {
      if (line === '') {
        blank++;
        continue;
      }
      yield `${first ? '' : '\n'}${'\n'.repeat(blank)}${line}`;
      first = false;
      blank = 0;
    }
  }
  yield '\n';
}

/** The Markdown of the estimates, in chunks (chunk.ts), ending in one line break. */
export function markdownChunks(estimates: readonly Estimate[]): Generator<string> {
  return chunked(markdownText(estimates));
}

export function renderMarkdown(estimates: readonly Estimate[]): string {
  return [...markdownChunks(estimates)].join('');
}
