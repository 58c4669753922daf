// Cloud instance listings with the provider's own type listing as the memory table:
// aws (describe-instances + describe-instance-types), azure (vm list + vm list-sizes), gcp
// (compute instances list + machine-types list). Files come in any order: each is recognised.
// Instances that are not running (stopped, terminated, deallocated) are skipped and counted;
// running instances of one type become one `hosts` entry with a count.
import type { D } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import type { Path } from '../input/path.js';
import { readJson, type JsonFile } from './files.js';
import { responsesOf } from './recordings.js';
import { groupBy, plural } from './group.js';
import { get, identify, isObject, str, type Shape } from './identify.js';
import type { ImportedEntry, ImportResult, SourceRef, Note } from './model.js';
import { lastSegment, pathText, readTypes, TypeTable, type Provider } from './types-table.js';

export interface Instance {
  /** The provider's id of the instance, when the listing has one (to drop the same instance listed twice). */
  id?: string;
  type: string;
  zone?: string;
  /** Running (or starting), else the state that skips it. */
  state: string;
  running: boolean;
  ref: SourceRef;
}

const LISTINGS: Record<Provider, { instances: Shape; types: Shape; instancesText: string; typesText: string; noun: string }> = {
  aws: { instances: 'aws-instances', types: 'aws-types', instancesText: 'aws ec2 describe-instances output', typesText: 'aws ec2 describe-instance-types output', noun: 'instance' },
  azure: { instances: 'azure-vms', types: 'azure-sizes', instancesText: 'az vm list output', typesText: 'az vm list-sizes output', noun: 'VM' },
  gcp: { instances: 'gcp-instances', types: 'gcp-types', instancesText: 'gcloud compute instances list --format json output', typesText: 'gcloud compute machine-types list --format json output', noun: 'instance' },
};

function instancesOf(provider: Provider, file: JsonFile): { instances: Instance[]; noState: number } {
  const rows: [Path, Record<string, unknown>][] = [];
  const { data } = file;
  const push = (path: Path, v: unknown) => {
    if (isObject(v)) rows.push([path, v]);
  };
  if (provider === 'aws') {
    const reservations = get(data, 'Reservations');
    if (Array.isArray(reservations)) reservations.forEach((r, i) => (get(r, 'Instances') as unknown[] | undefined)?.forEach?.((v, j) => push(['Reservations', i, 'Instances', j], v)));
  } else if (provider === 'azure') {
    const list = isObject(data) ? data.value : data;
    if (Array.isArray(list)) list.forEach((v, i) => push(isObject(data) ? ['value', i] : [i], v));
  } else {
    const items = isObject(data) ? data.items : data;
    if (Array.isArray(items)) items.forEach((v, i) => push(isObject(data) ? ['items', i] : [i], v));
    else if (isObject(items)) {
      for (const [scope, group] of Object.entries(items)) {
        const list = get(group, 'instances');
        if (Array.isArray(list)) list.forEach((v, i) => push(['items', scope, 'instances', i], v));
      }
    }
  }
  file.prepare(rows.map(([p]) => p));
  let noState = 0;
  const instances = rows.map(([path, v]): Instance => {
    const ref = (label: string | undefined): SourceRef => ({ file: file.file, line: file.line(path), where: pathText([...(file.prefix ?? []), ...path]), ...(label ? { label } : {}) });
    if (provider === 'aws') {
      const tags = Array.isArray(v.Tags) ? v.Tags : [];
      const nameTag = str(get(tags.find((t) => get(t, 'Key') === 'Name'), 'Value'));
      const state = str(get(v, 'State', 'Name')) ?? 'unknown';
      const id = str(v.InstanceId);
      return { ...(id ? { id } : {}), type: str(v.InstanceType) ?? '', state, running: state === 'running' || state === 'pending', ref: ref(nameTag && id ? `${nameTag} (${id})` : (nameTag ?? id)) };
    }
    if (provider === 'azure') {
      const size = str(get(v, 'hardwareProfile', 'vmSize')) ?? str(get(v, 'properties', 'hardwareProfile', 'vmSize')) ?? '';
      // `az vm list -d` prints powerState ("VM running"); the REST API's instanceView has PowerState/<state>.
      const statuses = get(v, 'properties', 'instanceView', 'statuses') ?? get(v, 'instanceView', 'statuses');
      const code = Array.isArray(statuses) ? statuses.map((s) => str(get(s, 'code'))).find((c) => c?.startsWith('PowerState/')) : undefined;
      const power = str(v.powerState) ?? (code ? `VM ${code.slice('PowerState/'.length)}` : undefined);
      if (power === undefined) noState++;
      const running = power === undefined || power === 'VM running' || power === 'VM starting';
      const id = str(v.id) ?? str(v.vmId) ?? str(get(v, 'properties', 'vmId'));
      return { ...(id ? { id } : {}), type: size, state: power ?? 'unknown', running, ref: ref(str(v.name)) };
    }
    const status = str(v.status) ?? 'unknown';
    const machineType = str(v.machineType) ?? '';
    const zone = str(v.zone);
    const id = str(v.selfLink) ?? (typeof v.id === 'string' ? v.id : undefined);
    return { ...(id ? { id } : {}), type: lastSegment(machineType), ...(zone ? { zone: lastSegment(zone) } : {}), state: status, running: status === 'RUNNING' || status === 'PROVISIONING' || status === 'STAGING', ref: ref(str(v.name)) };
  });
  return { instances, noState };
}

function importCloud(provider: Provider, files: readonly string[]): ImportResult {
  const listing = LISTINGS[provider];
  const problems: Diagnostic[] = [];
  const table = new TypeTable(provider);
  const instances: Instance[] = [];
  let noState = 0;
  let instanceFiles = 0;
  for (const name of files) {
    // A recording (placebo, flight, cassette) holds the responses the tools print: each is read.
    let counted = false;
    for (const file of responsesOf(readJson(name))) {
      const what = identify(file.data);
      if (what.shape === listing.types) readTypes(file, provider, table, problems);
      else if (what.shape === listing.instances) {
        if (!counted) instanceFiles++;
        counted = true;
        const read = instancesOf(provider, file);
        instances.push(...read.instances);
        noState += read.noState;
      } else problems.push({ file: name, message: `this is ${what.what}, not ${listing.instancesText} or ${listing.typesText}` });
    }
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };
  const seen = new Set<string>();
  const unique = instances.filter((i) => i.id === undefined || (!seen.has(i.id) && seen.add(i.id) !== undefined));
  const duplicates = instances.length - unique.length;
  if (instanceFiles === 0) {
    for (const file of table.files) problems.push({ file, message: `this is ${listing.typesText} (the memory table), not ${listing.instancesText}: give the ${listing.noun}s to import too` });
    if (table.files.length === 0) problems.push({ file: files.join(', '), message: `no ${listing.instancesText} among the files (the ${listing.noun}s to import)` });
  }
  else if (table.size === 0) problems.push({ file: files.join(', '), message: `no ${listing.typesText} among the files: it is the memory table (dtcost ships none, and guesses none)` });
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };
  const result = hostsOf(provider, unique, table, noState);
  if (duplicates > 0) result.notes.push(`${plural(duplicates, `${listing.noun} listed again`, `${listing.noun}s listed again`)} (the same id in two places) counted once.`);
  return result;
}

/** Running instances grouped by type into hosts entries; problems for types not in the table (each type once). */
export function hostsOf(provider: Provider, instances: Instance[], table: TypeTable, noState = 0, nameOf: (i: Instance) => string = (i) => i.type): ImportResult {
  const listing = LISTINGS[provider];
  const problems: Diagnostic[] = [];
  const running = instances.filter((i) => i.running);
  const skipped = instances.filter((i) => !i.running);
  const memory = new Map<Instance, D>();
  for (const [type, list] of groupBy(running, (i) => i.type)) {
    if (type === '') {
      for (const i of list) problems.push({ file: i.ref.file, ...(i.ref.line ? { position: { line: i.ref.line, col: 1 } } : {}), ...(i.ref.where ? { path: i.ref.where } : {}), message: `${listing.noun} ${i.ref.label ?? ''} has no ${provider === 'aws' ? 'InstanceType' : provider === 'azure' ? 'hardwareProfile.vmSize' : 'machineType'}` });
      continue;
    }
    const missing: Instance[] = [];
    for (const i of list) {
      const info = table.lookup(type, i.zone);
      if (info) memory.set(i, info.mib.dividedBy(1024));
      else missing.push(i);
    }
    if (missing.length > 0) problems.push(table.missing(type, missing.map((i) => i.ref), listing.noun));
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };
  const entries: ImportedEntry[] = [];
  const groups = groupBy(running, (i) => `${nameOf(i)}\u0000${memory.get(i)!.toFixed()}`);
  const baseCount = new Map<string, number>();
  for (const g of groups.values()) baseCount.set(nameOf(g[0]!), (baseCount.get(nameOf(g[0]!)) ?? 0) + 1);
  for (const group of groups.values()) {
    const first = group[0]!;
    const gib = memory.get(first)!;
    const info = table.lookup(first.type, first.zone)!;
    const base = nameOf(first);
    entries.push({
      section: 'hosts',
      name: baseCount.get(base)! > 1 ? `${base} (${first.type}${first.zone ? ` ${first.zone}` : ''})` : base,
      fields: [
        ['count', group.length],
        ['memoryGiB', gib],
        ['mode', 'fullstack'],
        ['hoursPerDay', 24],
      ],
      sources: group.map((i) => i.ref),
      notes: [`memory: ${first.type} has ${info.mib.toFixed()} MiB (${info.ref.where ? `${info.ref.file} ${info.ref.where}` : info.ref.file})`],
    });
  }
  const notes: Note[] = [`${plural(running.length, `running ${listing.noun}`)} in ${plural(entries.length, 'hosts entry', 'hosts entries')}, grouped by ${provider === 'gcp' ? 'machine type' : provider === 'azure' ? 'VM size' : 'instance type'}.`];
  for (const [state, list] of groupBy(skipped, (i) => i.state)) notes.push({ text: `Skipped ${plural(list.length, listing.noun)} in state ${state} (not running)`, rows: list.map((i) => i.ref) });
  if (noState > 0) notes.push(`${plural(noState, 'VM')} without a power state (az vm list prints it with --show-details): counted as running.`);
  return { title: `${provider === 'aws' ? 'AWS EC2' : provider === 'azure' ? 'Azure VM' : 'Compute Engine'} import`, entries, notes, problems: [] };
}

export const importAws = (files: readonly string[]) => importCloud('aws', files);
export const importAzure = (files: readonly string[]) => importCloud('azure', files);
export const importGcp = (files: readonly string[]) => importCloud('gcp', files);
