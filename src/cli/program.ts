// The command line: commander wiring only. Flags are named as in SPEC.md "Commands". Each
// command's modules are imported when it runs (`await import`): the bundle initialises only what
// the command in hand needs, which is most of a command's start-up time (README "Benchmarks").
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../core/version.js';
import { safeForTerminal } from '../core/safe-text.js';
import type { EstimateFlags } from './estimate-command.js';
import { FORMATS } from './formats.js';
import { EXIT, UsageError } from './exit.js';
import { withinMemory } from './memory.js';
import type { CompareFlags } from './compare-command.js';
import type { DiffFlags } from './diff-command.js';
import type { ExplainFlags } from './explain-command.js';
import { registerImport, registerPlan, registerReconcile } from './register.js';
import type { RatesFlags } from './rates-command.js';
import { OUTPUT_COMMANDS, type OutputCommand } from '../render/output-commands.js';
import type { ValidateFlags } from './validate-command.js';
import { setActivityJobs } from '../input/jobs-setting.js';
import { OutOfHeap } from '../input/memory.js';

const EXAMPLES = `
Examples:
  $ dtcost estimate examples/retail-web-shop.yaml
  $ dtcost estimate estate.yaml --model classic --rates contract.yaml
  $ dtcost estimate estate.yaml --period year --format json | jq .totals.cost
  $ dtcost estimate estate.yaml --budget 25000          # exit 1 when over budget
  $ cat estate.json | dtcost estimate - --format csv
  $ dtcost validate examples/*.yaml
  $ dtcost explain estate.yaml browser-monitor/checkout
  $ dtcost compare estate.yaml --rates contract.yaml
  $ dtcost compare estate.yaml --rates-classic classic.yaml --rates-dps dps.yaml
  $ dtcost diff main.yaml branch.yaml --format markdown --max-increase 10%
  $ dtcost plan examples/plan-3-year.yaml --max-on-demand 25000   # a contract, month by month
  $ dtcost estimate estate.yaml --from 2027-01 --to 2027-03       # a calendar span, real hours
  $ dtcost init estate.yaml && dtcost schema --output dtcost.schema.json

Exit codes: 0 done, 1 a budget is exceeded, 2 invalid input, 3 internal error.
`;

/** --jobs: a whole number from 1 to 256; undefined: the default (the number of cores). */
export function parseJobsFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const jobs = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
  if (!(jobs >= 1 && jobs <= 256)) throw new UsageError(`--jobs: expected a whole number of threads from 1 to 256, found "${text}"`);
  return jobs;
}

/** `--jobs`: threads that read a large activity file (commands that read activity files). */
export function jobsOption(cmd: Command): Command {
  return cmd.option('--jobs <n>', 'threads that read a large activity file (default: the number of cores)');
}

function common(cmd: Command, activity = true): Command {
  if (activity) jobsOption(cmd);
  return cmd
    .option('--rates <file>', 'a rate card that overrides or extends the built-in list prices')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .option('-q, --quiet', 'no warnings or notes on standard error');
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('dtcost')
    .description('Estimate what a Dynatrace estate will consume and cost, under DPS or classic licensing.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .exitOverride();

  common(
    program
      .command('estimate')
      .description('estimate consumption and cost of one or more estates (- reads standard input)')
      .argument('<estate...>', 'estate files (YAML or JSON)')
      .addOption(new Option('--model <model>', 'licensing model (overrides the estate\'s licensing)').choices(['dps', 'classic']))
      .option('--period <period>', 'month (30 d), year (365 d), week, day, <n>d or <n>h')
      .option('--from <date>', 'estimate a calendar span instead: its first day (YYYY-MM-DD) or month (YYYY-MM), UTC')
      .option('--to <date>', 'the last day (or month) of the span, inclusive')
      .option('--currency <code>', 'currency label for amounts (no conversion)')
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
      .option('-o, --output <file>', 'write the result to a file instead of standard output')
      .option('--budget <amount>', 'budget for the period (overrides the estate\'s budget.total)')
      .option('--merge', 'estimate several estate files as one')
      .option('--wide', 'the table as wide as its cells (names and formulas unbroken) instead of fitted to the terminal'),
  ).action(async (files: string[], flags: EstimateFlags) => setExit(await withinMemory('estimate', files, flags.color, async () => (await import('./estimate-command.js')).estimateCommand(files, flags))));

  common(
    program
      .command('validate')
      .description('check estates (and their rate cards) without estimating; exit 0 or 2')
      .argument('<estate...>', 'estate files (YAML or JSON)')
      .addOption(new Option('--format <format>', 'text: ok lines, problems on standard error; json: one document with both').choices(['text', 'json']).default('text')),
  ).action(async (files: string[], flags: ValidateFlags) => setExit(await withinMemory('validate', files, flags.color, async () => (await import('./validate-command.js')).validateCommand(files, flags))));

  const modelPeriod = (cmd: Command) =>
    cmd
      .option('--period <period>', 'month (30 d), year (365 d), week, day, <n>d or <n>h')
      .option('--currency <code>', 'currency label for amounts (no conversion)');
  const viewFormats = (cmd: Command, formats: readonly string[] = ['table', 'json', 'markdown']) =>
    cmd.addOption(new Option('--format <format>', 'output format').choices(formats).default('table'));

  common(
    viewFormats(
      modelPeriod(
        program
          .command('explain')
          .description('every line item with its formula, its inputs and their lines, the rule, the documentation and the price')
          .argument('<estate>', 'estate file')
          .argument('[item-id]', 'only this line item (or the items whose id starts with it)')
          .addOption(new Option('--model <model>', "licensing model (overrides the estate's licensing)").choices(['dps', 'classic']))
          .option('--month <YYYY-MM>', "a month of the estate's plan (dtcost plan): each item with the growth, seasonality, service and scenario factors applied")
          .option('--scenario <name>', 'with --month: the scenario (default base)'),
      ),
    ),
  ).action(async (file: string, itemId: string | undefined, flags: ExplainFlags) => setExit(await withinMemory('explain', [file], flags.color, async () => (await import('./explain-command.js')).explainCommand(file, itemId, flags))));

  common(
    viewFormats(
      modelPeriod(
        program
          .command('compare')
          .description('the same estate under DPS and classic licensing, side by side')
          .argument('<estate>', 'estate file')
          .option('--rates-dps <file>', 'a rate card for the DPS side only (over --rates)')
          .option('--rates-classic <file>', 'a rate card for the classic side only (over --rates): per-unit prices of the licensed quotas'),
      ),
    ),
  ).action(async (file: string, flags: CompareFlags) => setExit(await withinMemory('compare', [file], flags.color, async () => (await import('./compare-command.js')).compareCommand(file, flags))));

  common(
    viewFormats(
      modelPeriod(
        program
          .command('diff')
          .description("what changes between two estates, line item by line item; exit 1 when a gate is crossed")
          .argument('<base>', 'the estate before')
          .argument('<head>', 'the estate after')
          .addOption(new Option('--model <model>', 'licensing model for both').choices(['dps', 'classic']))
          .option('--budget <amount>', "fail (exit 1) when the head's total is over this amount")
          .option('--max-increase <amount|percent>', 'fail (exit 1) when the total rises by more than this (250, or 10%)'),
      ),
    ),
  ).action(async (base: string, head: string, flags: DiffFlags) => setExit(await withinMemory('diff', [base, head], flags.color, async () => (await import('./diff-command.js')).diffCommand(base, head, flags))));

  common(viewFormats(program.command('rates').description('the rate card in use: every price, unit, grade and source'), ['table', 'json', 'csv', 'markdown']), false).action(
    async (flags: RatesFlags) => setExit(await (await import('./rates-command.js')).ratesCommand(flags)),
  );

  program
    .command('schema')
    .description('JSON Schema of the estate format, for editors (# yaml-language-server: $schema=...); or of a command\'s JSON output')
    .option('-o, --output <file>', 'write it to a file instead of standard output')
    .addOption(new Option('--output-format <command>', "the JSON Schema of this command's --format json output instead").choices(OUTPUT_COMMANDS))
    .action(async (flags: { output?: string; outputFormat?: OutputCommand }) => setExit(await (await import('./schema-command.js')).schemaCommand(flags)));

  program
    .command('init')
    .description('write a commented starter estate (estate.yaml by default; - for standard output)')
    .argument('[file]', 'where to write it')
    .option('--force', 'overwrite an existing file')
    .option('-q, --quiet', 'no note on standard error')
    .action(async (file: string | undefined, flags: { force?: boolean; quiet?: boolean }) => setExit(await (await import('./init-command.js')).initCommand(file, flags)));

  registerImport(program, setExit);
  registerReconcile(program, setExit);
  registerPlan(program, setExit);
  program.hook('preAction', (_, action) => setActivityJobs(parseJobsFlag(action.opts<{ jobs?: string }>().jobs)));

  for (const cmd of program.commands) cmd.exitOverride().addHelpText('after', EXAMPLES);
  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
    if (err instanceof OutOfHeap) {
      process.stderr.write(`dtcost: ${safeForTerminal(err.message)}\n`);
      return EXIT.invalidInput;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`dtcost: ${safeForTerminal(err.message)}\n`);
      return EXIT.invalidInput;
    }
    throw err;
  }
  return code;
}
