// The command line: commander wiring only. Flags are named as in SPEC.md "Commands".
import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { estimateCommand, FORMATS, type EstimateFlags } from './estimate-command.js';
import { EXIT, UsageError } from './exit.js';
import { validateCommand, type ValidateFlags } from './validate-command.js';

const EXAMPLES = `
Examples:
  $ dtcost estimate examples/retail-web-shop.yaml
  $ dtcost estimate estate.yaml --model classic --rates contract.yaml
  $ dtcost estimate estate.yaml --period year --format json | jq .totals.cost
  $ dtcost estimate estate.yaml --budget 25000          # exit 1 when over budget
  $ cat estate.json | dtcost estimate - --format csv
  $ dtcost validate examples/*.yaml

Exit codes: 0 done, 1 a budget is exceeded, 2 invalid input, 3 internal error.
`;

function common(cmd: Command): Command {
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
      .option('--currency <code>', 'currency label for amounts (no conversion)')
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
      .option('-o, --output <file>', 'write the result to a file instead of standard output')
      .option('--budget <amount>', 'budget for the period (overrides the estate\'s budget.total)')
      .option('--merge', 'estimate several estate files as one'),
  ).action(async (files: string[], flags: EstimateFlags) => setExit(await estimateCommand(files, flags)));

  common(
    program
      .command('validate')
      .description('check estates (and their rate cards) without estimating; exit 0 or 2')
      .argument('<estate...>', 'estate files (YAML or JSON)'),
  ).action(async (files: string[], flags: ValidateFlags) => setExit(await validateCommand(files, flags)));

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
    if (err instanceof UsageError) {
      process.stderr.write(`dtcost: ${err.message}\n`);
      return EXIT.invalidInput;
    }
    throw err;
  }
  return code;
}
