// `dtcost rates [--rates file]`: the merged rate card, every price with its unit, grade and source.
import { ratesCsv, ratesJson, ratesText } from '../render/rates.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { writeStdout, standardErrorTerminal } from './streams.js';
import { Inputs } from './inputs.js';
import { formatDiagnostics } from './report.js';

export interface RatesFlags {
  rates?: string;
  format: 'table' | 'json' | 'csv' | 'markdown';
  color: boolean;
}

export async function ratesCommand(flags: RatesFlags): Promise<number> {
  const inputs = new Inputs();
  const card = inputs.rateCard(undefined, flags.rates);
  if (!card) {
    process.stderr.write(formatDiagnostics(inputs.diagnostics, await styleFor(wantsColor(standardErrorTerminal(), flags.color))).replace('nothing was estimated', 'no rate card'));
    return EXIT.invalidInput;
  }
  const out = flags.format === 'json' ? ratesJson(card) : flags.format === 'csv' ? ratesCsv(card) : ratesText(card, flags.format === 'markdown');
  await writeStdout(out);
  return EXIT.ok;
}
