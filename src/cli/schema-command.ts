// `dtcost schema`: JSON Schema of the estate format, for editors.
import { writeFileSync } from 'node:fs';
import { estateJsonSchema } from '../input/json-schema.js';
import { EXIT } from './exit.js';

export function schemaText(): string {
  return `${JSON.stringify(estateJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(flags: { output?: string }): number {
  const text = schemaText();
  if (flags.output === undefined) process.stdout.write(text);
  else {
    try {
      writeFileSync(flags.output, text);
    } catch (err) {
      process.stderr.write(`dtcost: cannot write ${flags.output}: ${(err as Error).message}\n`);
      return EXIT.invalidInput;
    }
  }
  return EXIT.ok;
}
