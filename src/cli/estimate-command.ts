// `dtcost estimate <file>...`: load and check everything first, estimate, then render and write in
// chunks: every input problem is found before the first chunk, so an invalid input prints nothing.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { EstimateHead, EstimateOptions, EstimateTail } from '../estimate/run.js';
import { csvChunks } from '../render/csv.js';
import { jsonChunks } from '../render/json.js';
import { markdownChunks } from '../render/markdown.js';
import type { Style } from '../render/style.js';
import { tableChunks } from '../render/table.js';
import { describeViolation } from '../render/view.js';
import { VERSION } from '../version.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { estimateJob, optionsFrom, prepareOrReport, streamJob, type EstimateInputFlags, type Job } from './pipeline.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface EstimateFlags extends EstimateInputFlags {
  format: Format;
  output?: string;
  color: boolean;
  quiet?: boolean;
}

/**
 * The output in chunks: every format streams (a large estate's output is never held whole). JSON
 * and CSV write each line item as it is made; the table and Markdown group and sum the items
 * first, so they estimate first. `results` gives each estimate's totals, budget and warnings once
 * the chunks have all been written.
 */
function render(format: Format, jobs: Job[], options: EstimateOptions, style: Style): { chunks: Iterable<string>; results: () => (EstimateHead & EstimateTail)[] } {
  if (format === 'json' || format === 'csv') {
    const streams = jobs.map((job) => streamJob(job, options));
    return { chunks: format === 'json' ? jsonChunks(streams, VERSION) : csvChunks(streams), results: () => streams.map((s) => ({ ...s, ...s.tail() })) };
  }
  const estimates = jobs.map((job) => estimateJob(job, options));
  return { chunks: format === 'markdown' ? markdownChunks(estimates) : tableChunks(estimates, style), results: () => estimates };
}

export async function estimateCommand(files: string[], flags: EstimateFlags): Promise<number> {
  const options = optionsFrom(flags);
  const errStyle = await styleFor(wantsColor(process.stderr, flags.color));
  const prepared = await prepareOrReport(files, flags, errStyle);
  if (!prepared) return EXIT.invalidInput;
  const { jobs, notes } = prepared;
  const toTerminal = flags.output === undefined;
  const outStyle = await styleFor(toTerminal && flags.format === 'table' && wantsColor(process.stdout, flags.color));
  const { chunks, results } = render(flags.format, jobs, options, outStyle);

  if (flags.output !== undefined) {
    let fd: number | undefined;
    try {
      fd = openSync(flags.output, 'w');
      for (const chunk of chunks) writeSync(fd, chunk);
    } catch (err) {
      process.stderr.write(`dtcost: cannot write ${flags.output}: ${(err as Error).message}\n`);
      return EXIT.invalidInput;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  } else {
    for (const chunk of chunks) process.stdout.write(chunk);
  }

  const estimates = results();
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
