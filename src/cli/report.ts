// Diagnostics, warnings and budget messages as lines on standard error.
import type { Diagnostic } from '../input/diagnostics.js';
import type { Style } from '../render/style.js';

export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.col}` : d.file;
  const path = d.path ? `${d.path}: ` : '';
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}: ${style.red('error')}: ${path}${d.message}${hint}`;
}

/** Errors shown per file; the rest are counted (README "Limits"). */
export const MAX_SHOWN_PER_FILE = 1_000;

export function formatDiagnostics(list: readonly Diagnostic[], style: Style): string {
  const perFile = new Map<string, number>();
  const lines: string[] = [];
  for (const d of list) {
    const shown = (perFile.get(d.file) ?? 0) + 1;
    perFile.set(d.file, shown);
    if (shown <= MAX_SHOWN_PER_FILE) lines.push(formatDiagnostic(d, style));
  }
  for (const [file, n] of perFile) {
    if (n > MAX_SHOWN_PER_FILE) lines.push(`${file}: ${(n - MAX_SHOWN_PER_FILE).toLocaleString('en-US')} more errors in this file are not shown (the first ${MAX_SHOWN_PER_FILE.toLocaleString('en-US')} are)`);
  }
  const files = perFile.size;
  const n = list.length;
  lines.push(`dtcost: ${n} ${n === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}; nothing was estimated.`);
  return `${lines.join('\n')}\n`;
}
