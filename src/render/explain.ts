// `dtcost explain` output: what a solution engineer shows a customer who asks "why this number".
import { settle, toPlain } from '../core/decimal.js';
import type { Explanation } from '../estimate/explain.js';
import type { EstimateResult } from '../estimate/run.js';
import { money, quantity, unitPrice } from '../core/format.js';
import type { Style } from './style.js';
import { chunked } from './chunk.js';
import { prettyArray } from './json-text.js';
import { describePeriod } from './view.js';

function priceLine(x: Explanation, currency: string): string {
  const i = x.item;
  if (i.unitPrice === null) return `none: no rate card prices ${i.capabilityId} or ${i.unit}`;
  return `${unitPrice(i.unitPrice)} ${currency} per ${i.unit}${i.provisional ? ' (provisional)' : ''}: ${i.priceSource}`;
}

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
    const width = Math.max(0, ...x.inputs.map((input) => `${input.key}: ${input.value}`.length));
    yield [
      style.bold(`${i.id}`) + `  ${i.capability}`,
      `  quantity  ${quantity(i.quantity)} ${i.unit}`,
      `            = ${i.formula}`,
      `  inputs    ${i.path} in ${i.file}:${x.line}`,
      ...x.inputs.map((input) => `              ${`${input.key}: ${input.value}`.padEnd(width)}  ${style.dim(`line ${input.line}`)}`),
      `  rule      ${i.rule}`,
      `  source    ${i.doc}`,
      `  price     ${priceLine(x, e.currency)}`,
      `  cost      ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}${settle(i.cost).decimalPlaces() > 2 ? ` (exactly ${toPlain(i.cost)})` : ''}`}`,
    ];
  }
}

/** Each item with its formula, inputs (and their lines), rule, source and price; in chunks. */
export function explainText(e: EstimateResult, explanations: Iterable<Explanation>, style: Style): Generator<Buffer> {
  const heading = [style.bold(`dtcost explain: ${e.estate}`), `${e.model === 'dps' ? 'DPS' : 'classic licensing'} · ${describePeriod(e)} · ${e.currency}`];
  return chunked(blocks(heading, textBlocks(e, explanations, style)));
}

function* markdownBlocks(e: EstimateResult, explanations: Iterable<Explanation>): Generator<string[]> {
  for (const x of explanations) {
    const i = x.item;
    yield [
      `#### \`${i.id}\` (${i.capability})`,
      '',
      `- **Quantity**: ${quantity(i.quantity)} ${i.unit} = ${i.formula}`,
      `- **Inputs**: \`${i.path}\` in ${i.file}:${x.line}: ${x.inputs.map((input) => `\`${input.key}: ${input.value}\` (line ${input.line})`).join(', ')}`,
      `- **Rule**: ${i.rule}; **source**: ${i.doc}`,
      `- **Price**: ${priceLine(x, e.currency)}`,
      `- **Cost**: ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}`}`,
    ];
  }
}

export function explainMarkdown(e: EstimateResult, explanations: Iterable<Explanation>): Generator<Buffer> {
  return chunked(blocks([`### dtcost explain: ${e.estate}`], markdownBlocks(e, explanations)));
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

function* jsonPieces(explanations: Iterable<Explanation>): Generator<string> {
  yield* prettyArray(explanations, explanationToJson, '');
  yield '\n';
}

/** The array of explanations, as JSON.stringify(…, null, 2) writes it; in chunks. */
export function explainJson(explanations: Iterable<Explanation>): Generator<Buffer> {
  return chunked(jsonPieces(explanations));
}
