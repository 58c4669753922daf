// The rate card in use (`dtcost rates`): every price with its unit, grade, source, and the
// discount applied.
import { CAPABILITIES, UNIT_IDS } from '../core/capabilities.js';
import { D, toPlain } from '../core/decimal.js';
import type { RateCard } from '../pricing/rate-card.js';
import { safeForTerminal } from '../core/safe-text.js';
import { csvField } from './csv.js';
import { csvText, md } from './escape.js';
import { displayWidth } from './box.js';
import { tool } from './envelope.js';
import { VERSION } from '../core/version.js';
import { unitPrice } from '../core/format.js';

export interface RateRow {
  key: string;
  kind: 'capability' | 'unit';
  model: string;
  unit: string;
  listPrice: D | null;
  unitPrice: D | null;
  grade: string | null;
  provisional: boolean;
  source: string | null;
}

/** Every capability and classic unit, priced or not, in catalogue order. */
export function rateRows(card: RateCard): RateRow[] {
  const factor = new D(1).minus(card.discount);
  const row = (key: string, kind: RateRow['kind'], model: string, unit: string): RateRow => {
    const p = card.prices.get(key);
    return {
      key,
      kind,
      model,
      unit,
      listPrice: p?.unitPrice ?? null,
      unitPrice: p ? p.unitPrice.times(factor) : null,
      grade: p?.grade ?? null,
      provisional: p?.provisional ?? false,
      source: p?.source ?? card.unpricedNotes.get(key) ?? null,
    };
  };
  // Classic units priced per unit; overage lines are priced only by their own id, so they are
  // listed as capabilities, and units only they use are not listed.
  const classicUnits = UNIT_IDS.filter((u) => CAPABILITIES.some((c) => c.unit === u && c.model === 'classic' && !c.overage));
  return [
    ...CAPABILITIES.filter((c) => c.model === 'dps' || c.overage || card.prices.has(c.id)).map((c) => row(c.id, 'capability', c.model, c.unit)),
    ...classicUnits.map((u) => row(u, 'unit', 'classic', u)),
  ];
}

export function ratesJson(card: RateCard, version = VERSION): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: tool(version),
      name: card.name,
      currency: card.currency,
      discount: toPlain(card.discount),
      files: card.files,
      prices: rateRows(card).map((r) => ({
        key: r.key,
        kind: r.kind,
        model: r.model,
        unit: r.unit,
        listPrice: r.listPrice && toPlain(r.listPrice),
        unitPrice: r.unitPrice && toPlain(r.unitPrice),
        grade: r.grade,
        provisional: r.provisional,
        source: r.source,
      })),
    },
    null,
    2,
  )}\n`;
}

export function ratesText(card: RateCard, markdown: boolean): string {
  const rows = rateRows(card);
  const head = ['Price of', 'Model', 'Unit', 'Unit price', 'Grade', 'Source'];
  const cells = rows.map((r) => [r.key, r.model, r.unit, r.unitPrice === null ? '—' : `${unitPrice(r.unitPrice)}${r.provisional ? ' *' : ''}`, r.grade ?? '', r.source ?? 'no price: add it to a rate card']);
  const title = `${card.name} · ${card.currency}${card.discount.isZero() ? '' : ` · discount ${toPlain(card.discount.times(100))}% applied`}`;
  const foot = '* provisional (grade S: a secondary source, not verified). Classic units have no public price.';
  if (markdown) {
    // The card's name and its sources are the rate card's own words: escaped.
    return [`### ${md(title)}`, '', `| ${head.join(' | ')} |`, '|---|---|---|--:|---|---|', ...cells.map((c) => `| ${c.map((v, i) => (i === 5 ? md(v) : v)).join(' | ')} |`), '', foot, ''].join('\n');
  }
  const safe = cells.map((c) => c.map((v) => safeForTerminal(v)));
  const widths = head.map((h, i) => Math.max(h.length, ...safe.map((c) => displayWidth(c[i]!))));
  const pad = (v: string, w: number, start: boolean) => (start ? ' '.repeat(Math.max(0, w - displayWidth(v))) + v : v + ' '.repeat(Math.max(0, w - displayWidth(v))));
  const line = (c: string[]) => c.map((v, i) => pad(v, widths[i]!, i === 3)).join('  ').trimEnd();
  return [safeForTerminal(title), '', line(head), line(widths.map((w) => '-'.repeat(w))), ...safe.map(line), '', foot, ''].join('\n');
}

export function ratesCsv(card: RateCard): string {
  const lines = ['key,kind,model,unit,listPrice,unitPrice,grade,provisional,source'];
  for (const r of rateRows(card)) {
        // Text columns neutralised for spreadsheets (csvText); the prices are exact numbers, as they are.
    const text = (v: string) => csvField(csvText(v));
    lines.push([text(r.key), text(r.kind), text(r.model), text(r.unit), csvField(r.listPrice ? toPlain(r.listPrice) : ''), csvField(r.unitPrice ? toPlain(r.unitPrice) : ''), text(r.grade ?? ''), text(String(r.provisional)), text(r.source ?? '')].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
