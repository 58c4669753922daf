// `dtcost compare <estate>`: the same estate under DPS and classic licensing, side by side. Each side
// may have its own contract's rate card (`--rates-dps`, `--rates-classic`), merged over the built-in
// card, the estate's `rates` and `--rates`: one contract's prices and discount never reach the other.
import type { Model } from '../core/capabilities.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { loadText, readInput } from '../input/load.js';
import { compareEstimates } from '../estimate/compare.js';
import { currencyConflict, describeCurrencyConflict } from '../estimate/currency.js';
import { mergeRateCard, rateCardSchema, type RateCardData } from '../pricing/rate-card.js';
import { safeForTerminal } from '../core/safe-text.js';
import { compareJson, compareMarkdown, compareText } from '../render/compare.js';
import { money } from '../render/numbers.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT, UsageError } from './exit.js';
import { writeStdout, standardErrorTerminal, standardOutputTerminal } from './streams.js';
import { optionsFrom, prepare, streamJob, type EstimateInputFlags, type Job } from './pipeline.js';
import { contractPrices } from './inputs.js';
import { formatDiagnostics } from './report.js';

export interface CompareFlags extends Omit<EstimateInputFlags, 'model' | 'merge' | 'budget'> {
  format: 'table' | 'json' | 'markdown';
  color: boolean;
  quiet?: boolean;
  /** A rate card for the DPS side only, and one for the classic side only. */
  ratesDps?: string;
  ratesClassic?: string;
}

/** The rate card of one side, read and checked: its data, or its problems. */
function modelCard(flag: string, path: string | undefined, diagnostics: Diagnostic[]): { data: RateCardData; file: string } | undefined {
  if (path === undefined) return undefined;
  if (path === '-') throw new UsageError(`${flag}: expected a file (standard input is for the estate)`);
  const input = readInput(path, () => ({ ok: false, message: 'standard input is for the estate' }));
  if (!input.ok) {
    diagnostics.push(...input.diagnostics);
    return undefined;
  }
  const loaded = loadText(input.input, rateCardSchema(), 'a rate card (a mapping with prices)');
  if (!loaded.ok) {
    diagnostics.push(...loaded.diagnostics);
    return undefined;
  }
  return { data: loaded.data, file: path };
}

export async function compareCommand(file: string, flags: CompareFlags): Promise<number> {
  const options = optionsFrom(flags);
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  // Every problem at once: the estate's, its rate cards', and each side's card.
  const diagnostics: Diagnostic[] = [];
  const cards: Record<Model, { data: RateCardData; file: string } | undefined> = {
    dps: modelCard('--rates-dps', flags.ratesDps, diagnostics),
    classic: modelCard('--rates-classic', flags.ratesClassic, diagnostics),
  };
  const prepared = await prepare([file], flags);
  if (!prepared.ok) diagnostics.unshift(...prepared.diagnostics);
  if (!prepared.ok || diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(diagnostics, errStyle));
    return EXIT.invalidInput;
  }
  const job = prepared.jobs[0]!;
  const sides: Record<Model, Job> = { dps: job, classic: job };
  for (const model of ['dps', 'classic'] as const) {
    const card = cards[model];
    if (!card) continue;
    // The side's card over the estate's cards, and the contract's own prices (license.prices) over both.
    const side = { ...job, card: contractPrices(mergeRateCard(job.card, card.data, card.file), job.estate) };
    sides[model] = side;
    // Each side's amounts are in its own card's currency (or --currency, or the estate's): never relabelled.
    const label = flags.currency?.toUpperCase() ?? job.estate.data.currency ?? side.card.currency;
    const conflict = currencyConflict(job.estate.data, model, side.card, label, job.activity);
    if (conflict) diagnostics.push({ file: card.file, message: describeCurrencyConflict(conflict) });
  }
  if (diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(diagnostics, errStyle));
    return EXIT.invalidInput;
  }
  const side = (model: Model): Job => sides[model];
  const comparison = compareEstimates(streamJob(side('dps'), { ...options, model: 'dps' }), streamJob(side('classic'), { ...options, model: 'classic' }), money);
  const { dps, classic } = comparison;
  const out = flags.format === 'json' ? compareJson(comparison) : flags.format === 'markdown' ? compareMarkdown(comparison) : compareText(comparison, await styleFor(wantsColor(standardOutputTerminal(), flags.color)));
  await writeStdout(out);
  if (!flags.quiet) {
    const warnings = [...new Set([...dps.warnings, ...classic.warnings].filter((w) => w.code !== 'unpriced' && w.code !== 'ignored').map((w) => `${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${safeForTerminal(w.message)}`))];
    if (warnings.length > 0) process.stderr.write(`${warnings.join('\n')}\n`);
  }
  return EXIT.ok;
}
