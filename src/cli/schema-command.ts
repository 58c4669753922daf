// `dtcost schema`: JSON Schema of the estate format, for editors.
import { estateJsonSchema } from '../input/json-schema.js';
import { EXIT } from './exit.js';
import { writeStdout } from './streams.js';
import { writeOutputFile } from './output-file.js';

export function schemaText(): string {
  return `${JSON.stringify(estateJsonSchema(), null, 2)}\n`;
}

export async function schemaCommand(flags: { output?: string }): Promise<number> {
  const text = schemaText();
  if (flags.output === undefined) await writeStdout(text);
  else {
    const written = await writeOutputFile(flags.output, [text]);
    if (!written.ok) {
      process.stderr.write(`dtcost: ${written.message}\n`);
      return EXIT.invalidInput;
    }
  }
  return EXIT.ok;
}
