// How many columns the table may take: the terminal's width when standard output is one, else
// COLUMNS (as shells set it for scripts, and as CI can), else DEFAULT_COLUMNS (render/table.ts).
import { DEFAULT_COLUMNS } from '../render/table.js';

export function outputColumns(stream: { isTTY?: boolean; columns?: number } | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (stream?.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0) return stream.columns;
  const text = env.COLUMNS?.trim() ?? '';
  if (/^[1-9][0-9]{0,5}$/.test(text)) return Number(text);
  return DEFAULT_COLUMNS;
}
