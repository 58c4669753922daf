// `dtcost explain` output: what a solution engineer shows a customer who asks "why this number".
import { settle, toPlain } from '../decimal.js';
import type { Explanation } from '../estimate/explain.js';
import type { Estimate } from '../estimate/run.js';
import { money, quantity, unitPrice } from './numbers.js';
import type { Style } from './style.js';
import { describePeriod } from './view.js';

function priceLine(x: Explanation, currency: string): string {
  const i = x.item;
  if (i.unitPrice === null) return `none: no rate card prices ${i.capabilityId} or ${i.unit}`;
  return `${unitPrice(i.unitPrice)} ${currency} per ${i.unit}${i.provisional ? ' (provisional)' : ''}: ${i.priceSource}`;
}

export function explainText(e: Estimate, explanations: readonly Explanation[], style: Style): string {
  const out = [style.bold(`dtcost explain: ${e.estate}`), `${e.model === 'dps' ? 'DPS' : 'classic licensing'} · ${describePeriod(e)} · ${e.currency}`, ''];
  for (const x of explanations) {
    const i = x.item;
    const width = Math.max(0, ...x.inputs.map((input) => `${input.key}: ${input.value}`.length));
    out.push(
      style.bold(`${i.id}`) + `  ${i.capability}`,
      `  quantity  ${quantity(i.quantity)} ${i.unit}`,
      `            = ${i.formula}`,
      `  inputs    ${i.path} in ${i.file}:${x.line}`,
      ...x.inputs.map((input) => `              ${`${input.key}: ${input.value}`.padEnd(width)}  ${style.dim(`line ${input.line}`)}`),
      `  rule      ${i.rule}`,
      `  source    ${i.doc}`,
      `  price     ${priceLine(x, e.currency)}`,
      `  cost      ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}${settle(i.cost).decimalPlaces() > 2 ? ` (exactly ${toPlain(i.cost)})` : ''}`}`,
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function explainMarkdown(e: Estimate, explanations: readonly Explanation[]): string {
  const out = [`### dtcost explain: ${e.estate}`, ''];
  for (const x of explanations) {
    const i = x.item;
    out.push(
      `#### \`${i.id}\` (${i.capability})`,
      '',
      `- **Quantity**: ${quantity(i.quantity)} ${i.unit} = ${i.formula}`,
      `- **Inputs**: \`${i.path}\` in ${i.file}:${x.line}: ${x.inputs.map((input) => `\`${input.key}: ${input.value}\` (line ${input.line})`).join(', ')}`,
      `- **Rule**: ${i.rule}; **source**: ${i.doc}`,
      `- **Price**: ${priceLine(x, e.currency)}`,
      `- **Cost**: ${i.cost === null ? '— (no price)' : `${money(i.cost)} ${e.currency}`}`,
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function explainJson(explanations: readonly Explanation[]): string {
  return `${JSON.stringify(
    explanations.map((x) => ({
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
    })),
    null,
    2,
  )}\n`;
}
