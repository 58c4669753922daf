// `dtcost reconcile` output: actual usage against the estimate, per capability, as a table, JSON
// (schemaVersion 1, schema/reconcile-output-v1.schema.json), CSV or Markdown. Exact decimal
// strings in JSON and CSV; rounded for people in the table and Markdown.
import { toPlain, type D } from '../core/decimal.js';
import type { ReconcileRow, Reconciliation } from '../reconcile/compare.js';
import { drawTable, displayWidth, type Row } from './box.js';
import { csvField } from './csv.js';
import { csvText } from './escape.js';
import { money, quantity } from './numbers.js';
import type { Style } from './style.js';

/** Breakdown rows shown per capability by the table and Markdown (JSON and CSV carry them all). */
const SHOWN = 5;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const dec = (d: D | null) => (d === null ? null : toPlain(d));

function signedQuantity(d: D): string {
  return d.greaterThan(0) ? `+${quantity(d)}` : quantity(d);
}

function percentText(d: D | null, actual: D): string {
  if (d === null) return actual.isZero() ? '' : 'new';
  const v = d.toFixed(1, 4);
  return `${d.greaterThan(0) && v !== '0.0' ? '+' : ''}${v === '-0.0' ? '0.0' : v}%`;
}

const moneyOr = (d: D | null) => (d === null ? 'no price' : money(d));

function spanText(r: Reconciliation): string {
  const days = r.period.days;
  return `${iso(r.span.start)} to ${iso(r.span.end)} (${quantity(r.period.hours)} h = ${quantity(days)} ${days.equals(1) ? 'day' : 'days'})`;
}

function usageText(r: Reconciliation): string {
  const u = r.usage;
  const files = `${u.files.length} usage ${u.files.length === 1 ? 'file' : 'files'}`;
  const events = `${u.events.toLocaleString('en-US')} events counted`;
  const dups = u.duplicates > 0 ? `, ${u.duplicates.toLocaleString('en-US')} refreshed ${u.duplicates === 1 ? 'copy' : 'copies'} dropped` : '';
  return `${files}, ${events}${dups}`;
}

function breakdownLines(row: ReconcileRow, limit: number): string[] {
  const out: string[] = [];
  const unit = row.unit;
  const list = (title: string, groups: readonly { key: string; quantity: D }[]) => {
    if (groups.length === 0) return;
    const shown = groups.slice(0, limit).map((g) => `${g.key} ${quantity(g.quantity)}`);
    out.push(`${title}: ${shown.join(', ')}${groups.length > limit ? `, and ${(groups.length - limit).toLocaleString('en-US')} more` : ''} (${unit})`);
  };
  list('by cost centre', row.costCenters);
  list('by product', row.products);
  if (row.entities.length > 0) {
    const field = row.entities[0]!.field;
    const shown = row.entities.slice(0, limit).map((e) => `${e.label ?? e.key} ${quantity(e.quantity)}${e.hours.isZero() ? '' : ` (${quantity(e.hours)} h)`}`);
    out.push(`by ${field}: ${shown.join(', ')}${row.entities.length > limit ? `, and ${(row.entities.length - limit).toLocaleString('en-US')} more` : ''}`);
  }
  return out;
}

function cells(row: ReconcileRow): string[] {
  return [
    row.capabilityId,
    row.unit,
    quantity(row.actual.quantity),
    quantity(row.estimated.quantity),
    signedQuantity(row.difference),
    percentText(row.variancePercent, row.actual.quantity),
    moneyOr(row.actual.cost),
    moneyOr(row.estimated.cost),
  ];
}

const HEAD = ['Capability', 'Unit', 'Actual', 'Estimated', 'Difference', 'Variance', 'Actual cost', 'Estimated cost'];

export function reconcileText(r: Reconciliation, style: Style): string {
  const lines: string[] = [style.bold(`dtcost reconcile: ${r.estate}`), `${spanText(r)} · ${r.currency} · rates: ${r.rateCard.name}`, usageText(r)];
  if (r.rows.length === 0) lines.push('', 'Nothing to compare: neither the events nor the estimate bill a DPS capability.');
  else {
    const body: Row[] = r.rows.map((row) => {
      const c = cells(row);
      return row.exceeded ? c.map((text) => ({ text, style: style.red })) : c;
    });
    const total = ['Total', '', '', '', '', percentText(r.totals.variancePercent, r.totals.actualCost ?? r.rows[0]!.actual.quantity), moneyOr(r.totals.actualCost), moneyOr(r.totals.estimatedCost)];
    const all = [HEAD, ...r.rows.map(cells), total];
    const widths = HEAD.map((_, i) => Math.max(...all.map((row) => displayWidth(row[i]!))) + 2);
    lines.push('', drawTable({ head: HEAD, widths, aligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'], rows: [...body, total.map((text) => ({ text, style: style.bold }))] }).replace(/\n$/, ''));
  }
  if (r.totals.bookedCost !== null) lines.push(`Booked (DPS API): ${money(r.totals.bookedCost)} ${r.totals.bookedCurrency ?? ''}`.trimEnd());
  if (r.maxVariancePercent !== null) {
    lines.push(
      r.exceeded.length > 0
        ? style.red(`Variance over ${toPlain(r.maxVariancePercent)}%: ${r.exceeded.join(', ')}`)
        : `Every variance within ${toPlain(r.maxVariancePercent)}%`,
    );
  }
  const why = r.rows.filter((row) => row.explanations.length > 0);
  if (why.length > 0) {
    lines.push('', style.bold('What in the estate would explain the differences'));
    for (const row of why) {
      lines.push(`${row.capabilityId}:`);
      for (const e of row.explanations) lines.push(`  - ${e}`);
    }
  }
  const broken = r.rows.filter((row) => breakdownLines(row, SHOWN).length > 0);
  if (broken.length > 0) {
    lines.push('', style.bold('Actual usage by cost centre, product and entity'));
    for (const row of broken) {
      lines.push(`${row.capabilityId}:`);
      for (const b of breakdownLines(row, SHOWN)) lines.push(`  ${b}`);
    }
  }
  if (r.unmapped.length > 0) {
    lines.push('', style.bold('Not compared (preview, no rate-card line)'));
    for (const u of r.unmapped) lines.push(`${u.eventType}: ${quantity(u.quantity)} ${u.unit} (${u.events.toLocaleString('en-US')} events)`);
  }
  const notes = [...r.notes, ...r.rows.flatMap((row) => row.notes.map((n) => `${row.capabilityId}: ${n}`))];
  if (notes.length > 0) {
    lines.push('', style.bold('Notes'));
    for (const n of notes) lines.push(`- ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

const mdEscape = (text: string) => text.replace(/\|/g, '\\|');

export function reconcileMarkdown(r: Reconciliation): string {
  const lines: string[] = [`### dtcost reconcile: ${mdEscape(r.estate)}`, '', `${spanText(r)} · ${r.currency} · rates: ${mdEscape(r.rateCard.name)}`, '', usageText(r), ''];
  if (r.rows.length > 0) {
    lines.push(`| ${HEAD.join(' | ')} |`, '|---|---|--:|--:|--:|--:|--:|--:|');
    for (const row of r.rows) {
      const c = cells(row).map(mdEscape);
      lines.push(`| ${row.exceeded ? c.map((x) => (x === '' ? x : `**${x}**`)).join(' | ') : c.join(' | ')} |`);
    }
    lines.push(`| **Total** | | | | | ${percentText(r.totals.variancePercent, r.rows[0]!.actual.quantity)} | **${moneyOr(r.totals.actualCost)}** | **${moneyOr(r.totals.estimatedCost)}** |`, '');
  }
  if (r.totals.bookedCost !== null) lines.push(`Booked (DPS API): ${money(r.totals.bookedCost)} ${r.totals.bookedCurrency ?? ''}`.trimEnd(), '');
  if (r.maxVariancePercent !== null) lines.push(r.exceeded.length > 0 ? `**Variance over ${toPlain(r.maxVariancePercent)}%: ${r.exceeded.join(', ')}**` : `Every variance within ${toPlain(r.maxVariancePercent)}%.`, '');
  const why = r.rows.filter((row) => row.explanations.length > 0);
  if (why.length > 0) {
    lines.push('#### What in the estate would explain the differences', '');
    for (const row of why) for (const e of row.explanations) lines.push(`- \`${row.capabilityId}\`: ${e}`);
    lines.push('');
  }
  const broken = r.rows.filter((row) => breakdownLines(row, SHOWN).length > 0);
  if (broken.length > 0) {
    lines.push('#### Actual usage by cost centre, product and entity', '');
    for (const row of broken) for (const b of breakdownLines(row, SHOWN)) lines.push(`- \`${row.capabilityId}\` ${b}`);
    lines.push('');
  }
  if (r.unmapped.length > 0) {
    lines.push('#### Not compared (preview, no rate-card line)', '');
    for (const u of r.unmapped) lines.push(`- ${u.eventType}: ${quantity(u.quantity)} ${u.unit} (${u.events.toLocaleString('en-US')} events)`);
    lines.push('');
  }
  const notes = [...r.notes, ...r.rows.flatMap((row) => row.notes.map((n) => `\`${row.capabilityId}\`: ${n}`))];
  if (notes.length > 0) {
    lines.push('#### Notes', '');
    for (const n of notes) lines.push(`- ${n}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

/** The JSON document (schemaVersion 1), as a value. */
export function reconcileDocument(r: Reconciliation, version: string): unknown {
  return {
    schemaVersion: 1,
    tool: { name: 'dtcost', version },
    estate: r.estate,
    file: r.file,
    model: 'dps',
    span: { start: iso(r.span.start), end: iso(r.span.end), hours: toPlain(r.period.hours), days: toPlain(r.period.days) },
    currency: r.currency,
    rateCard: { name: r.rateCard.name, files: [...r.rateCard.files] },
    usage: {
      files: r.usage.files.map((f) => ({ file: f.file, format: f.format, records: f.records })),
      events: r.usage.events,
      distinctEvents: r.usage.distinctEvents,
      duplicates: r.usage.duplicates,
      otherKinds: r.usage.otherKinds,
    },
    capabilities: r.rows.map((row) => ({
      capabilityId: row.capabilityId,
      capability: row.capability,
      unit: row.unit,
      actual: {
        quantity: toPlain(row.actual.quantity),
        gross: toPlain(row.actual.gross),
        included: toPlain(row.actual.included),
        events: row.actual.events,
        apiRows: row.actual.apiRows,
        cost: dec(row.actual.cost),
        bookedCost: dec(row.actual.bookedCost),
      },
      estimated: {
        quantity: toPlain(row.estimated.quantity),
        gross: toPlain(row.estimated.gross),
        included: toPlain(row.estimated.included),
        items: row.estimated.items,
        cost: dec(row.estimated.cost),
      },
      difference: toPlain(row.difference),
      variancePercent: dec(row.variancePercent),
      costDifference: dec(row.costDifference),
      exceeded: row.exceeded,
      explanations: row.explanations,
      notes: row.notes,
      costCenters: row.costCenters.map((g) => ({ key: g.key, quantity: toPlain(g.quantity) })),
      products: row.products.map((g) => ({ key: g.key, quantity: toPlain(g.quantity) })),
      entities: row.entities.map((e) => ({ field: e.field, key: e.key, ...(e.label !== undefined ? { label: e.label } : {}), quantity: toPlain(e.quantity), hours: toPlain(e.hours), events: e.events })),
    })),
    unmapped: r.unmapped.map((u) => ({ eventType: u.eventType, unit: u.unit, quantity: toPlain(u.quantity), events: u.events })),
    totals: {
      actualCost: dec(r.totals.actualCost),
      estimatedCost: dec(r.totals.estimatedCost),
      difference: dec(r.totals.difference),
      variancePercent: dec(r.totals.variancePercent),
      bookedCost: dec(r.totals.bookedCost),
      bookedCurrency: r.totals.bookedCurrency,
    },
    maxVariancePercent: dec(r.maxVariancePercent),
    exceeded: r.exceeded,
    notes: r.notes,
    warnings: r.warnings.map((w) => ({ code: w.code, id: w.id, message: w.message })),
  };
}

export function reconcileJson(r: Reconciliation, version: string): string {
  return `${JSON.stringify(reconcileDocument(r, version), null, 2)}\n`;
}

/** The columns of text from the estate and the billing events (names of cost centres, products, entities): neutralised (csvText). */
const CSV_TEXT: ReadonlySet<string> = new Set(['estate', 'scope', 'capabilityId', 'unit', 'field', 'key', 'explanation']);

const CSV_COLUMNS = ['estate', 'spanStart', 'spanEnd', 'scope', 'capabilityId', 'unit', 'field', 'key', 'actual', 'estimated', 'difference', 'variancePercent', 'actualCost', 'estimatedCost', 'costDifference', 'exceeded', 'explanation'] as const;

/**
 * One row per capability (scope `capability`), then its breakdown rows (scope `costcenter`,
 * `product`, `entity`: the actual quantity only), RFC 4180.
 */
export function reconcileCsv(r: Reconciliation): string {
  const out: string[] = [`${CSV_COLUMNS.join(',')}\r\n`];
  const base = { estate: r.estate, spanStart: iso(r.span.start), spanEnd: iso(r.span.end) };
  const line = (row: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) => {
    const full: Record<string, string> = { ...base, ...row };
    out.push(`${CSV_COLUMNS.map((c) => csvField(CSV_TEXT.has(c) ? csvText(full[c] ?? '') : (full[c] ?? ''))).join(',')}\r\n`);
  };
  for (const row of r.rows) {
    line({
      scope: 'capability',
      capabilityId: row.capabilityId,
      unit: row.unit,
      actual: toPlain(row.actual.quantity),
      estimated: toPlain(row.estimated.quantity),
      difference: toPlain(row.difference),
      variancePercent: dec(row.variancePercent) ?? '',
      actualCost: dec(row.actual.cost) ?? '',
      estimatedCost: dec(row.estimated.cost) ?? '',
      costDifference: dec(row.costDifference) ?? '',
      exceeded: String(row.exceeded),
      explanation: row.explanations.join('; '),
    });
    for (const g of row.costCenters) line({ scope: 'costcenter', capabilityId: row.capabilityId, unit: row.unit, field: 'dt.cost.costcenter', key: g.key, actual: toPlain(g.quantity) });
    for (const g of row.products) line({ scope: 'product', capabilityId: row.capabilityId, unit: row.unit, field: 'dt.cost.product', key: g.key, actual: toPlain(g.quantity) });
    for (const e of row.entities) line({ scope: 'entity', capabilityId: row.capabilityId, unit: row.unit, field: e.field, key: e.key, actual: toPlain(e.quantity) });
  }
  return out.join('');
}
