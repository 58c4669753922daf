// A bar chart of cost by capability, in Unicode block characters (eighths of a cell), readable
// without colour. Bar lengths are for the eye only: the amounts beside them are the exact ones,
// rounded to cents.
import type { D } from '../core/decimal.js';
import { money, percent } from '../core/format.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(fraction: number, width: number): string {
  const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** The bars' length in cells, at most; less where the lines must fit in fewer columns. */
const BAR_CELLS = 30;

/** One line per capability with a positive cost, largest first; within `columns` when given (bars of 8 cells at least). */
export function costBars(costs: ReadonlyMap<string, D | null>, total: D, columns?: number): string[] {
  const rows = [...costs].filter((e): e is [string, D] => e[1] !== null && e[1].greaterThan(0)).sort((a, b) => b[1].comparedTo(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rows.length === 0 || !total.greaterThan(0)) return [];
  const largest = rows[0]![1];
  const idWidth = Math.max(...rows.map(([id]) => id.length));
  const amountWidth = Math.max(...rows.map(([, c]) => money(c).length));
  const width = columns === undefined ? BAR_CELLS : Math.max(8, Math.min(BAR_CELLS, columns - (2 + idWidth + 2 + 2 + amountWidth + 2 + 6)));
  return rows.map(([id, cost]) => `  ${id.padEnd(idWidth)}  ${bar(cost.div(largest).toNumber(), width).padEnd(width)}  ${money(cost).padStart(amountWidth)}  ${percent(cost, total).padStart(6)}`);
}
