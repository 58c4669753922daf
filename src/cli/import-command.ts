// `dtcost import <kind> <file>...`: files in, a commented estate out (standard output, -o, or
// --merge-into an existing estate). Problems with the input are all reported, exit 2, and nothing
// is written; a file is written whole or not at all.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decode } from '../input/load.js';
import { importedEstate, runImport, type ImportKind } from '../import/index.js';
import { noteText } from '../import/write.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { refuseTarget, writeOutputFile } from './output-file.js';
import { formatDiagnostics } from './report.js';
import { writeStdout, standardErrorTerminal } from './streams.js';

export interface ImportFlags {
  output?: string;
  mergeInto?: string;
  monitoring?: 'fullstack' | 'application' | 'platform';
  types?: string[];
  by?: 'index' | 'sourcetype';
  force?: boolean;
  quiet?: boolean;
  color: boolean;
}

export async function importCommand(kind: ImportKind, files: string[], flags: ImportFlags): Promise<number> {
  const style = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  const fail = (diagnostics: Parameters<typeof formatDiagnostics>[0]) => {
    process.stderr.write(formatDiagnostics(diagnostics, style).replace('nothing was estimated', 'nothing was written'));
    return EXIT.invalidInput;
  };
  if (flags.output) {
    // Never over a file the import reads (--merge-into is written back on purpose).
    const reads = [...files.map((path) => ({ path, role: 'a file' })), ...(flags.types ?? []).map((path) => ({ path, role: 'a --types file' }))];
    const refused = refuseTarget(flags.output, reads);
    if (refused) return fail([{ file: flags.output, message: `-o: ${refused}` }]);
  }
  if (flags.output && flags.output !== flags.mergeInto && existsSync(flags.output) && !flags.force) {
    return fail([{ file: flags.output, message: 'already exists; pass --force to overwrite it, or --merge-into it to add the imported entries' }]);
  }
  const result = await runImport(kind, files, { ...(flags.monitoring ? { monitoring: flags.monitoring } : {}), ...(flags.types ? { types: flags.types } : {}), ...(flags.by ? { by: flags.by } : {}) });
  if (result.problems.length > 0) return fail(result.problems);

  let merge: { file: string; dir: string; text: string } | undefined;
  if (flags.mergeInto) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(flags.mergeInto);
    } catch (err) {
      return fail([{ file: flags.mergeInto, message: `cannot read the estate to merge into: ${(err as Error).message}` }]);
    }
    const decoded = decode(bytes, flags.mergeInto);
    if (!decoded.ok) return fail(decoded.diagnostics);
    merge = { file: flags.mergeInto, dir: dirname(resolve(flags.mergeInto)), text: decoded.text };
  }
  const command = ['dtcost import', kind, ...(kind === 'kubernetes' && flags.monitoring ? ['--monitoring', flags.monitoring] : []), ...(kind === 'splunk' && flags.by ? ['--by', flags.by] : []), ...files, ...(flags.types ?? []).flatMap((t) => ['--types', t])].join(' ');
  const written = importedEstate(result, command, merge);
  if (!written.ok) return fail(written.diagnostics);

  const target = flags.output ?? flags.mergeInto;
  if (target) {
    // Atomic, and removed on an interrupt (output-file.ts).
    const done = await writeOutputFile(target, [written.text]);
    if (!done.ok) return fail([{ file: target, message: `cannot write the estate: ${done.reason}` }]);
  } else await writeStdout(written.text);
  if (!flags.quiet) {
    const lines = [...result.notes.map((n) => noteText(n, 8)), ...written.renamed];
    if (target) lines.push(`${flags.mergeInto && !flags.output ? 'added to' : 'wrote'} ${target}: ${result.entries.length} ${result.entries.length === 1 ? 'entry' : 'entries'}. Next: dtcost estimate ${target}`);
    process.stderr.write(lines.map((l) => `dtcost: ${l}\n`).join(''));
  }
  return EXIT.ok;
}
