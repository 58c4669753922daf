// `dtcost explain <estate> [item-id]`: every line item (or the ones whose id starts with item-id)
// with its formula, inputs and their lines, rule, source document and price.
import { didYouMean } from '../input/suggest.js';
import { explain } from '../estimate/explain.js';
import { safeForTerminal } from '../core/safe-text.js';
import { explainJson, explainMarkdown, explainText } from '../render/explain.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { writeStdout } from './streams.js';
import type { LineItem } from '../pricing/price.js';
import { optionsFrom, prepareOrReport, streamJob, type EstimateInputFlags } from './pipeline.js';

export interface ExplainFlags extends EstimateInputFlags {
  format: 'table' | 'json' | 'markdown';
  color: boolean;
}

export async function explainCommand(file: string, itemId: string | undefined, flags: ExplainFlags): Promise<number> {
  const options = optionsFrom(flags);
  const errStyle = await styleFor(wantsColor(process.stderr, flags.color));
  const prepared = await prepareOrReport([file], flags, errStyle);
  if (!prepared) return EXIT.invalidInput;
  const job = prepared.jobs[0]!;
  // Streamed: of a large estate's items, only those asked for are kept (and every id, for a
  // did-you-mean when none is).
  const stream = streamJob(job, options);
  const ids: string[] = [];
  const items: LineItem[] = [];
  for (const item of stream.lineItems) {
    if (itemId === undefined || item.id === itemId || item.id.startsWith(itemId)) items.push(item);
    else ids.push(item.id);
  }
  const estimate = stream.tail();
  if (items.length === 0) {
    const near = itemId === undefined ? undefined : didYouMean(itemId, ids);
    process.stderr.write(safeForTerminal(`dtcost: no line item ${itemId === undefined ? '' : `"${itemId}" `}in ${file}${near ? ` (did you mean "${near}"?)` : ids.length > 0 ? `; its items are: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}` : ''}`) + '\n');
    return EXIT.invalidInput;
  }
  const explanations = explain(job.estate.document, items);
  const chunks =
    flags.format === 'json'
      ? explainJson(estimate, explanations)
      : flags.format === 'markdown'
        ? explainMarkdown(estimate, explanations)
        : explainText(estimate, explanations, await styleFor(wantsColor(process.stdout, flags.color)));
  for (const chunk of chunks) await writeStdout(chunk);
  return EXIT.ok;
}
