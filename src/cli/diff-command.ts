// `dtcost diff <base> <head>`: line items added, removed and changed, the total delta, and gates:
// --budget (the head's total) and --max-increase (an amount, or a percentage such as 10%); a gate
// crossed exits 1 after the full output.
import { inRange, toDecimal } from '../input/schema-kit.js';
import { checkGates, diffEstimates, type Gate } from '../estimate/diff.js';
import { diffJson, diffMarkdown, diffText } from '../render/diff.js';
import { money } from '../render/numbers.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT, UsageError } from './exit.js';
import { describeViolation } from '../render/view.js';
import { writeStdout, standardErrorTerminal } from './streams.js';
import { optionsFrom, parseAmountFlag, prepareOrReport, streamJob, type EstimateInputFlags } from './pipeline.js';

export interface DiffFlags extends EstimateInputFlags {
  format: 'table' | 'json' | 'markdown';
  maxIncrease?: string;
  color: boolean;
  quiet?: boolean;
}

function parseMaxIncrease(text: string | undefined): Gate['maxIncrease'] {
  if (text === undefined) return undefined;
  const percent = /^(.*)%$/.exec(text.trim());
  const value = toDecimal(percent ? percent[1]! : text);
  if (!value || !value.isFinite() || value.lessThan(0) || !inRange(value)) throw new UsageError(`--max-increase: expected an amount or a percentage (250, 10%), found "${text}"`);
  return percent ? { percent: value } : { amount: value };
}

export async function diffCommand(baseFile: string, headFile: string, flags: DiffFlags): Promise<number> {
  // --budget gates the head's total here; it does not become the estimates' own budget.
  const options = optionsFrom({ ...flags, budget: undefined });
  const gate: Gate = {};
  const budget = parseAmountFlag('--budget', flags.budget);
  if (budget !== undefined) gate.budget = budget;
  const maxIncrease = parseMaxIncrease(flags.maxIncrease);
  if (maxIncrease) gate.maxIncrease = maxIncrease;
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));
  const prepared = await prepareOrReport([baseFile, headFile], { ...flags, merge: false }, errStyle);
  if (!prepared) return EXIT.invalidInput;
  const base = streamJob(prepared.jobs[0]!, options);
  const head = streamJob(prepared.jobs[1]!, options);
  if (base.model !== head.model || !base.period.days.equals(head.period.days)) {
    process.stderr.write(`dtcost: the two estates differ in model or period (${base.model}, ${base.period.label} vs ${head.model}, ${head.period.label}); pass --model and --period to compare them\n`);
    return EXIT.invalidInput;
  }
  // JSON lists every row; the text and Markdown only the changed ones.
  const diff = diffEstimates(base, head, { unchanged: flags.format === 'json' });
  // The head estate's own budget gates too, as `estimate` would check it.
  const failures = [...checkGates(diff, gate, diff.head.currency, money), ...(diff.head.budget?.violations ?? []).map((v) => describeViolation(v, diff.head.currency))];
  const chunks = flags.format === 'json' ? diffJson(diff, failures) : flags.format === 'markdown' ? diffMarkdown(diff, failures) : diffText(diff);
  for (const chunk of chunks) await writeStdout(chunk);
  for (const f of failures) process.stderr.write(`dtcost: ${errStyle.red(f)}\n`);
  return failures.length > 0 ? EXIT.budgetExceeded : EXIT.ok;
}

