// Markdown, fit for a pull-request comment: a summary table by line item, the derivations folded
// away, the budget, and the warnings; by capability when that would pass GitHub's limit for a
// comment (comment.ts).
import { asStream, type Estimate, type EstimateStream } from '../estimate/run.js';
import { money, quantity, unitPrices } from '../core/format.js';
import { budgetLines, groupByCapability, subtitle } from './view.js';
import { chunked, textOf } from './chunk.js';
import { COMMENT_LIMIT, counted, linesWithin, sizeOf } from './comment.js';
import { markdownCode, md } from './escape.js';


/**
 * One estimate's lines, in at most `room` characters (its share of a pull-request comment): the
 * table of every line item with their derivations folded away, or, when that would not fit, a
 * table by capability that says how many line items it leaves out.
 */
function linesOfOne(stream: EstimateStream, room: number): string[] {
  const head = [`### dtcost estimate: ${md(stream.estate)}`, '', md(subtitle(stream)), ''];
  // Read as the items are made, each kept only as text: its row of the table (grouped by
  // capability) and its derivation (in the order the items come); once their text passes the
  // room, nothing more is kept (the summary needs only the groups' sizes).
  let anyProvisional = false;
  const derivations: string[] = [];
  const priceText = unitPrices();
  let size = sizeOf(head);
  let over = false;
  const groups = groupByCapability(stream.lineItems, (i) => {
    anyProvisional ||= i.provisional;
    if (over) return '';
    const amount = quantity(i.quantity);
    // Ids and subjects come from the estate's names (escaped); paths and capabilities are dtcost's own.
    const derivation = `- ${markdownCode(i.id)} (${i.path}): ${md(i.formula)} = ${amount} ${i.unit}`;
    const price = i.unitPrice === null ? '—' : `${priceText(i.unitPrice)}${i.provisional ? ' *' : ''}`;
    const row = `| ${i.capability} | ${md(i.subject)} | ${amount} | ${i.unit} | ${price} | ${i.cost === null ? '—' : money(i.cost)} |`;
    size += derivation.length + row.length + 2;
    if (size > room) {
      over = true;
      derivations.length = 0;
      return '';
    }
    derivations.push(derivation);
    return row;
  });
  const e = stream.tail();
  const total = e.totals.cost === null ? `— (${e.totals.unpricedLineItems} unpriced)` : `${money(e.totals.cost)} ${e.currency}`;
  const provisional = anyProvisional ? ['\\* provisional list price (grade S, from a secondary source)', ''] : [];
  const budget = budgetLines(e).map((b) => `- ${b.includes('EXCEEDED') ? `**${b}**` : b}`);
  const warnings = e.warnings.map((w) => `> ${w.code === 'note' ? 'ℹ️' : '⚠️'} ${md(w.message)}`);
  const after = [...(budget.length > 0 ? [...budget, ''] : []), ...(warnings.length > 0 ? [...warnings, ''] : [])];
  if (groups.length === 0) return [...head, 'No line items: the estate has nothing this version can estimate.', '', ...after];
  if (!over) {
    const table = ['| Capability | Subject | Quantity | Unit | Unit price | Cost |', '|---|---|--:|---|--:|--:|', ...groups.flatMap((g) => g.rows), `| **Total** | | | | | **${total}** |`, ''];
    const detailed = [...head, ...table, ...provisional, '<details><summary>How each number is derived</summary>', '', ...derivations, '', '</details>', '', ...after];
    if (sizeOf(detailed) <= room) return detailed;
  }
  // Too long for a comment: one row per capability, and what was left out.
  const items = groups.reduce((n, g) => n + g.rows.length, 0);
  const summary = [
    '| Capability | Line items | Quantity | Unit | Cost |',
    '|---|--:|--:|---|--:|',
    ...groups.map((g) => {
      const cost = e.totals.costByCapability.get(g.capabilityId) ?? null;
      return `| ${g.capability} | ${g.rows.length.toLocaleString('en-US')} | ${quantity(e.totals.quantityByCapability.get(g.capabilityId)!)} | ${g.unit} | ${cost === null ? '—' : money(cost)} |`;
    }),
    `| **Total** | **${items.toLocaleString('en-US')}** | | | **${total}** |`,
    '',
    `> ℹ️ ${counted(items, 'line item')} summarised by capability: the table of every line item would pass GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en-US')} characters for a comment. \`dtcost estimate --format csv\` (or \`json\`) lists them all, and \`dtcost explain\` how each is derived.`,
    '',
  ];
  const fixed = [...head, ...summary, ...(budget.length > 0 ? [...budget, ''] : [])];
  if (warnings.length === 0) return fixed;
  return [...fixed, ...linesWithin(warnings, room - sizeOf(fixed) - 1, (n) => `> … and ${counted(n, 'more warning or note', 'more warnings and notes')} (all of them on standard error, and in \`--format json\`)`), ''];
}

/**
 * All the estimates' lines joined by line breaks, the blank lines at the very end left out; each
 * estimate in its share of a pull-request comment (`limit`, COMMENT_LIMIT by default).
 */
function* markdownText(estimates: readonly EstimateStream[], limit: number): Generator<string> {
  let blank = 0; // blank lines held back: those at the very end are dropped
  let first = true;
  const room = Math.floor(limit / Math.max(1, estimates.length)) - 1;
  for (const e of estimates) {
    for (const line of linesOfOne(e, room)) {
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
export function markdownChunks(estimates: readonly EstimateStream[], limit = COMMENT_LIMIT): Generator<Buffer> {
  return chunked(markdownText(estimates, limit));
}

export function renderMarkdown(estimates: readonly Estimate[], limit = COMMENT_LIMIT): string {
  return textOf(markdownChunks(estimates.map(asStream), limit));
}
