// `dtcost diff` output: the changed line items with their deltas, and the total delta. Markdown is
// ready to paste as a pull-request comment.
import { toPlain, ZERO, type D } from '../core/decimal.js';
import type { Diff, DiffRow } from '../estimate/diff.js';
import { safeForTerminal } from '../core/safe-text.js';
import { chunked } from './chunk.js';
import { COMMENT_LIMIT, counted, NOTE_ROOM } from './comment.js';
import { md } from './escape.js';
import { periodJson, tool } from './envelope.js';
import { VERSION } from '../core/version.js';
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

/**
 * A pull-request comment: the total, a table of the changed items, the gates crossed; by
 * capability when the table would pass GitHub's limit for a comment (`limit`); in chunks.
 */
export function diffMarkdown(diff: Diff, gateFailures: readonly string[], limit = COMMENT_LIMIT): Generator<Buffer> {
  return chunked(markdownLines(diff, gateFailures, limit));
}

function* markdownLines(diff: Diff, gateFailures: readonly string[], limit: number): Generator<string> {
  const c = diff.head.currency;
  const head = `### dtcost: monitoring cost change\n\n**${totals(diff)}**\n\n`;
  const foot =
    (gateFailures.length > 0 ? `${gateFailures.map((f) => `> ❌ ${md(f)}`).join('\n')}\n\n` : '') +
    `<sub>${md(diff.base.file)} → ${md(diff.head.file)} · ${diff.head.model === 'dps' ? 'DPS' : 'classic licensing'} · ${diff.head.period.label}</sub>\n`;
  const room = limit - head.length - foot.length - NOTE_ROOM;
  const lines: string[] = [];
  let size = 0;
  let changed = 0;
  for (const r of diff.rows) {
    if (r.status === 'unchanged') continue;
    changed++;
    if (size > room) continue;
    const q = `${r.base ? quantity(r.base.quantity) : '—'} → ${r.head ? quantity(r.head.quantity) : '—'} ${r.unit}`;
    const line = `| ${r.status} | ${r.capability} | ${md(r.subject)} | ${q} | ${signed(r.quantityDelta, quantity)} | ${r.costDelta === null ? '—' : signed(r.costDelta, money)} |\n`;
    lines.push(line);
    size += line.length;
  }
  yield head;
  if (changed === 0) yield 'No line item changes.\n\n';
  else if (size <= room) {
    yield `| | Capability | Subject | Quantity | Δ quantity | Δ cost (${c}) |\n|---|---|---|--:|--:|--:|\n`;
    yield* lines;
    yield '\n';
  } else yield* byCapability(diff, changed);
  yield foot;
}

/** The changed line items counted by capability, with their cost delta, for a diff too long for a comment. */
function* byCapability(diff: Diff, changed: number): Generator<string> {
  const groups = new Map<string, { capability: string; added: number; removed: number; changed: number; cost: D | null }>();
  for (const r of diff.rows) {
    if (r.status === 'unchanged') continue;
    let g = groups.get(r.capabilityId);
    if (!g) groups.set(r.capabilityId, (g = { capability: r.capability, added: 0, removed: 0, changed: 0, cost: ZERO }));
    g[r.status]++;
    g.cost = g.cost === null || r.costDelta === null ? null : g.cost.plus(r.costDelta);
  }
  const count = (n: number) => (n === 0 ? '' : n.toLocaleString('en-US'));
  yield `| Capability | Added | Removed | Changed | Δ cost (${diff.head.currency}) |\n|---|--:|--:|--:|--:|\n`;
  for (const g of groups.values()) yield `| ${g.capability} | ${count(g.added)} | ${count(g.removed)} | ${count(g.changed)} | ${g.cost === null ? '—' : signed(g.cost, money)} |\n`;
  yield `\n> ℹ️ ${counted(changed, 'changed line item')} summarised by capability: the table of each would pass GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en-US')} characters for a comment. \`dtcost diff --format json\` lists them all.\n\n`;
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
export function diffJson(diff: Diff, gateFailures: readonly string[], version = VERSION): Generator<Buffer> {
  return chunked(jsonPieces(diff, gateFailures, version));
}

/** schemaVersion 2: `period` is the object every document has (it was the label alone in 1). */
function* jsonPieces(diff: Diff, gateFailures: readonly string[], version: string): Generator<string> {
  const { before, after } = splitAtList({
    schemaVersion: 2,
    tool: tool(version),
    base: { file: diff.base.file, estate: diff.base.estate, cost: dec(diff.base.totals.cost) },
    head: { file: diff.head.file, estate: diff.head.estate, cost: dec(diff.head.totals.cost) },
    model: diff.head.model,
    period: periodJson(diff.head.period),
    currency: diff.head.currency,
    costDelta: dec(diff.costDelta),
    lineItems: LIST,
    gates: { passed: gateFailures.length === 0, failures: gateFailures },
  });
  yield before;
  yield* prettyArray(diff.rows, rowToJson, '  ');
  yield `${after}\n`;
}
