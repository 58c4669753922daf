// Markdown, fit for a pull-request comment: a summary table by line item, the derivations folded
// away, the budget, and the warnings.
import { asStream, type Estimate, type EstimateStream } from '../estimate/run.js';
import { money, quantity, unitPrices } from '../core/format.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';
import { chunked, textOf } from './chunk.js';
import { markdownCode, md } from './escape.js';


function* linesOfOne(stream: EstimateStream): Generator<string> {
  yield* [`### dtcost estimate: ${md(stream.estate)}`, '', md(subtitle(stream)), ''];
  // Read as the items are made, each kept only as text: its row of the table (grouped by
  // capability) and its derivation (in the order the items come).
  let anyProvisional = false;
  const derivations: string[] = [];
  const priceText = unitPrices();
  const groups = groupByCapability(stream.lineItems, (i) => {
    anyProvisional ||= i.provisional;
    const amount = quantity(i.quantity);
    // Ids and subjects come from the estate's names (escaped); paths and capabilities are dtcost's own.
    derivations.push(`- ${markdownCode(i.id)} (${i.path}): ${md(i.formula)} = ${amount} ${i.unit}`);
    const price = i.unitPrice === null ? '—' : `${priceText(i.unitPrice)}${i.provisional ? ' *' : ''}`;
    return `| ${i.capability} | ${md(i.subject)} | ${amount} | ${i.unit} | ${price} | ${i.cost === null ? '—' : money(i.cost)} |`;
  });
  const e = stream.tail();
  if (groups.length === 0) yield* ['No line items: the estate has nothing this version can estimate.', ''];
  else {
    yield* ['| Capability | Subject | Quantity | Unit | Unit price | Cost |', '|---|---|--:|---|--:|--:|'];
    for (const g of groups) yield* g.rows;
    const total = e.totals.cost === null ? `— (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
    yield* [`| **Total** | | | | | **${total}** |`, ''];
    if (anyProvisional) yield* ['\\* provisional list price (grade S, from a secondary source)', ''];
    yield* ['<details><summary>How each number is derived</summary>', ''];
    yield* derivations;
    yield* ['', '</details>', ''];
  }
  const budget = budgetLines(e);
  if (budget.length > 0) yield* [...budget.map((b) => `- ${b.includes('EXCEEDED') ? `**${b}**` : b}`), ''];
  if (e.warnings.length > 0) yield* [...e.warnings.map((w) => `> ${w.code === 'note' ? 'ℹ️' : '⚠️'} ${md(w.message)}`), ''];
}

/** All the estimates' lines joined by line breaks, the blank lines at the very end left out. */
function* markdownText(estimates: readonly EstimateStream[]): Generator<string> {
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

/**
 * The Markdown of the estimates, in chunks (chunk.ts), ending in one line break. Its table groups
 * the items by capability, so each estimate is read whole (kept as text) before its lines.
 */
export function markdownChunks(estimates: readonly EstimateStream[]): Generator<Buffer> {
  return chunked(markdownText(estimates));
}

export function renderMarkdown(estimates: readonly Estimate[]): string {
  return textOf(markdownChunks(estimates.map(asStream)));
}
