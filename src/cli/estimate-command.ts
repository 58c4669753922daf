// `dtcost estimate <file>...`: load and check everything first, estimate, then render and write in
// chunks: every input problem is found before the first chunk, so an invalid input prints nothing.
import type { EstimateStream } from '../estimate/run.js';
import { csvChunks } from '../render/csv.js';
import { jsonChunks } from '../render/json.js';
import { markdownChunks } from '../render/markdown.js';
import type { Style } from '../render/style.js';
import { tableChunks, type TableLayout } from '../render/table.js';
import { describeViolation } from '../render/view.js';
import { VERSION } from '../core/version.js';
import { safeForTerminal } from '../core/safe-text.js';
import { styleFor, wantsColor } from './color.js';
import { outputColumns } from './columns.js';
import { EXIT } from './exit.js';
import { writeStdout, standardErrorTerminal, standardOutputTerminal } from './streams.js';
import { refuseTarget, writeOutputFile } from './output-file.js';
import { optionsFrom, prepareOrReport, streamJob, type EstimateInputFlags } from './pipeline.js';

import { FORMATS, type Format } from './formats.js';
export { FORMATS, type Format };

export interface EstimateFlags extends EstimateInputFlags {
  format: Format;
  /** The table as wide as its cells instead of fitted to the terminal. */
  wide?: boolean;
  output?: string;
  color: boolean;
  quiet?: boolean;
}

/**
 * The output in chunks, each estimate made as it is rendered: JSON and CSV write each line item as
 * it is made; the table and Markdown keep each item's text until the estimate is whole (their
 * widths and groups need every item). A large estate's items never all live at once.
 */
function render(format: Format, estimates: readonly EstimateStream[], style: Style, layout: TableLayout): Iterable<Uint8Array> {
  switch (format) {
    case 'json':
      return jsonChunks(estimates, VERSION);
    case 'csv':
      return csvChunks(estimates);
    case 'markdown':
      return markdownChunks(estimates);
    default:
      return tableChunks(estimates, style, layout);
  }
}

export async function estimateCommand(files: string[], flags: EstimateFlags): Promise<number> {
  const options = optionsFrom(flags);
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  const prepared = await prepareOrReport(files, flags, errStyle);
  if (!prepared) return EXIT.invalidInput;
  const { jobs, notes } = prepared;
  if (flags.output !== undefined) {
    const refused = refuseTarget(flags.output, prepared.reads);
    if (refused) {
      process.stderr.write(`dtcost: -o ${safeForTerminal(flags.output)}: ${safeForTerminal(refused)}\n`);
      return EXIT.invalidInput;
    }
  }
  const toTerminal = flags.output === undefined;
  const outStyle = await styleFor(toTerminal && flags.format === 'table' && wantsColor(standardOutputTerminal(), flags.color));
  const streams = jobs.map((job) => streamJob(job, options));
  // The table fits the terminal it is printed on (a file written with -o: COLUMNS, or 120).
  const layout: TableLayout = { columns: outputColumns(toTerminal ? standardOutputTerminal() : undefined), wide: flags.wide === true };
  const chunks = render(flags.format, streams, outStyle, layout);

  if (flags.output !== undefined) {
    // Written beside and renamed over the target (output-file.ts); an error of the chunks
    // themselves (the rules run as they are written) is a bug (exit 3), and leaves no file either.
    const written = await writeOutputFile(flags.output, chunks);
    if (!written.ok) {
      process.stderr.write(`dtcost: ${safeForTerminal(written.message)}\n`);
      return EXIT.invalidInput;
    }
  } else {
    for (const chunk of chunks) await writeStdout(chunk);
  }

  // Each estimate's totals, budget and warnings, now that its items have all been written.
  const estimates = streams.map((s) => s.tail());
  const several = estimates.length > 1;
  const stderr: string[] = [];
  if (!flags.quiet) {
    // Warnings name entries and files of the input: escaped for the terminal.
    for (const note of notes) stderr.push(`${errStyle.yellow('warning')}: ${safeForTerminal(note)}`);
    for (const e of estimates) {
      for (const w of e.warnings) stderr.push(`${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${several ? `${safeForTerminal(e.file)}: ` : ''}${safeForTerminal(w.message)}`);
    }
    if (flags.output !== undefined) stderr.push(`dtcost: wrote ${safeForTerminal(flags.output)}`);
  }
  let exceeded = false;
  for (const e of estimates) {
    for (const v of e.budget?.violations ?? []) {
      exceeded = true;
      stderr.push(`dtcost: ${several ? `${safeForTerminal(e.file)}: ` : ''}${errStyle.red(safeForTerminal(describeViolation(v, e.currency)))}`);
    }
  }
  if (stderr.length > 0) process.stderr.write(`${stderr.join('\n')}\n`);
  return exceeded ? EXIT.budgetExceeded : EXIT.ok;
}
