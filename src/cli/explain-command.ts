// `dtcost explain <estate> [item-id]`: every line item (or the ones whose id starts with item-id)
// with its formula, inputs and their lines, rule, source document and price.
import { didYouMean } from '../input/suggest.js';
import { explain } from '../estimate/explain.js';
import { safeForTerminal } from '../core/safe-text.js';
import { explainJson, explainMarkdown, explainText } from '../render/explain.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { writeStdout, standardErrorTerminal, standardOutputTerminal } from './streams.js';
import type { LineItem } from '../pricing/price.js';
import { optionsFrom, prepareOrReport, streamJob, type EstimateInputFlags } from './pipeline.js';
import type { EstimateStream } from '../estimate/run.js';
import type { ParsedDocument } from '../input/source.js';
import { planEngine } from '../plan/plan.js';
import { UsageError } from './exit.js';
import { loadPlan } from './plan-command.js';

export interface ExplainFlags extends EstimateInputFlags {
  format: 'table' | 'json' | 'markdown';
  color: boolean;
  /** A month of the estate's plan (`2027-06`): its items, each with the factors the plan applies. */
  month?: string;
  scenario?: string;
}

/** The stream of a plan month and the documents its items are in; undefined (reported) when the inputs are invalid. */
async function planMonth(file: string, flags: ExplainFlags): Promise<{ stream: EstimateStream; documents: Map<string, ParsedDocument> } | undefined> {
  if (flags.period !== undefined || flags.from !== undefined) throw new UsageError('--month: a plan month is its own period; drop --period/--from/--to');
  const loaded = await loadPlan(file, flags);
  if (!loaded) return undefined;
  const plan = loaded.plan;
  const row = plan.time.months.find((m) => m.label === flags.month!.trim());
  if (!row) throw new UsageError(`--month: expected a month of the contract (${plan.time.months[0]!.label} to ${plan.time.months[plan.time.months.length - 1]!.label}), found "${flags.month}"`);
  const name = flags.scenario ?? 'base';
  const scenario = plan.scenarios.find((s) => s.name === name);
  if (!scenario) throw new UsageError(`--scenario: expected one of ${plan.scenarios.map((s) => s.name).join(', ')}, found "${name}"`);
  const engine = planEngine(plan, { cards: loaded.cards, activity: loaded.activity, ...(flags.model ? { model: flags.model } : {}), ...(flags.currency ? { currency: flags.currency.toUpperCase() } : {}) });
  return { stream: engine.monthEstimate(row, scenario), documents: plan.documents };
}

export async function explainCommand(file: string, itemId: string | undefined, flags: ExplainFlags): Promise<number> {
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  let stream: EstimateStream;
  let documentOf: (file: string) => ParsedDocument;
  if (flags.month !== undefined) {
    const month = await planMonth(file, flags);
    if (!month) return EXIT.invalidInput;
    stream = month.stream;
    documentOf = (f) => month.documents.get(f) ?? month.documents.values().next().value!;
  } else {
    if (flags.scenario !== undefined) throw new UsageError('--scenario goes with --month (a month of the estate\'s plan)');
    const options = optionsFrom(flags);
    const prepared = await prepareOrReport([file], flags, errStyle);
    if (!prepared) return EXIT.invalidInput;
    const job = prepared.jobs[0]!;
    // Streamed: of a large estate's items, only those asked for are kept (and every id, for a
    // did-you-mean when none is).
    stream = streamJob(job, options);
    documentOf = () => job.estate.document;
  }
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
  // Items of a plan month may come from the files its changes add: each is explained in its own file.
  const files = [...new Set(items.map((i) => i.file))];
  const explanations = files.length <= 1 ? explain(documentOf(files[0] ?? file), items) : items.map((i) => explain(documentOf(i.file), [i]).next().value!);
  const chunks =
    flags.format === 'json'
      ? explainJson(estimate, explanations)
      : flags.format === 'markdown'
        ? explainMarkdown(estimate, explanations)
        : explainText(estimate, explanations, await styleFor(wantsColor(standardOutputTerminal(), flags.color)));
  for (const chunk of chunks) await writeStdout(chunk);
  return EXIT.ok;
}
