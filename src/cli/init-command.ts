// `dtcost init [file]`: writes a commented starter estate (never over an existing file without
// --force); `-` writes it to standard output.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT } from './exit.js';
import { safeForTerminal } from '../core/safe-text.js';
import { writeStdout } from './streams.js';
import { writeOutputFile } from './output-file.js';
import { schemaText } from './schema-command.js';
import { STARTER_ESTATE, STARTER_SCHEMA_FILE } from './starter.js';

export async function initCommand(file: string | undefined, flags: { force?: boolean; quiet?: boolean }): Promise<number> {
  const target = file ?? 'estate.yaml';
  if (target === '-') {
    await writeStdout(STARTER_ESTATE);
    if (!flags.quiet) process.stderr.write(`dtcost: for editor completion, write the schema its first line names beside the file: dtcost schema -o ${STARTER_SCHEMA_FILE}\n`);
    return EXIT.ok;
  }
  // Without --force an existing file is never replaced, even one made while this one is written.
  const written = await writeOutputFile(target, [STARTER_ESTATE], { noClobber: !flags.force });
  if (!written.ok) {
    process.stderr.write(`dtcost: ${safeForTerminal(written.message)}${written.message.endsWith('already exists') ? '; pass --force to overwrite it' : ''}\n`);
    return EXIT.invalidInput;
  }
  // The schema its first line points at, beside it: left alone when it is there already (and
  // replaced with --force), so that the comment always resolves.
  const schemaFile = join(dirname(target), STARTER_SCHEMA_FILE);
  const schema = schemaText();
  let schemaNote = `and ${schemaFile} (its JSON Schema, for editors)`;
  const current = readOrUndefined(schemaFile);
  if (current !== schema) {
    const wroteSchema = current !== undefined && !flags.force ? undefined : await writeOutputFile(schemaFile, [schema]);
    if (wroteSchema === undefined) schemaNote = `(${schemaFile} is there already and differs from this version's schema: dtcost schema -o ${schemaFile} replaces it)`;
    else if (!wroteSchema.ok) {
      process.stderr.write(`dtcost: ${safeForTerminal(wroteSchema.message)}\n`);
      return EXIT.invalidInput;
    }
  }
  if (!flags.quiet) process.stderr.write(safeForTerminal(`dtcost: wrote ${target} ${schemaNote}. Next: edit it, then run dtcost estimate ${target}`) + '\n');
  return EXIT.ok;
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
