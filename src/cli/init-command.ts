// `dtcost init [file]`: writes a commented starter estate (never over an existing file without
// --force); `-` writes it to standard output.
import { EXIT } from './exit.js';
import { writeStdout } from './streams.js';
import { writeOutputFile } from './output-file.js';
import { STARTER_ESTATE } from './starter.js';

export async function initCommand(file: string | undefined, flags: { force?: boolean; quiet?: boolean }): Promise<number> {
  const target = file ?? 'estate.yaml';
  if (target === '-') {
    await writeStdout(STARTER_ESTATE);
    return EXIT.ok;
  }
  // Without --force an existing file is never replaced, even one made while this one is written.
  const written = await writeOutputFile(target, [STARTER_ESTATE], { noClobber: !flags.force });
  if (!written.ok) {
    process.stderr.write(`dtcost: ${written.message}${written.message.endsWith('already exists') ? '; pass --force to overwrite it' : ''}\n`);
    return EXIT.invalidInput;
  }
  if (!flags.quiet) {
    process.stderr.write(`dtcost: wrote ${target}. Next: edit it, then run dtcost estimate ${target}\n(For editor completion: dtcost schema --output dtcost.schema.json, next to it.)\n`);
  }
  return EXIT.ok;
}
