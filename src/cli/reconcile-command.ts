// `dtcost reconcile <estate> <usage>...`: actual usage (billing usage events, DPS API usage/cost
// JSON) against the estimate of the estate for the events' span; `--to-estate` turns usage into a
// starting estate instead. Every input problem (estate and usage files) is reported at once, exit
// 2, nothing printed; --max-variance exits 1 after the full output.
import { existsSync } from 'node:fs';
import { D } from '../core/decimal.js';
import { VERSION } from '../core/version.js';
import { toDecimal } from '../input/schema-kit.js';
import { collectUsage } from '../reconcile/collect.js';
import { reconcile } from '../reconcile/compare.js';
import { spanPeriod } from '../reconcile/span.js';
import { usageEstate } from '../reconcile/to-estate.js';
import { reconcileCsv, reconcileJson, reconcileMarkdown, reconcileText } from '../render/reconcile.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT, UsageError } from './exit.js';
import { prepare, streamJob } from './pipeline.js';
import { formatDiagnostics } from './report.js';
import { refuseTarget, writeOutputFile } from './output-file.js';
import { writeStdout, standardErrorTerminal, standardOutputTerminal } from './streams.js';
import type { Diagnostic } from '../input/diagnostics.js';

import { RECONCILE_FORMATS } from './register.js';
export { RECONCILE_FORMATS };

export interface ReconcileFlags {
  format: (typeof RECONCILE_FORMATS)[number];
  maxVariance?: string;
  toEstate?: boolean;
  output?: string;
  force?: boolean;
  rates?: string;
  color: boolean;
  quiet?: boolean;
}

export function parsePercent(flag: string, text: string): D {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const value = m ? toDecimal(m[1]!) : undefined;
  if (!value || !value.isFinite()) throw new UsageError(`${flag}: expected a percentage ≥ 0 (10 or 10%), found "${text}"`);
  return value;
}

/** The text to standard output, or to `output` (atomically: output-file.ts); a problem in words. */
async function write(output: string | undefined, text: string): Promise<string | undefined> {
  if (output === undefined) {
    await writeStdout(text);
    return undefined;
  }
  const done = await writeOutputFile(output, [text]);
  return done.ok ? undefined : done.reason;
}

export async function reconcileCommand(files: string[], flags: ReconcileFlags): Promise<number> {
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  const fail = (diagnostics: Diagnostic[], what = 'nothing was reconciled') => {
    process.stderr.write(formatDiagnostics(diagnostics, errStyle).replace('nothing was estimated', what));
    return EXIT.invalidInput;
  };
  const maxVariance = flags.maxVariance === undefined ? undefined : parsePercent('--max-variance', flags.maxVariance);
  if (files.includes('-')) throw new UsageError('reconcile reads files, not standard input (usage files are read again when they hold refreshed events)');
  if (flags.output) {
    const refused = refuseTarget(flags.output, files.map((path) => ({ path, role: 'a file' })));
    if (refused) return fail([{ file: flags.output, message: `-o: ${refused}` }], 'nothing was written');
  }

  if (flags.toEstate) {
    if (flags.output && existsSync(flags.output) && !flags.force) return fail([{ file: flags.output, message: 'already exists; pass --force to overwrite it' }], 'nothing was written');
    const collected = collectUsage(files);
    if (!collected.ok) return fail(collected.diagnostics, 'nothing was written');
    const made = usageEstate(collected.usage, `dtcost reconcile --to-estate ${files.join(' ')}`);
    if (!made.ok) return fail(made.diagnostics, 'nothing was written');
    const problem = await write(flags.output, made.text);
    if (problem) return fail([{ file: flags.output!, message: `cannot write the estate: ${problem}` }], 'nothing was written');
    if (!flags.quiet) {
      const lines = [...made.notes];
      if (flags.output) lines.push(`wrote ${flags.output}: ${made.entries} ${made.entries === 1 ? 'entry' : 'entries'}. Next: dtcost estimate ${flags.output}`);
      if (lines.length > 0) process.stderr.write(lines.map((l) => `dtcost: ${l}\n`).join(''));
    }
    return EXIT.ok;
  }

  if (files.length < 2) throw new UsageError('reconcile needs an estate and at least one usage file: dtcost reconcile <estate> <usage>... (or --to-estate <usage>...)');
  const [estateFile, ...usageFiles] = files;
  const prepared = await prepare([estateFile!], flags.rates ? { rates: flags.rates } : {});
  const collected = collectUsage(usageFiles);
  const problems = [...(prepared.ok ? [] : prepared.diagnostics), ...(collected.ok ? [] : collected.diagnostics)];
  if (!prepared.ok || !collected.ok) return fail(problems);
  const usage = collected.usage;
  const span = usage.totals.span;
  if (span === null || span[1] <= span[0]) {
    return fail([{ file: usageFiles[0]!, message: span === null ? 'no events or rows: there is no usage to reconcile' : 'the events span no time (usage.start equals usage.end everywhere): there is no period to estimate' }]);
  }
  const job = prepared.jobs[0]!;
  const period = spanPeriod(span[0], span[1]);
  const result = reconcile({
    usage,
    estimate: streamJob(job, { period, model: 'dps' }),
    estate: job.estate.data,
    card: job.card,
    span: { start: span[0], end: span[1] },
    ...(maxVariance !== undefined ? { maxVariancePercent: maxVariance } : {}),
  });
  const toTerminal = flags.output === undefined;
  const text =
    flags.format === 'json'
      ? reconcileJson(result, VERSION)
      : flags.format === 'csv'
        ? reconcileCsv(result)
        : flags.format === 'markdown'
          ? reconcileMarkdown(result)
          : reconcileText(result, await styleFor(toTerminal && wantsColor(standardOutputTerminal(), flags.color)));
  const problem = await write(flags.output, text);
  if (problem) return fail([{ file: flags.output!, message: `cannot write the report: ${problem}` }], 'nothing was written');
  const stderr: string[] = [];
  if (!flags.quiet) {
    for (const w of result.warnings) stderr.push(`${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${w.message}`);
    if (flags.output !== undefined) stderr.push(`dtcost: wrote ${flags.output}`);
  }
  if (result.exceeded.length > 0) stderr.push(`dtcost: ${errStyle.red(`variance over ${maxVariance!.toFixed()}%: ${result.exceeded.join(', ')}`)}`);
  if (stderr.length > 0) process.stderr.write(`${stderr.join('\n')}\n`);
  return result.exceeded.length > 0 ? EXIT.budgetExceeded : EXIT.ok;
}
