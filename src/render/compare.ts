// `dtcost compare` output.
import { toPlain, type D } from '../core/decimal.js';
import { isEmpty, type Comparison, type Side } from '../estimate/compare.js';
import { money, quantity } from '../core/format.js';
import { safeForTerminal } from '../core/safe-text.js';
import { COMMENT_LIMIT, counted, linesWithin, sizeOf } from './comment.js';
import { md } from './escape.js';
import { periodJson, tool } from './envelope.js';
import { VERSION } from '../core/version.js';
import type { Style } from './style.js';
import { describePeriod } from './view.js';

const units = (s: Side) => [...[...s.quantities].map(([u, q]) => `${quantity(q)} ${u}`), ...[...s.licensed].map(([u, q]) => `${quantity(q)} ${u} licensed`)].join(', ') || '—';
const cost = (s: Side) => (isEmpty(s) ? '—' : s.cost === null ? 'no price' : money(s.cost));

function rows(c: Comparison): string[][] {
  return c.rows.map((r) => [r.family, units(r.dps), cost(r.dps), units(r.classic), cost(r.classic)]);
}

function total(x: D | null): string {
  return x === null ? 'no price' : money(x);
}

export function compareText(c: Comparison, style: Style): string {
  const head = ['Family', 'DPS', 'DPS cost', 'Classic', 'Classic cost'];
  const body = [...rows(c), ['Total', '', total(c.dps.totals.cost), '', total(c.classic.totals.cost)]];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 2 || i === 4 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [
    style.bold(`dtcost compare: ${safeForTerminal(c.dps.estate)}`),
    `${describePeriod(c.dps)} · ${c.dps.currency} · rates: ${safeForTerminal(c.dps.rateCard.name)}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    ...c.summary.map((line) => safeForTerminal(line)),
    '',
  ].join('\n');
}

/** The comparison for a pull-request comment; within GitHub's limit for one (its summary cut short if need be). */
export function compareMarkdown(c: Comparison, limit = COMMENT_LIMIT): string {
  const table = [
    `### dtcost compare: ${md(c.dps.estate)}`,
    '',
    `${describePeriod(c.dps)} · ${c.dps.currency} · rates: ${md(c.dps.rateCard.name)}`,
    '',
    '| Family | DPS | DPS cost | Classic | Classic cost |',
    '|---|---|--:|---|--:|',
    ...rows(c).map((r) => `| ${r.join(' | ')} |`),
    `| **Total** | | **${total(c.dps.totals.cost)}** | | **${total(c.classic.totals.cost)}** |`,
    '',
  ];
  const summary = linesWithin(c.summary.map((s) => `- ${md(s)}`), limit - sizeOf(table) - 1, (n) => `- … and ${counted(n, 'more line')} (\`--format json\` has them all)`);
  return [...table, ...summary, ''].join('\n');
}

export function compareJson(c: Comparison, version = VERSION): string {
  const dec = (d: D | null) => (d === null ? null : toPlain(d));
  const byUnit = (m: Map<string, D>) => Object.fromEntries([...m].map(([u, q]) => [u, toPlain(q)]));
  const sideJson = (s: Side) => ({ quantities: byUnit(s.quantities), licensed: byUnit(s.licensed), cost: isEmpty(s) ? null : dec(s.cost) });
  const card = (e: typeof c.dps) => ({ name: e.rateCard.name, files: e.rateCard.files });
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: tool(version),
      estate: c.dps.estate,
      file: c.dps.file,
      period: periodJson(c.dps.period),
      currency: c.dps.currency === c.classic.currency ? c.dps.currency : null,
      currencies: { dps: c.dps.currency, classic: c.classic.currency },
      rateCards: { dps: card(c.dps), classic: card(c.classic) },
      totals: { dps: dec(c.dps.totals.cost), classic: dec(c.classic.totals.cost) },
      families: c.rows.map((r) => ({ family: r.family, dps: sideJson(r.dps), classic: sideJson(r.classic) })),
      summary: c.summary,
    },
    null,
    2,
  )}\n`;
}
