// `dtcost plan <estate>`: the estate over its contract, month by month (src/plan). Everything is read
// and checked first (the estate, the files its changes add, each year's rate card, the activity
// files by month); with any problem, nothing is printed but the problems (exit 2). The gates are
// checked after the full output: exit 1 when one is crossed, with the first month that crosses.
import { relative, resolve } from 'node:path';
import { parseDate, parseMonth } from '../core/calendar.js';
import type { Model } from '../core/capabilities.js';
import { VERSION } from '../core/version.js';
import type { ActivitySummary } from '../input/activity.js';
import { didYouMean } from '../input/suggest.js';
import { checkGates, type GateLimits, type GateResult } from '../plan/gates.js';
import { runPlan, type PlanResult } from '../plan/plan.js';
import { additionsOf, preparePlan, type PlanSource, type PreparedPlan } from '../plan/prepare.js';
import type { RateCard } from '../pricing/rate-card.js';
import { money } from '../render/numbers.js';
import { planCsv, planMarkdown, planText } from '../render/plan.js';
import { planJson } from '../render/plan-json.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT, UsageError } from './exit.js';
import { Inputs, type LoadedEstate } from './inputs.js';
import { parseAmountFlag } from './pipeline.js';
import { formatDiagnostics } from './report.js';
import { refuseTarget, writeOutputFile, type ReadFile } from './output-file.js';
import { writeStdout, standardErrorTerminal, standardOutputTerminal } from './streams.js';

import { PLAN_FORMATS } from './register.js';
export { PLAN_FORMATS };

export interface PlanFlags {
  model?: Model;
  currency?: string;
  rates?: string;
  format: (typeof PLAN_FORMATS)[number];
  output?: string;
  maxOnDemand?: string;
  exhaustBefore?: string;
  maxTotal?: string;
  scenario?: string;
  color: boolean;
  quiet?: boolean;
}

/** `--exhaust-before 2027-12-01` or `2027-12` (its first day): the instant, UTC. */
export function parseExhaustBefore(text: string | undefined): GateLimits['exhaustBefore'] {
  if (text === undefined) return undefined;
  const at = parseDate(text.trim()) ?? parseMonth(text.trim());
  if (at === undefined) throw new UsageError(`--exhaust-before: expected a date YYYY-MM-DD or a month YYYY-MM (UTC), found "${text}"`);
  return { at, text: text.trim() };
}

export interface LoadedPlan {
  plan: PreparedPlan;
  /** Every file read (for -o, which must not overwrite one of them). */
  reads: ReadFile[];
  cards: RateCard[];
  activity: (row: { index: number }) => ReadonlyMap<string, ActivitySummary>;
}

/**
 * A plan's files read and checked into `inputs` (its diagnostics): the files its changes add, each
 * contract year's rate card, the cross-checks (plan/prepare.ts), and with `activity`, the activity
 * files read by month. Undefined when anything is wrong.
 */
export async function planInputs(inputs: Inputs, estate: LoadedEstate, ratesFlag: string | undefined, activity = true): Promise<LoadedPlan | undefined> {
  const base: PlanSource = { file: estate.file, data: estate.data, document: estate.document };
  const additions = new Map<number, PlanSource>();
  for (const { index, file: add } of additionsOf(estate.data)) {
    const path = resolve(estate.dir, add);
    const added = inputs.estate(relative(process.cwd(), path) || path);
    if (added) additions.set(index, { file: added.file, data: added.data, document: added.document });
  }
  const contract = estate.data.contract;
  const rates = contract?.rates === undefined ? [] : Array.isArray(contract.rates) ? contract.rates : [contract.rates];
  const cards = (rates.length === 0 ? [undefined] : rates).map((r) => inputs.rateCard(estate, ratesFlag, r));
  const before = inputs.diagnostics.length;
  const prepared = preparePlan(base, additions);
  if (!prepared.ok) inputs.report(prepared.diagnostics);
  if (!prepared.ok || inputs.diagnostics.length > before || cards.some((c) => c === undefined)) return undefined;
  const months = prepared.plan.time.months;
  const byMonth = activity ? await inputs.activityWindows(estate, months.map((m) => [m.start, m.end] as const)) : [];
  return { plan: prepared.plan, reads: inputs.reads, cards: cards as RateCard[], activity: (row) => byMonth[row.index] ?? new Map() };
}

/** Reads and checks a plan's files; undefined (the problems written to stderr) when any is wrong. */
export async function loadPlan(file: string, flags: { rates?: string; color: boolean }): Promise<LoadedPlan | undefined> {
  const inputs = new Inputs();
  const estate = inputs.estate(file);
  const loaded = estate ? await planInputs(inputs, estate, flags.rates) : undefined;
  if (inputs.diagnostics.length > 0) {
    process.stderr.write(formatDiagnostics(inputs.diagnostics, await styleFor(wantsColor(standardErrorTerminal(), flags.color))));
    return undefined;
  }
  return loaded;
}

function render(format: PlanFlags['format'], plan: PlanResult, gates: readonly GateResult[], color: boolean): Promise<string> | string {
  switch (format) {
    case 'json':
      return planJson(plan, gates, VERSION);
    case 'csv':
      return planCsv(plan);
    case 'markdown':
      return planMarkdown(plan);
    default:
      return styleFor(color).then((style) => planText(plan, style));
  }
}

export async function planCommand(file: string, flags: PlanFlags): Promise<number> {
  const limits: GateLimits = {};
  const maxOnDemand = parseAmountFlag('--max-on-demand', flags.maxOnDemand);
  const maxTotal = parseAmountFlag('--max-total', flags.maxTotal);
  const exhaustBefore = parseExhaustBefore(flags.exhaustBefore);
  if (maxOnDemand !== undefined) limits.maxOnDemand = maxOnDemand;
  if (maxTotal !== undefined) limits.maxTotal = maxTotal;
  if (exhaustBefore !== undefined) limits.exhaustBefore = exhaustBefore;
  if (flags.currency !== undefined && !/^[A-Za-z]{3}$/.test(flags.currency)) throw new UsageError(`--currency: expected a three-letter currency code, found "${flags.currency}"`);
  const errStyle = await styleFor(wantsColor(standardErrorTerminal(), flags.color));

  const loaded = await loadPlan(file, flags);
  if (!loaded) return EXIT.invalidInput;
  const names = loaded.plan.scenarios.map((s) => s.name);
  const gateScenario = flags.scenario ?? 'base';
  if (!names.includes(gateScenario)) {
    const near = didYouMean(gateScenario, names);
    throw new UsageError(`--scenario: expected one of ${names.join(', ')}, found "${gateScenario}"${near ? ` (did you mean "${near}"?)` : ''}`);
  }
  const plan = runPlan(loaded.plan, {
    cards: loaded.cards,
    activity: loaded.activity,
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.currency ? { currency: flags.currency.toUpperCase() } : {}),
  });
  const gates = checkGates(plan.scenarios.find((s) => s.scenario.name === gateScenario)!, limits, plan.currency, money);
  const toTerminal = flags.output === undefined;
  const text = await render(flags.format, plan, gates, toTerminal && flags.format === 'table' && wantsColor(standardOutputTerminal(), flags.color));

  if (flags.output !== undefined) {
    // Written beside and renamed over the target (output-file.ts), never over a file the plan reads.
    const refused = refuseTarget(flags.output, loaded.reads);
    const written = refused ? { ok: false as const, message: `-o ${flags.output}: ${refused}` } : await writeOutputFile(flags.output, [text]);
    if (!written.ok) {
      process.stderr.write(`dtcost: ${written.message}\n`);
      return EXIT.invalidInput;
    }
  } else await writeStdout(text);

  const stderr: string[] = [];
  if (!flags.quiet) {
    for (const w of plan.warnings) stderr.push(`${w.code === 'note' ? 'note' : errStyle.yellow('warning')}: ${w.message}`);
    if (flags.output !== undefined) stderr.push(`dtcost: wrote ${flags.output}`);
  }
  const crossed = gates.filter((g) => g.crossed);
  for (const g of crossed) stderr.push(`dtcost: ${errStyle.red(g.message)}`);
  if (stderr.length > 0) process.stderr.write(`${stderr.join('\n')}\n`);
  return crossed.length > 0 ? EXIT.budgetExceeded : EXIT.ok;
}
