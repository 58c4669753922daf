// Terraform: `terraform show -json` of a plan. The VMs the plan creates (resource_changes whose
// actions include "create": new ones and replacements; count and for_each are already expanded
// there, one change per instance) become `hosts` entries, one per resource address (without its
// index) and size. Sizes are resolved through the provider type tables given with --types.
import type { Diagnostic } from '../input/diagnostics.js';
import { readJson } from './files.js';
import { responsesOf } from './recordings.js';
import { groupBy, plural } from './group.js';
import { get, identify, isObject, str } from './identify.js';
import { hostsOf, type Instance } from './cloud.js';
import type { ImportedEntry, ImportResult, Note } from './model.js';
import { lastSegment, readTypes, TypeTable, type Provider } from './types-table.js';

/** The VM resource types and where their size is. */
export const VM_RESOURCES: Record<string, [Provider, string]> = {
  aws_instance: ['aws', 'instance_type'],
  azurerm_linux_virtual_machine: ['azure', 'size'],
  azurerm_windows_virtual_machine: ['azure', 'size'],
  azurerm_virtual_machine: ['azure', 'vm_size'],
  google_compute_instance: ['gcp', 'machine_type'],
};

const TABLE_SHAPES: Record<string, Provider> = { 'aws-types': 'aws', 'azure-sizes': 'azure', 'gcp-types': 'gcp' };
const LISTING: Record<Provider, string> = { aws: 'aws ec2 describe-instance-types', azure: 'az vm list-sizes', gcp: 'gcloud compute machine-types list --format json' };

export function importTerraform(files: readonly string[], typeFiles: readonly string[]): ImportResult {
  const problems: Diagnostic[] = [];
  const tables: Record<Provider, TypeTable> = { aws: new TypeTable('aws'), azure: new TypeTable('azure'), gcp: new TypeTable('gcp') };
  for (const name of typeFiles) {
    for (const file of responsesOf(readJson(name))) {
      const what = identify(file.data);
      const provider = TABLE_SHAPES[what.shape];
      if (provider) readTypes(file, provider, tables[provider], problems);
      else problems.push({ file: name, message: `--types: this is ${what.what}, not a type table (${Object.values(LISTING).join(', ')})` });
    }
  }
  const instances: (Instance & { provider: Provider; base: string })[] = [];
  const notCreated = new Map<string, number>();
  const otherCreated = new Map<string, number>();
  for (const name of files) {
    const file = readJson(name);
    const what = identify(file.data);
    if (what.shape !== 'tf-plan') {
      problems.push({ file: name, message: `this is ${what.what}, not terraform show -json of a plan (terraform plan -out plan.tfplan && terraform show -json plan.tfplan)` });
      continue;
    }
    const changes = get(file.data, 'resource_changes');
    if (!Array.isArray(changes)) continue;
    file.prepare(changes.map((_, i) => ['resource_changes', i]));
    changes.forEach((change, i) => {
      if (!isObject(change) || change.mode === 'data') return;
      const type = str(change.type) ?? '';
      const address = str(change.address) ?? `${type}.${str(change.name) ?? '?'}`;
      const actions = get(change, 'change', 'actions');
      const creates = Array.isArray(actions) && actions.includes('create');
      const vm = VM_RESOURCES[type];
      if (!vm) {
        if (creates) otherCreated.set(type, (otherCreated.get(type) ?? 0) + 1);
        return;
      }
      if (!creates) {
        const what = Array.isArray(actions) ? actions.join('/') : 'no action';
        notCreated.set(what, (notCreated.get(what) ?? 0) + 1);
        return;
      }
      const [provider, key] = vm;
      const ref = { file: name, line: file.line(['resource_changes', i]), where: `resource_changes[${i}]`, label: address };
      const size = get(change, 'change', 'after', key);
      if (typeof size !== 'string' || size === '') {
        const unknown = get(change, 'change', 'after_unknown', key) === true;
        problems.push({ file: name, position: { line: ref.line, col: 1 }, path: `${ref.where}.change.after.${key}`, message: `${address}: ${unknown ? `its ${key} is known only after apply` : `no ${key}`}; set it to a literal size to import this plan` });
        return;
      }
      const zone = str(get(change, 'change', 'after', 'zone'));
      instances.push({ provider, base: address.replace(/\[[^\]]*\]$/, ''), type: lastSegment(size), ...(zone ? { zone: lastSegment(zone) } : {}), state: 'create', running: true, ref });
    });
  }
  for (const [provider, list] of groupBy(instances, (i) => i.provider)) {
    if (tables[provider as Provider].size === 0) problems.push({ file: files.join(', '), message: `the plan creates ${plural(list.length, provider === 'azure' ? 'VM' : 'instance')} (${list[0]!.ref.label}...) and no ${provider} type table was given: add --types <file> with the output of ${LISTING[provider as Provider]} as JSON` });
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };

  const entries: ImportedEntry[] = [];
  for (const [provider, list] of groupBy(instances, (i) => i.provider)) {
    const result = hostsOf(provider as Provider, list, tables[provider as Provider], 0, (i) => (i as (typeof list)[number]).base);
    problems.push(...result.problems);
    entries.push(...result.entries);
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };
  const notes: Note[] = [`${plural(instances.length, 'VM')} created by the plan in ${plural(entries.length, 'hosts entry', 'hosts entries')}, one per resource and size.`];
  if (notCreated.size > 0) notes.push(`Not imported: ${[...notCreated].map(([a, n]) => `${plural(n, 'VM')} with action ${a}`).join(', ')} (they exist already: import them from the cloud listing or the state).`);
  if (otherCreated.size > 0) notes.push(`Created resources that are not VMs (no OneAgent host): ${[...otherCreated].map(([t, n]) => `${t} ×${n}`).join(', ')}.`);
  return { title: 'Terraform plan import', entries, notes, problems: [] };
}
