// `dtcost diff` output: the changed line items with their deltas, and the total delta. Markdown is
// ready to paste as a pull-request comment.
import { toPlain, type D } from '../core/decimal.js';
import type { Diff, DiffRow } from '../estimate/diff.js';
import { safeForTerminal } from '../core/safe-text.js';
import { chunked } from './chunk.js';
import { md } from './escape.js';
import { LIST, prettyArray, splitAtList } from './json-text.js';
import { money, quantity } from '../core/format.js';

const signed = (d: D, f: (d: D) => string) => (d.greaterThan(0) ? `+${f(d)}` : f(d));
const SYMBOL = { added: '+', removed: '−', changed: '~', unchanged: ' ' } as const;

function totals(diff: Diff): string {
  const c = diff.head.currency;
  const b = diff.base.totals.cost;
  const h = diff.head.totals.cost;
  if (b === null || h === null) return `Total: not comparable in money (unpriced line items)`;
  return `Total: ${money(b)} → ${money(h)} ${c} (${signed(diff.costDelta!, money)} ${c}${b.isZero() ? '' : `, ${signed(diff.costDelta!.div(b).times(100), (d) => d.toDecimalPlaces(1).toFixed())}%`})`;
}

/** Changed line items, a line each, and the totals; in chunks. */
export function diffText(diff: Diff): Generator<Buffer> {
  return chunked(textLines(diff));
}

function* textLines(diff: Diff): Generator<string> {
  yield `dtcost diff: ${safeForTerminal(diff.base.file)} → ${safeForTerminal(diff.head.file)} (${diff.head.model === 'dps' ? 'DPS' : 'classic licensing'}, ${diff.head.period.label})\n\n`;
  let any = false;
  for (const r of diff.rows) {
    if (r.status === 'unchanged') continue;
    any = true;
    const q = `${r.base ? quantity(r.base.quantity) : '—'} → ${r.head ? quantity(r.head.quantity) : '—'} ${r.unit} (${signed(r.quantityDelta, quantity)})`;
    const cost = r.costDelta === null ? 'cost —' : `cost ${signed(r.costDelta, money)}`;
    yield `${SYMBOL[r.status]} ${safeForTerminal(r.id)}  ${q}  ${cost}\n`;
  }
  if (!any) yield 'No line item changes.\n';
  yield `\n${totals(diff)}\n`;
}

/** A pull-request comment: the total, a table of the changed items, the gates crossed; in chunks. */
export function diffMarkdown(diff: Diff, gateFailures: readonly string[]): Generator<Buffer> {
  return chunked(markdownLines(diff, gateFailures));
}

function* markdownLines(diff: Diff, gateFailures: readonly string[]): Generator<string> {
  const c = diff.head.currency;
  yield `### dtcost: monitoring cost change\n\n**${totals(diff)}**\n\n`;
  let any = false;
  for (const r of diff.rows) {
    if (r.status === 'unchanged') continue;
    if (!any) yield `| | Capability | Subject | Quantity | Δ quantity | Δ cost (${c}) |\n|---|---|---|--:|--:|--:|\n`;
    any = true;
    const q = `${r.base ? quantity(r.base.quantity) : '—'} → ${r.head ? quantity(r.head.quantity) : '—'} ${r.unit}`;
    yield `| ${r.status} | ${r.capability} | ${md(r.subject)} | ${q} | ${signed(r.quantityDelta, quantity)} | ${r.costDelta === null ? '—' : signed(r.costDelta, money)} |\n`;
  }
  yield any ? '\n' : 'No line item changes.\n\n';
  if (gateFailures.length > 0) yield `${gateFailures.map((f) => `> ❌ ${md(f)}`).join('\n')}\n\n`;
  yield `<sub>${md(diff.base.file)} → ${md(diff.head.file)} · ${diff.head.model === 'dps' ? 'DPS' : 'classic licensing'} · ${diff.head.period.label}</sub>\n`;
}

const dec = (d: D | null) => (d === null ? null : toPlain(d));

function rowToJson(r: DiffRow): object {
  return {
    id: r.id,
    capabilityId: r.capabilityId,
    subject: r.subject,
    status: r.status,
    unit: r.unit,
    baseQuantity: r.base && toPlain(r.base.quantity),
    headQuantity: r.head && toPlain(r.head.quantity),
    quantityDelta: toPlain(r.quantityDelta),
    baseCost: r.base && dec(r.base.cost),
    headCost: r.head && dec(r.head.cost),
    costDelta: dec(r.costDelta),
  };
}

/** The diff as JSON.stringify(…, null, 2) writes it, every row included; in chunks. */
export function diffJson(diff: Diff, gateFailures: readonly string[]): Generator<Buffer> {
  return chunked(jsonPieces(diff, gateFailures));
}

function* jsonPieces(diff: Diff, gateFailures: readonly string[]): Generator<string> {
  const { before, after } = splitAtList({
    schemaVersion: 1,
    base: { file: diff.base.file, estate: diff.base.estate, cost: dec(diff.base.totals.cost) },
    head: { file: diff.head.file, estate: diff.head.estate, cost: dec(diff.head.totals.cost) },
    model: diff.head.model,
    period: diff.head.period.label,
    currency: diff.head.currency,
    costDelta: dec(diff.costDelta),
    lineItems: LIST,
    gates: { passed: gateFailures.length === 0, failures: gateFailures },
  });
  yield before;
  yield* prettyArray(diff.rows, rowToJson, '  ');
  yield `${after}\n`;
}
