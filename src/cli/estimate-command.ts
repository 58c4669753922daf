// `dtcost estimate <file>...`: load and check everything first, estimate, render everything into
// one string, then write it at once: an invalid input prints no partial result.
import { writeFileSync } from 'node:fs';
import type { Model } from '../capabilities.js';
import type { D } from '../decimal.js';
import type { ActivitySummary } from '../estate/activity.js';
import { mergeEstates, originOf } from '../estate/merge.js';
import { toDecimal } from '../estate/schema-kit.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../estimate/period.js';
import { runEstimate, type Estimate, type EstimateOptions } from '../estimate/run.js';
import type { RateCard } from '../pricing/rate-card.js';
import { renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import type { Style } from '../render/style.js';
import { renderTable } from '../render/table.js';
import { describeViolation } from '../render/view.js';
import { VERSION } from '../version.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT, UsageError } from './exit.js';
import { Inputs, type LoadedEstate } from './inputs.js';
import { formatDiagnostics } from './report.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface EstimateFlags {
  model?: Model;
  period?: string;
  rates?: string;
  currency?: string;
  format: Format;
  output?: string;
  budget?: string;
  merge?: boolean;
  color: boolean;
  quiet?: boolean;
}

export function parsePeriodFlag(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const period = parsePeriod(text.trim());
  if (!period) throw new UsageError(`--period: expected ${PERIOD_HELP}, found "${text}"`);
  return period;
}

function parseBudgetFlag(text: string | undefined): D | undefined {
  if (text === undefined) return undefined;
  const amount = toDecimal(text);
  if (!amount || !amount.isFinite() || amount.lessThan(0)) throw new UsageError(`--budget: expected an amount ≥ 0, found "${text}"`);
  return amount;
}

function parseCurrencyFlag(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(text)) throw new UsageError(`--currency: expected a three-letter currency code, found "${text}"`);
  return text.toUpperCase();
}

function render(format: Format, estimates: Estimate[], style: Style): string {
  switch (format) {
    case 'json':
      return renderJson(estimates, VERSION);
    case 'csv':
      return renderCsv(estimates);
    case 'markdown':
      return renderMarkdown(estimates);
    default:
      return renderTable(estimates, style);
  }
}

interface Job {
  estate: LoadedEstate;
  card: RateCard;
  activity: Map<string, ActivitySummary>;
  origin?: EstimateOptions['origin'];
}

export async function estimateCommand(files: string[], flags: EstimateFlags): Promise<number> {
  const options: EstimateOptions = {};
  const period = parsePeriodFlag(flags.period);
  const budgetTotal = parseBudgetFlag(flags.budget);
  const currency = parseCurrencyFlag(flags.currency);
  if (flags.model) options.model = flags.model;
  if (period) options.period = period;
  if (budgetTotal !== undefined) options.budgetTotal = budgetTotal;
  if (currency) options.currency = currency;

  const errStyle = await styleFor(wantsColor(process.stderr, flags.color));
  const inputs = new Inputs();
  const estates = files.map((f) => inputs.estate(f)).filter((e): e is LoadedEstate => e !== undefined);
  const jobs: Job[] = [];
  const notes: string[] = [];
  if (flags.merge && estates.length === files.length && estates.length > 1) {
    const merged = mergeEstates(estates);
    inputs.diagnostics.push(...merged.diagnostics);
    const first = estates[0]!;
    const card = inputs.rateCard(first, flags.rates);
    const activity = new Map<string, ActivitySummary>();
    for (const e of estates) for (const [name, summary] of await inputs.activities(e)) activity.set(name, summary);
    if (card) jobs.push({ estate: { ...first, data: merged.data }, card, activity, origin: (path) => originOf(merged, path) });
    for (const setting of merged.ignored) notes.push(`--merge: ${setting} differs from the first file's and is ignored`);
  } else {
    for (const estate of estates) {
      const card = inputs.rateCard(estate, flags.rates);
      const activity = await inputs.activities(estate);
      if (card) jobs.push({ estate, card, activity });
    }
  }
  if (inputs.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(inputs.diagnostics, errStyle));
    return EXIT.invalidInput;
  }

  const estimates = jobs.map((job) =>
    runEstimate(job.estate.data, job.card, job.estate.file, { ...options, activity: job.activity, ...(job.origin ? { origin: job.origin } : {}) }),
  );
  const toTerminal = flags.output === undefined;
  const outStyle = await styleFor(toTerminal && flags.format === 'table' && wantsColor(process.stdout, flags.color));
  const text = render(flags.format, estimates, outStyle);

  if (flags.output !== undefined) {
    try {
      writeFileSync(flags.output, text);
    } catch (err) {
      process.stderr.write(`dtcost: cannot write ${flags.output}: ${(err as Error).message}\n`);
      return EXIT.invalidInput;
    }
  } else {
    process.stdout.write(text);
  }

  const several = estimates.length > 1;
  const stderr: string[] = [];
  if (!flags.quiet) {
    for (const note of notes) stderr.push(`${errStyle.yellow('warning')}: ${note}`);
    for (const e of estimates) {
      for (const w of e.warnings) stderr.push(`${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${several ? `${e.file}: ` : ''}${w.message}`);
    }
    if (flags.output !== undefined) stderr.push(`dtcost: wrote ${flags.output}`);
  }
  let exceeded = false;
  for (const e of estimates) {
    for (const v of e.budget?.violations ?? []) {
      exceeded = true;
      stderr.push(`dtcost: ${several ? `${e.file}: ` : ''}${errStyle.red(describeViolation(v, e.currency))}`);
    }
  }
  if (stderr.length > 0) process.stderr.write(`${stderr.join('\n')}\n`);
  return exceeded ? EXIT.budgetExceeded : EXIT.ok;
}
