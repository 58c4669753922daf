// `dtcost explain` output: what a solution engineer shows a customer who asks "why this number".
import { settle, toPlain, ZERO, type D } from '../core/decimal.js';
import type { Explanation } from '../estimate/explain.js';
import type { EstimateResult } from '../estimate/run.js';
import { money, quantity, unitPrice } from '../core/format.js';
import type { Style } from './style.js';
import { chunked } from './chunk.js';
import { LIST, prettyArray, splitAtList } from './json-text.js';
import { estimateEnvelope } from './envelope.js';
import { VERSION } from '../core/version.js';
import { safeForTerminal } from '../core/safe-text.js';
import { displayWidth } from './box.js';
import { COMMENT_LIMIT, counted, NOTE_ROOM, sizeOf } from './comment.js';
import { markdownCode, md } from './escape.js';
import { describePeriod } from './view.js';

/** The price and its source (a rate card's own words), as `escape` makes the source safe. */
function priceLine(x: Explanation, currency: string, escape: (text: string) => string): string {
  const i = x.item;
  if (i.unitPrice === null) return `none: no rate card prices ${i.capabilityId} or ${i.unit}`;
  return `${unitPrice(i.unitPrice)} ${currency} per ${i.unit}${i.provisional ? ' (provisional)' : ''}: ${escape(i.priceSource ?? '')}`;
}

/** `text` padded with spaces to `width` terminal columns. */
const padTo = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * Blocks of lines: each block's lines, blocks a blank line apart, after the heading's lines and a
 * blank line; one line break at the end. In pieces, for chunk.ts.
 */
function* blocks(heading: readonly string[], each: Iterable<readonly string[]>): Generator<string> {
  yield heading.join('\n');
  for (const lines of each) {
    yield '\n\n';
    yield lines.join('\n');
  }
  yield '\n';
}

function* textBlocks(e: EstimateResult, explanations: Iterable<Explanation>, style: Style): Generator<string[]> {
  for (const x of explanations) {
    const i = x.item;
    // Names, values, files and price sources come from the input: escaped for the terminal.
    const inputs = x.inputs.map((input) => safeForTerminal(`${input.key}: ${input.value}`));
    const width = Math.max(0, ...inputs.map(displayWidth));
    yield [
      style.bold(safeForTerminal(i.id)) + `  ${i.capability}`,
      `  quantity  ${quantity(i.quantity)} ${i.unit}`,
      `            = ${safeForTerminal(i.formula)}`,
      `  inputs    ${i.path} in ${safeForTerminal(i.file)}:${x.line}`,
      ...inputs.map((input, k) => `              ${padTo(input, width)}  ${style.dim(`line ${x.inputs[k]!.line}`)}`),
      `  rule      ${i.rule}`,
      `  source    ${i.doc}`,
      `  price     ${priceLine(x, e.currency, (t) => safeForTerminal(t))}`,
      `  cost      ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}${settle(i.cost).decimalPlaces() > 2 ? ` (exactly ${toPlain(i.cost)})` : ''}`}`,
    ];
  }
}

/** Each item with its formula, inputs (and their lines), rule, source and price; in chunks. */
export function explainText(e: EstimateResult, explanations: Iterable<Explanation>, style: Style): Generator<Buffer> {
  const heading = [style.bold(`dtcost explain: ${safeForTerminal(e.estate)}`), `${e.model === 'dps' ? 'DPS' : 'classic licensing'} · ${describePeriod(e)} · ${e.currency}`];
  return chunked(blocks(heading, textBlocks(e, explanations, style)));
}

/** Each explanation's section; `wanted` sees each explanation first, and says whether its section is. */
function* markdownBlocks(e: EstimateResult, explanations: Iterable<Explanation>, wanted: (x: Explanation) => boolean = () => true): Generator<string[]> {
  for (const x of explanations) {
    if (!wanted(x)) continue;
    const i = x.item;
    yield [
      `#### ${markdownCode(i.id)} (${i.capability})`,
      '',
      `- **Quantity**: ${quantity(i.quantity)} ${i.unit} = ${md(i.formula)}`,
      `- **Inputs**: \`${i.path}\` in ${md(i.file)}:${x.line}: ${x.inputs.map((input) => `${markdownCode(`${input.key}: ${input.value}`)} (line ${input.line})`).join(', ')}`,
      `- **Rule**: ${i.rule}; **source**: ${i.doc}`,
      `- **Price**: ${priceLine(x, e.currency, md)}`,
      `- **Cost**: ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}`}`,
    ];
  }
}

/**
 * Each item as a Markdown section; by capability (items, quantity, cost) when the sections would
 * pass GitHub's limit for a comment (`limit`). The sections are held until they pass it, and
 * only counted after that.
 */
export function explainMarkdown(e: EstimateResult, explanations: Iterable<Explanation>, limit = COMMENT_LIMIT): Generator<Buffer> {
  const heading = [`### dtcost explain: ${md(e.estate)}`];
  const room = limit - NOTE_ROOM - heading[0]!.length;
  const kept: string[][] = [];
  let size = 0;
  let count = 0;
  const groups = new Map<string, { capability: string; unit: string; items: number; quantity: D; cost: D | null }>();
  for (const block of markdownBlocks(e, explanations, (x) => {
    count++;
    const i = x.item;
    let g = groups.get(i.capabilityId);
    if (!g) groups.set(i.capabilityId, (g = { capability: i.capability, unit: i.unit, items: 0, quantity: ZERO, cost: ZERO }));
    g.items++;
    g.quantity = g.quantity.plus(i.quantity);
    g.cost = g.cost === null || i.cost === null ? null : g.cost.plus(i.cost);
    return size <= room;
  })) {
    size += sizeOf(block) + 1;
    if (size <= room) kept.push(block);
  }
  if (size <= room) return chunked(blocks(heading, kept));
  const summary = [
    '| Capability | Line items | Quantity | Unit | Cost |',
    '|---|--:|--:|---|--:|',
    ...[...groups.values()].map((g) => `| ${g.capability} | ${g.items.toLocaleString('en-US')} | ${quantity(g.quantity)} | ${g.unit} | ${g.cost === null ? '—' : money(g.cost)} |`),
    '',
    `> ℹ️ ${counted(count, 'line item')} summarised by capability: how each is derived would pass GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en-US')} characters for a comment. \`dtcost explain <estate> <item-id>\` explains one item (or those whose id starts with it); \`--format json\` or the table explains them all.`,
  ];
  return chunked(blocks(heading, [summary]));
}

function explanationToJson(x: Explanation): object {
  return {
    id: x.item.id,
    capabilityId: x.item.capabilityId,
    capability: x.item.capability,
    subject: x.item.subject,
    file: x.item.file,
    path: x.item.path,
    line: x.line,
    quantity: toPlain(x.item.quantity),
    unit: x.item.unit,
    formula: x.item.formula,
    inputs: x.inputs,
    rule: x.item.rule,
    doc: x.item.doc,
    unitPrice: x.item.unitPrice && toPlain(x.item.unitPrice),
    cost: x.item.cost && toPlain(x.item.cost),
    priceSource: x.item.priceSource,
    provisional: x.item.provisional,
  };
}

function* jsonPieces(e: EstimateResult, explanations: Iterable<Explanation>, version: string): Generator<string> {
  const { before, after } = splitAtList({ ...estimateEnvelope(e, version), explanations: LIST });
  yield before;
  yield* prettyArray(explanations, explanationToJson, '  ');
  yield `${after}\n`;
}

/**
 * The explanations in the envelope every command's JSON has (envelope.ts), as
 * JSON.stringify(…, null, 2) writes it; in chunks, each explanation as it is made.
 */
export function explainJson(e: EstimateResult, explanations: Iterable<Explanation>, version = VERSION): Generator<Buffer> {
  return chunked(jsonPieces(e, explanations, version));
}
