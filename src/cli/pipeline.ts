// The pipeline every estimating command shares: flags to options, files to validated estates (with
// their rate cards and activity files), estates to estimates. Every input problem is collected
// first; with any, the caller prints them and exits 2 before anything is estimated.
import type { Model } from '../core/capabilities.js';
import type { D } from '../core/decimal.js';
import type { ActivitySummary } from '../input/activity.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { mergeEstates, originOf } from '../input/merge.js';
import { inRange, toDecimal } from '../input/schema-kit.js';
import { parsePeriod, PERIOD_HELP, type Period } from '../core/period.js';
import { currencyConflict, describeCurrencyConflict } from '../estimate/currency.js';
import { DAY_MS, nextMonth, parseDate, parseMonth, spanPeriod } from '../core/calendar.js';
import { streamEstimate, type EstimateOptions, type EstimateStream } from '../estimate/run.js';
import type { RateCard } from '../pricing/rate-card.js';
import type { Style } from '../render/style.js';
import { UsageError } from './exit.js';
import { formatDiagnostics } from './report.js';
import { Inputs, type LoadedEstate } from './inputs.js';
import type { ReadFile } from './output-file.js';

/** The flags that shape an estimate, as commander gives them. */
export interface EstimateInputFlags {
  model?: Model;
  period?: string;
  rates?: string;
  currency?: string;
  budget?: string;
  merge?: boolean;
  /** A calendar span instead of --period: the first day (or month) and the last, inclusive (UTC). */
  from?: string;
  to?: string;
}

export function parsePeriodFlag(text: string | undefined): Period | undefined {
  if (text === undefined) return undefined;
  const period = parsePeriod(text.trim());
  if (!period) throw new UsageError(`--period: expected ${PERIOD_HELP}, found "${text}"`);
  return period;
}

export function parseAmountFlag(flag: string, text: string | undefined): D | undefined {
  if (text === undefined) return undefined;
  const amount = toDecimal(text);
  if (!amount || !amount.isFinite() || amount.lessThan(0) || !inRange(amount)) throw new UsageError(`${flag}: expected an amount ≥ 0 (below 1e15), found "${text}"`);
  return amount;
}

function parseCurrencyFlag(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[A-Za-z]{3}$/.test(text)) throw new UsageError(`--currency: expected a three-letter currency code, found "${text}"`);
  return text.toUpperCase();
}

/**
 * `--from <date|month> --to <date|month>`: the calendar span from the first day of `from` to the
 * last day of `to`, both inclusive (as Dynatrace counts a contract: 00:00:00 on the start date to
 * 23:59:59 on the end date, UTC), with its real hours: 2027-01..2027-03 is 90 days, 2,160 h.
 */
export function parseSpanFlags(from: string | undefined, to: string | undefined): Period | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined) throw new UsageError(`--from and --to go together: found only ${from === undefined ? '--to' : '--from'}`);
  const start = parseDate(from.trim()) ?? parseMonth(from.trim());
  if (start === undefined) throw new UsageError(`--from: expected a date YYYY-MM-DD or a month YYYY-MM (UTC), found "${from}"`);
  const lastDay = parseDate(to.trim());
  const lastMonth = lastDay === undefined ? parseMonth(to.trim()) : undefined;
  if (lastDay === undefined && lastMonth === undefined) throw new UsageError(`--to: expected a date YYYY-MM-DD or a month YYYY-MM (UTC), found "${to}"`);
  const end = lastDay !== undefined ? lastDay + DAY_MS : nextMonth(lastMonth!);
  if (end <= start) throw new UsageError(`--to ${to} is before --from ${from}`);
  return spanPeriod(start, end);
}

/** Estimate options from the flags; a bad flag value is a UsageError. */
export function optionsFrom(flags: EstimateInputFlags): EstimateOptions {
  const options: EstimateOptions = {};
  const span = parseSpanFlags(flags.from, flags.to);
  if (span && flags.period !== undefined) throw new UsageError('--period and --from/--to: give one of them');
  const period = span ?? parsePeriodFlag(flags.period);
  const budgetTotal = parseAmountFlag('--budget', flags.budget);
  const currency = parseCurrencyFlag(flags.currency);
  if (flags.model) options.model = flags.model;
  if (period) options.period = period;
  if (budgetTotal !== undefined) options.budgetTotal = budgetTotal;
  if (currency) options.currency = currency;
  return options;
}

export interface Job {
  estate: LoadedEstate;
  card: RateCard;
  activity: Map<string, ActivitySummary>;
  origin?: EstimateOptions['origin'];
}

export type Prepared = { ok: true; jobs: Job[]; notes: string[]; reads: ReadFile[] } | { ok: false; diagnostics: Diagnostic[] };

/** Loads and checks every file; with `merge`, several files make one job. */
export async function prepare(files: readonly string[], flags: EstimateInputFlags): Promise<Prepared> {
  const inputs = new Inputs();
  const estates = files.map((f) => inputs.estate(f)).filter((e): e is LoadedEstate => e !== undefined);
  const jobs: Job[] = [];
  const notes: string[] = [];
  if (flags.merge && estates.length === files.length && estates.length > 1) {
    const merged = mergeEstates(estates);
    inputs.report(merged.diagnostics);
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
  // Amounts are never relabelled: every price the estimate may apply is in the currency it reports in.
  const labelFlag = flags.currency?.toUpperCase();
  for (const job of jobs) {
    const model = flags.model ?? job.estate.data.licensing;
    const conflict = currencyConflict(job.estate.data, model, job.card, labelFlag ?? job.estate.data.currency ?? job.card.currency, job.activity);
    if (!conflict) continue;
    // Said where the currency comes from: the flag, the estate's `currency` key (located), or the rate card.
    const fromEstate = labelFlag === undefined && job.estate.data.currency !== undefined;
    const where = labelFlag !== undefined
      ? { file: '--currency' }
      : fromEstate
        ? { file: job.estate.file, position: job.estate.document.locate(['currency']), path: 'currency' }
        : { file: job.card.files.at(-1) ?? job.estate.file };
    inputs.report([{ ...where, message: describeCurrencyConflict(conflict) }]);
  }
  return inputs.diagnostics.length > 0 ? { ok: false, diagnostics: inputs.diagnostics } : { ok: true, jobs, notes, reads: inputs.reads };
}

/**
 * `prepare`, with every input problem written to stderr: undefined then, and the command exits 2
 * (EXIT.invalidInput) before anything is estimated.
 */
export async function prepareOrReport(files: readonly string[], flags: EstimateInputFlags, errStyle: Style): Promise<{ jobs: Job[]; notes: string[]; reads: ReadFile[] } | undefined> {
  const prepared = await prepare(files, flags);
  if (prepared.ok) return prepared;
  process.stderr.write(formatDiagnostics(prepared.diagnostics, errStyle));
  return undefined;
}

/** The job's estimate, made as its line items are read (streamEstimate). */
export function streamJob(job: Job, options: EstimateOptions): EstimateStream {
  return streamEstimate(job.estate.data, job.card, job.estate.file, { ...options, activity: job.activity, ...(job.origin ? { origin: job.origin } : {}) });
}
