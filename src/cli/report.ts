// Diagnostics, warnings and budget messages as lines on standard error.
import type { Diagnostic } from '../input/diagnostics.js';
import type { Style } from '../render/style.js';

export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const where = d.position ? `${d.file}:${d.position.line}:${d.position.col}` : d.file;
  const path = d.path ? `${d.path}: ` : '';
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}: ${style.red('error')}: ${path}${d.message}${hint}`;
}

export function formatDiagnostics(list: readonly Diagnostic[], style: Style): string {
  const files = new Set(list.map((d) => d.file)).size;
  const lines = list.map((d) => formatDiagnostic(d, style));
  const n = list.length;
  lines.push(`dtcost: ${n} ${n === 1 ? 'error' : 'errors'} in ${files} ${files === 1 ? 'file' : 'files'}; nothing was estimated.`);
  return `${lines.join('\n')}\n`;
}
