// `dtcost init [file]`: writes a commented starter estate (never over an existing file without
// --force); `-` writes it to standard output.
import { existsSync, writeFileSync } from 'node:fs';
import { EXIT } from './exit.js';
import { STARTER_ESTATE } from './starter.js';

export function initCommand(file: string | undefined, flags: { force?: boolean; quiet?: boolean }): number {
  const target = file ?? 'estate.yaml';
  if (target === '-') {
    process.stdout.write(STARTER_ESTATE);
    return EXIT.ok;
  }
  if (existsSync(target) && !flags.force) {
    process.stderr.write(`dtcost: ${target} already exists; pass --force to overwrite it\n`);
    return EXIT.invalidInput;
  }
  try {
    writeFileSync(target, STARTER_ESTATE);
  } catch (err) {
    process.stderr.write(`dtcost: cannot write ${target}: ${(err as Error).message}\n`);
    return EXIT.invalidInput;
  }
  if (!flags.quiet) {
    process.stderr.write(`dtcost: wrote ${target}. Next: edit it, then run dtcost estimate ${target}\n(For editor completion: dtcost schema --output dtcost.schema.json, next to it.)\n`);
  }
  return EXIT.ok;
}
