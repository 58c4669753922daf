// `dtcost diff` output: the changed line items with their deltas, and the total delta. Markdown is
// ready to paste as a pull-request comment.
import { toPlain, type D } from '../decimal.js';
import type { Diff, DiffRow } from '../estimate/diff.js';
import { money, quantity } from './numbers.js';

const signed = (d: D, f: (d: D) => string) => (d.greaterThan(0) ? `+${f(d)}` : f(d));
const SYMBOL = { added: '+', removed: '−', changed: '~', unchanged: ' ' } as const;

function changed(diff: Diff): DiffRow[] {
  return diff.rows.filter((r) => r.status !== 'unchanged');
}

function totals(diff: Diff): string {
  const c = diff.head.currency;
  const b = diff.base.totals.cost;
  const h = diff.head.totals.cost;
  if (b === null || h === null) return `Total: not comparable in money (unpriced line items)`;
  return `Total: ${money(b)} → ${money(h)} ${c} (${signed(diff.costDelta!, money)} ${c}${b.isZero() ? '' : `, ${signed(diff.costDelta!.div(b).times(100), (d) => d.toDecimalPlaces(1).toFixed())}%`})`;
}

export function diffText(diff: Diff): string {
  const rows = changed(diff);
  const out = [`dtcost diff: ${diff.base.file} → ${diff.head.file} (${diff.head.model === 'dps' ? 'DPS' : 'classic licensing'}, ${diff.head.period.label})`, ''];
  if (rows.length === 0) out.push('No line item changes.');
  for (const r of rows) {
    const q = `${r.base ? quantity(r.base.quantity) : '—'} → ${r.head ? quantity(r.head.quantity) : '—'} ${r.unit} (${signed(r.quantityDelta, quantity)})`;
    const cost = r.costDelta === null ? 'cost —' : `cost ${signed(r.costDelta, money)}`;
    out.push(`${SYMBOL[r.status]} ${r.id}  ${q}  ${cost}`);
  }
  out.push('', totals(diff));
  return `${out.join('\n')}\n`;
}

export function diffMarkdown(diff: Diff, gateFailures: readonly string[]): string {
  const rows = changed(diff);
  const c = diff.head.currency;
  const out = [`### dtcost: monitoring cost change`, '', `**${totals(diff)}**`, ''];
  if (rows.length === 0) out.push('No line item changes.', '');
  else {
    out.push(`| | Capability | Subject | Quantity | Δ quantity | Δ cost (${c}) |`, '|---|---|---|--:|--:|--:|');
    for (const r of rows) {
      const q = `${r.base ? quantity(r.base.quantity) : '—'} → ${r.head ? quantity(r.head.quantity) : '—'} ${r.unit}`;
      out.push(`| ${r.status} | ${r.capability} | ${r.subject.replace(/\|/g, '\\|')} | ${q} | ${signed(r.quantityDelta, quantity)} | ${r.costDelta === null ? '—' : signed(r.costDelta, money)} |`);
    }
    out.push('');
  }
  if (gateFailures.length > 0) out.push(...gateFailures.map((f) => `> ❌ ${f}`), '');
  out.push(`<sub>${diff.base.file} → ${diff.head.file} · ${diff.head.model === 'dps' ? 'DPS' : 'classic licensing'} · ${diff.head.period.label}</sub>`, '');
  return out.join('\n');
}

export function diffJson(diff: Diff, gateFailures: readonly string[]): string {
  const dec = (d: D | null) => (d === null ? null : toPlain(d));
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      base: { file: diff.base.file, estate: diff.base.estate, cost: dec(diff.base.totals.cost) },
      head: { file: diff.head.file, estate: diff.head.estate, cost: dec(diff.head.totals.cost) },
      model: diff.head.model,
      period: diff.head.period.label,
      currency: diff.head.currency,
      costDelta: dec(diff.costDelta),
      lineItems: diff.rows.map((r) => ({
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
      })),
      gates: { passed: gateFailures.length === 0, failures: gateFailures },
    },
    null,
    2,
  )}\n`;
}
