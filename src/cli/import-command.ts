// `dtcost import <kind> <file>...`: files in, a commented estate out (standard output, -o, or
// --merge-into an existing estate). Problems with the input are all reported, exit 2, and nothing
// is written; a file is written whole or not at all.
import { Argument, Option, type Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decode } from '../input/load.js';
import { IMPORT_KINDS, importedEstate, runImport, type ImportKind } from '../import/index.js';
import { noteText } from '../import/write.js';
import { styleFor, wantsColor } from './color.js';
import { EXIT } from './exit.js';
import { refuseTarget, writeOutputFile } from './output-file.js';
import { formatDiagnostics } from './report.js';
import { writeStdout } from './streams.js';

export interface ImportFlags {
  output?: string;
  mergeInto?: string;
  monitoring?: 'fullstack' | 'application' | 'platform';
  types?: string[];
  by?: 'index' | 'sourcetype';
  force?: boolean;
  quiet?: boolean;
  color: boolean;
}

export async function importCommand(kind: ImportKind, files: string[], flags: ImportFlags): Promise<number> {
  const style = await styleFor(wantsColor(process.stderr, flags.color));
  const fail = (diagnostics: Parameters<typeof formatDiagnostics>[0]) => {
    process.stderr.write(formatDiagnostics(diagnostics, style).replace('nothing was estimated', 'nothing was written'));
    return EXIT.invalidInput;
  };
  if (flags.output) {
    // Never over a file the import reads (--merge-into is written back on purpose).
    const reads = [...files.map((path) => ({ path, role: 'a file' })), ...(flags.types ?? []).map((path) => ({ path, role: 'a --types file' }))];
    const refused = refuseTarget(flags.output, reads);
    if (refused) return fail([{ file: flags.output, message: `-o: ${refused}` }]);
  }
  if (flags.output && flags.output !== flags.mergeInto && existsSync(flags.output) && !flags.force) {
    return fail([{ file: flags.output, message: 'already exists; pass --force to overwrite it, or --merge-into it to add the imported entries' }]);
  }
  const result = await runImport(kind, files, { ...(flags.monitoring ? { monitoring: flags.monitoring } : {}), ...(flags.types ? { types: flags.types } : {}), ...(flags.by ? { by: flags.by } : {}) });
  if (result.problems.length > 0) return fail(result.problems);

  let merge: { file: string; dir: string; text: string } | undefined;
  if (flags.mergeInto) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(flags.mergeInto);
    } catch (err) {
      return fail([{ file: flags.mergeInto, message: `cannot read the estate to merge into: ${(err as Error).message}` }]);
    }
    const decoded = decode(bytes, flags.mergeInto);
    if (!decoded.ok) return fail(decoded.diagnostics);
    merge = { file: flags.mergeInto, dir: dirname(resolve(flags.mergeInto)), text: decoded.text };
  }
  const command = ['dtcost import', kind, ...(kind === 'kubernetes' && flags.monitoring ? ['--monitoring', flags.monitoring] : []), ...(kind === 'splunk' && flags.by ? ['--by', flags.by] : []), ...files, ...(flags.types ?? []).flatMap((t) => ['--types', t])].join(' ');
  const written = importedEstate(result, command, merge);
  if (!written.ok) return fail(written.diagnostics);

  const target = flags.output ?? flags.mergeInto;
  if (target) {
    // Atomic, and removed on an interrupt (output-file.ts).
    const done = await writeOutputFile(target, [written.text]);
    if (!done.ok) return fail([{ file: target, message: `cannot write the estate: ${done.reason}` }]);
  } else await writeStdout(written.text);
  if (!flags.quiet) {
    const lines = [...result.notes.map((n) => noteText(n, 8)), ...written.renamed];
    if (target) lines.push(`${flags.mergeInto && !flags.output ? 'added to' : 'wrote'} ${target}: ${result.entries.length} ${result.entries.length === 1 ? 'entry' : 'entries'}. Next: dtcost estimate ${target}`);
    process.stderr.write(lines.map((l) => `dtcost: ${l}\n`).join(''));
  }
  return EXIT.ok;
}

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
    .action(async (kind: ImportKind, files: string[], flags: ImportFlags) => setExit(await importCommand(kind, files, flags)));
}
