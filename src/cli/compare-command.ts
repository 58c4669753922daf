// `dtcost compare <estate>`: the same estate under DPS and classic licensing, side by side.
import { compareEstimates } from '../estimate/compare.js';
import { safeForTerminal } from '../core/safe-text.js';
import { compareJson, compareMarkdown, compareText } from '../render/compare.js';
import { money } from '../render/numbers.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { writeStdout } from './streams.js';
import { optionsFrom, prepareOrReport, streamJob, type EstimateInputFlags } from './pipeline.js';

export interface CompareFlags extends Omit<EstimateInputFlags, 'model' | 'merge' | 'budget'> {
  format: 'table' | 'json' | 'markdown';
  color: boolean;
  quiet?: boolean;
}

export async function compareCommand(file: string, flags: CompareFlags): Promise<number> {
  const options = optionsFrom(flags);
  const errStyle = await styleFor(wantsColor(process.stderr, flags.color));
  const prepared = await prepareOrReport([file], flags, errStyle);
  if (!prepared) return EXIT.invalidInput;
  const job = prepared.jobs[0]!;
  const comparison = compareEstimates(streamJob(job, { ...options, model: 'dps' }), streamJob(job, { ...options, model: 'classic' }), money);
  const { dps, classic } = comparison;
  const out = flags.format === 'json' ? compareJson(comparison) : flags.format === 'markdown' ? compareMarkdown(comparison) : compareText(comparison, await styleFor(wantsColor(process.stdout, flags.color)));
  await writeStdout(out);
  if (!flags.quiet) {
    const warnings = [...new Set([...dps.warnings, ...classic.warnings].filter((w) => w.code !== 'unpriced' && w.code !== 'ignored').map((w) => `${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${safeForTerminal(w.message)}`))];
    if (warnings.length > 0) process.stderr.write(`${warnings.join('\n')}\n`);
  }
  return EXIT.ok;
}
