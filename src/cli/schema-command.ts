// `dtcost schema`: JSON Schema of the estate format, for editors; with --output-format <command>,
// the JSON Schema of that command's JSON output.
import { estateJsonSchema } from '../input/json-schema.js';
import { outputJsonSchema, type OutputCommand } from '../render/output-schemas.js';
import { EXIT } from './exit.js';
import { safeForTerminal } from '../core/safe-text.js';
import { writeStdout } from './streams.js';
import { writeOutputFile } from './output-file.js';

export function schemaText(outputOf?: OutputCommand): string {
  return `${JSON.stringify(outputOf === undefined ? estateJsonSchema() : outputJsonSchema(outputOf), null, 2)}\n`;
}

export async function schemaCommand(flags: { output?: string; outputFormat?: OutputCommand }): Promise<number> {
  const text = schemaText(flags.outputFormat);
  if (flags.output === undefined) await writeStdout(text);
  else {
    const written = await writeOutputFile(flags.output, [text]);
    if (!written.ok) {
      process.stderr.write(`dtcost: ${safeForTerminal(written.message)}\n`);
      return EXIT.invalidInput;
    }
  }
  return EXIT.ok;
}
