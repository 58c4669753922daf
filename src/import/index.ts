// `dtcost import <kind> <file>...`: the importers by kind, and the estate they make (new, or merged
// into an existing one), checked against the estate schema before anything is written.
import type { Diagnostic } from '../input/diagnostics.js';
import { loadText } from '../input/load.js';
import { estateSchema } from '../input/schema.js';
import { importAws, importAzure, importGcp } from './cloud.js';
import { importKubernetes } from './kubernetes.js';
import { mergeInto } from './merge.js';
import { ImportFailure, type ImportOptions, type ImportResult } from './model.js';
import { importRvtools } from './rvtools.js';
import { importSplunk } from './splunk.js';
import { importTerraform } from './terraform.js';
import { estateText } from './write.js';
import { IMPORT_KINDS, type ImportKind } from './kinds.js';

export { IMPORT_KINDS, type ImportKind };
export type { ImportOptions, ImportResult } from './model.js';

export async function runImport(kind: ImportKind, files: readonly string[], options: ImportOptions = {}): Promise<ImportResult> {
  const result = await importKind(kind, files, options);
  // Problems file by file (in the order given), line by line.
  const order = (file: string) => {
    const i = files.indexOf(file);
    return i < 0 ? files.length : i;
  };
  result.problems = result.problems
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => order(a.file) - order(b.file) || (a.position?.line ?? 0) - (b.position?.line ?? 0) || i - j)
    .map(([d]) => d);
  return result;
}

async function importKind(kind: ImportKind, files: readonly string[], options: ImportOptions): Promise<ImportResult> {
  try {
    switch (kind) {
      case 'rvtools':
        return await importRvtools(files);
      case 'kubernetes':
        return importKubernetes(files, options.monitoring ?? 'fullstack');
      case 'aws':
        return importAws(files);
      case 'azure':
        return importAzure(files);
      case 'gcp':
        return importGcp(files);
      case 'terraform':
        return importTerraform(files, options.types ?? []);
      case 'splunk':
        return await importSplunk(files, options.by ?? 'index');
    }
  } catch (err) {
    if (err instanceof ImportFailure) return { title: '', entries: [], notes: [], problems: err.diagnostics };
    throw err;
  }
}

export type Written = { ok: true; text: string; renamed: string[] } | { ok: false; diagnostics: Diagnostic[] };

/** The estate text of an import: a new estate, or `merge` (an existing estate's text) with the entries added. */
export function importedEstate(result: ImportResult, command: string, merge?: { file: string; dir: string; text: string }): Written {
  const out = merge ? mergeInto(merge.text, merge.file, merge.dir, result, command) : { ok: true as const, ...estateText(result, command) };
  if (!out.ok) return out;
  // The estate must validate: a failure here is a bug in an importer, not the user's input.
  const check = loadText({ file: merge?.file ?? '<imported estate>', dir: merge?.dir ?? process.cwd(), text: out.text }, estateSchema, 'an estate');
  if (!check.ok) throw new Error(`the imported estate does not validate: ${check.diagnostics.map((d) => `${d.path ?? ''} ${d.message}`).join('; ')}`);
  return out;
}
