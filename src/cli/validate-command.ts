// `dtcost validate <file>...`: every problem of every file, or one line per valid file; exit 0 or 2.
import { sectionEntries, SECTIONS } from '../input/sections.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { writeStdout, standardErrorTerminal } from './streams.js';
import { Inputs } from './inputs.js';
import { formatDiagnostics } from './report.js';
import { validateJson, type ValidatedFile } from '../render/validate.js';
import { planInputs } from './plan-command.js';

export interface ValidateFlags {
  rates?: string;
  /** text (default): `ok:` lines, problems on standard error; json: one document on standard output. */
  format?: 'text' | 'json';
  color: boolean;
  quiet?: boolean;
}

export async function validateCommand(files: string[], flags: ValidateFlags): Promise<number> {
  const inputs = new Inputs();
  const lines: string[] = [];
  const validated: ValidatedFile[] = [];
  for (const file of files) {
    const estate = inputs.estate(file);
    const invalid = () => validated.push({ file: estate?.file ?? file, entries: null });
    if (!estate) {
      invalid();
      continue;
    }
    if (!inputs.rateCard(estate, flags.rates)) {
      invalid();
      continue;
    }
    const before = inputs.diagnostics.length;
    await inputs.activities(estate);
    // A plan's keys checked together: the files its changes add, its years' rate cards, its dates.
    if (estate.data.contract !== undefined) await planInputs(inputs, estate, flags.rates, false);
    if (inputs.diagnostics.length > before) {
      invalid();
      continue;
    }
    const counts = SECTIONS.map((s) => [s, sectionEntries(estate.data, s).length] as const).filter(([, n]) => n > 0);
    const summary = counts.length > 0 ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no entries';
    lines.push(`ok: ${estate.file} (${summary})`);
    validated.push({ file: estate.file, entries: Object.fromEntries(counts) });
  }
  if (flags.format === 'json') {
    await writeStdout(validateJson(validated, inputs.diagnostics));
    return inputs.diagnostics.length > 0 ? EXIT.invalidInput : EXIT.ok;
  }
  if (inputs.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(inputs.diagnostics, await styleFor(wantsColor(standardErrorTerminal(), flags.color))).replace('nothing was estimated', 'the files above are invalid'));
    if (!flags.quiet && lines.length > 0) await writeStdout(`${lines.join('\n')}\n`);
    return EXIT.invalidInput;
  }
  if (!flags.quiet) await writeStdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
