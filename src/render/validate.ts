// `dtcost validate --format json`: for each file whether it is valid and its entry counts, and
// every problem found, located (the envelope of every command's JSON: envelope.ts).
import { VERSION } from '../core/version.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { tool } from './envelope.js';

export interface ValidatedFile {
  file: string;
  /** Entries by section, for a valid file; null for an invalid one. */
  entries: Record<string, number> | null;
}

export function validateJson(files: readonly ValidatedFile[], diagnostics: readonly Diagnostic[], version = VERSION): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      tool: tool(version),
      valid: diagnostics.length === 0,
      files: files.map((f) => ({ file: f.file, valid: f.entries !== null, entries: f.entries })),
      errors: diagnostics.map((d) => ({
        file: d.file,
        line: d.position?.line ?? null,
        column: d.position?.col ?? null,
        path: d.path ?? null,
        message: d.message,
        hint: d.hint ?? null,
      })),
    },
    null,
    2,
  )}\n`;
}
