// The wiring of import, reconcile and plan (their options and help), apart from the commands
// themselves: a command's modules are loaded when it runs, so that every other command starts
// without them (start-up time, README "Benchmarks").
import { Argument, Option, type Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../import/kinds.js';
import type { ImportFlags } from './import-command.js';
import { withinMemory } from './memory.js';
import type { ReconcileFlags } from './reconcile-command.js';
import type { PlanFlags } from './plan-command.js';

export const RECONCILE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export const PLAN_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

const IMPORT_HELP = `
Kinds and their files:
  rvtools     the vInfo tab of an RVTools export, as .xlsx or .csv
  kubernetes  kubectl get nodes -o json, kubectl get pods -A -o json (--monitoring decides what is billed)
  aws         aws ec2 describe-instances and aws ec2 describe-instance-types (the memory table), as JSON
  azure       az vm list and az vm list-sizes, as JSON
  gcp         gcloud compute instances list and gcloud compute machine-types list, --format json
  terraform   terraform show -json of a plan; --types <file> gives the provider's type table (as above)
  splunk      a licence-usage CSV (license_usage.log events, or the usage report's daily split)

Examples:
  $ dtcost import rvtools RVTools_export.xlsx -o estate.yaml
  $ dtcost import kubernetes nodes.json pods.json --monitoring application -o k8s.yaml
  $ dtcost import aws instances.json instance-types.json --merge-into estate.yaml
  $ dtcost import terraform plan.json --types instance-types.json
`;

export function registerImport(program: Command, setExit: (code: number) => void): void {
  program
    .command('import')
    .description("write an estate from what the customer has: an RVTools export, kubectl output, a cloud listing, a Terraform plan, a Splunk licence report")
    .addArgument(new Argument('<kind>', 'what the files are').choices(IMPORT_KINDS))
    .argument('<file...>', 'the files to import')
    .option('-o, --output <file>', 'write the estate to a file instead of standard output')
    .option('--merge-into <estate>', 'add the imported entries to this YAML estate (written back in place, or to --output)')
    .addOption(new Option('--monitoring <mode>', 'kubernetes: fullstack (nodes as hosts), application (containers and pods), platform (pods only)').choices(['fullstack', 'application', 'platform']).default('fullstack'))
    .option('--types <file>', 'terraform: a provider type table (describe-instance-types, vm list-sizes, machine-types list); repeatable', (value: string, previous: string[] = []) => [...previous, value])
    .addOption(new Option('--by <field>', 'splunk: one logs entry per index or per sourcetype').choices(['index', 'sourcetype']).default('index'))
    .option('--force', 'overwrite the --output file if it exists')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .option('-q, --quiet', 'no summary on standard error')
    .addHelpText('after', IMPORT_HELP)
    .action(async (kind: ImportKind, files: string[], flags: ImportFlags) => setExit(await (await import('./import-command.js')).importCommand(kind, files, flags)));
}

const RECONCILE_HELP = `
Usage files (any mix, one or more):
  billing usage events exported from DQL (fetch dt.system.events | filter event.kind == "BILLING_USAGE_EVENT"):
    JSON (an array of records, {"records": [...]} or {"result": {"records": [...]}}), JSON lines, or CSV with a header
  DPS Account Management API JSON: usage (.../usage, .../environments/usage) and cost (.../cost, v3 .../environments/cost)

Examples:
  $ dtcost reconcile estate.yaml march-events.jsonl
  $ dtcost reconcile estate.yaml events.csv --format json | jq '.capabilities[] | {capabilityId, variancePercent}'
  $ dtcost reconcile estate.yaml events.csv --max-variance 15%     # exit 1 when a capability is off by more
  $ dtcost reconcile --to-estate events.jsonl -o estate.yaml        # a starting estate from actual usage
`;

export function registerReconcile(program: Command, setExit: (code: number) => void): void {
  program
    .command('reconcile')
    .description('actual usage (billing usage events, DPS API usage) against the estimate of the estate for the same span; --to-estate makes an estate from usage')
    .argument('<files...>', '<estate> <usage>... (with --to-estate: <usage>... only)')
    .addOption(new Option('--format <format>', 'output format').choices(RECONCILE_FORMATS).default('table'))
    .option('--max-variance <percent>', 'exit 1 when a capability\'s actual usage differs from the estimate by more than this (10 or 10%)')
    .option('--to-estate', 'write a starting estate from the usage files instead (every file is a usage file)')
    .option('-o, --output <file>', 'write the report (or, with --to-estate, the estate) to a file')
    .option('--force', 'with --to-estate: overwrite the --output file if it exists')
    .option('--rates <file>', 'a rate card that overrides or extends the built-in list prices')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .option('-q, --quiet', 'no warnings or notes on standard error')
    .addHelpText('after', RECONCILE_HELP)
    .action(async (files: string[], flags: ReconcileFlags) => setExit(await (await import('./reconcile-command.js')).reconcileCommand(files, flags)));
}

const PLAN_HELP = `
A plan needs a contract in the estate:
  contract: { start: 2027-01-01, years: 3, commitments: [250000, 300000, 340000] }
and may have growth, seasonality, changes (dated additions and retirements) and scenarios.
Months are calendar months in UTC with their real hours (February 672 h, 696 h in a leap year);
inputs per month scale by the month's days / 30.
`;

export function registerPlan(program: Command, setExit: (code: number) => void): void {
  program
    .command('plan')
    .description('the estate over its contract, month by month: cost against each year\'s commitment, on-demand, growth, changes, scenarios; exit 1 when a gate is crossed')
    .argument('<estate>', 'estate file with a contract (YAML or JSON)')
    .addOption(new Option('--model <model>', "licensing model (overrides the estate's licensing)").choices(['dps', 'classic']))
    .option('--jobs <n>', 'threads that read a large activity file (default: the number of cores)')
    .option('--rates <file>', 'a rate card over every contract year\'s')
    .option('--currency <code>', 'currency label for amounts (no conversion)')
    .addOption(new Option('--format <format>', 'output format').choices(PLAN_FORMATS).default('table'))
    .option('-o, --output <file>', 'write the plan to a file instead of standard output')
    .option('--max-on-demand <amount>', "fail (exit 1) when a contract year's on-demand cost is over this amount")
    .option('--exhaust-before <date|month>', 'fail (exit 1) when a commitment is used up before this day (a month: its first day)')
    .option('--max-total <amount>', 'fail (exit 1) when the contract costs more than this over its years (commitments owed in full, plus on-demand)')
    .option('--scenario <name>', 'the scenario the gates check', 'base')
    .option('--no-color', 'no colours (also: the NO_COLOR environment variable)')
    .option('-q, --quiet', 'no warnings or notes on standard error')
    .addHelpText('after', PLAN_HELP)
    .action(async (file: string, flags: PlanFlags) => setExit(await withinMemory('plan', [file], flags.color, async () => (await import('./plan-command.js')).planCommand(file, flags))));
}
