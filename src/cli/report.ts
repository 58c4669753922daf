// Diagnostics, warnings and budget messages as lines on standard error.
import type { Diagnostic } from '../input/diagnostics.js';
import type { Style } from '../render/style.js';
import { safeForTerminal } from '../core/safe-text.js';

export function formatDiagnostic(d: Diagnostic, style: Style): string {
  // File names, key paths and what was found come from the input: escaped for the terminal.
  const where = safeForTerminal(d.position ? `${d.file}:${d.position.line}:${d.position.col}` : d.file);
  const path = d.path ? `${safeForTerminal(d.path)}: ` : '';
  const hint = d.hint ? ` (${safeForTerminal(d.hint)})` : '';
  return `${where}: ${style.red('error')}: ${path}${safeForTerminal(d.message)}${hint}`;
}

/** Errors shown per file; the rest are counted (README "Limits"). */
export const MAX_SHOWN_PER_FILE = 1_000;

export function formatDiagnostics(list: readonly Diagnostic[], style: Style): string {
  const perFile = new Map<string, number>();
  const lines: string[] = [];
  let n = 0;
  for (const d of list) {
    // A count of problems not located (README "Limits"): said by the "more errors" line below.
    const count = d.more ?? 1;
    n += count;
    const shown = (perFile.get(d.file) ?? 0) + count;
    perFile.set(d.file, shown);
    if (d.more === undefined && shown <= MAX_SHOWN_PER_FILE) lines.push(formatDiagnostic(d, style));
  }
  for (const [file, n] of perFile) {
    const hidden = n - MAX_SHOWN_PER_FILE;
    if (hidden > 0) lines.push(`${safeForTerminal(file)}: ${hidden.toLocaleString('en-US')} more ${hidden === 1 ? 'error' : 'errors'} in this file ${hidden === 1 ? 'is' : 'are'} not shown (the first ${MAX_SHOWN_PER_FILE.toLocaleString('en-US')} are)`);
  }
  const files = perFile.size;
  lines.push(`dtcost: ${n.toLocaleString('en-US')} ${n === 1 ? 'error' : 'errors'} in ${files.toLocaleString('en-US')} ${files === 1 ? 'file' : 'files'}; nothing was estimated.`);
  return `${lines.join('\n')}\n`;
}
