// The providers' own instance type listings as memory tables, so that no table is shipped or kept
// current: `aws ec2 describe-instance-types` (MemoryInfo.SizeInMiB), `az vm list-sizes`
// (memoryInMb; memoryInMB in the REST API), `gcloud compute machine-types list` (memoryMb, MiB
// despite the name). A type missing from the table is an error with a did-you-mean, never a guess.
import { D } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import type { Path } from '../input/path.js';
import { didYouMean } from '../input/suggest.js';
import type { JsonFile } from './files.js';
import { dec, get, isObject, str } from './identify.js';
import type { SourceRef } from './model.js';

export type Provider = 'aws' | 'azure' | 'gcp';

export interface TypeInfo {
  mib: D;
  ref: SourceRef;
}

export class TypeTable {
  private readonly byName = new Map<string, TypeInfo>();
  /** gcloud lists each machine type once per zone: zone/name first, then name. */
  private readonly byZone = new Map<string, TypeInfo>();
  readonly files: string[] = [];
  constructor(readonly provider: Provider) {}

  add(name: string, info: TypeInfo, zone?: string): void {
    if (zone) this.byZone.set(`${zone}/${name}`, info);
    if (!this.byName.has(name)) this.byName.set(name, info);
    if (!this.files.includes(info.ref.file)) this.files.push(info.ref.file);
  }

  get size(): number {
    return this.byName.size;
  }

  lookup(name: string, zone?: string): TypeInfo | undefined {
    return (zone ? this.byZone.get(`${zone}/${name}`) : undefined) ?? this.byName.get(name) ?? customType(name);
  }

  suggest(name: string): string | undefined {
    return didYouMean(name, [...this.byName.keys()]);
  }

  /** The problem of a type that is not in the table, for `where` (its instances). */
  missing(name: string, where: SourceRef[], what: string): Diagnostic {
    const near = this.suggest(name);
    const first = where[0]!;
    const label = where.length === 1 ? '' : ` (${where.length} ${what}s; the first here)`;
    return {
      file: first.file,
      ...(first.line !== undefined ? { position: { line: first.line, col: 1 } } : {}),
      ...(first.where ? { path: first.where } : {}),
      message: `${this.provider === 'gcp' ? 'machine type' : this.provider === 'azure' ? 'VM size' : 'instance type'} "${name}" is not in the memory table (${this.files.join(', ') || 'none given'}, ${this.size} types)${label}; its memory is not guessed: add the type's listing`,
      ...(near ? { hint: `did you mean "${near}"?` } : {}),
    };
  }
}

/** GCP custom machine types carry their memory in the name: custom-<vCPUs>-<MiB>[-ext], n2-custom-... */
function customType(name: string): TypeInfo | undefined {
  const m = /^(?:[a-z0-9]+-)?custom-(\d+)-(\d+)(?:-ext)?$/.exec(name);
  return m ? { mib: new D(m[2]!), ref: { file: '(custom machine type: memory from its name)' } } : undefined;
}

const lastSegment = (url: string) => url.slice(url.lastIndexOf('/') + 1);
export { lastSegment };

/** Adds the types of one listing file to the provider's table; problems for entries without memory. */
export function readTypes(file: JsonFile, provider: Provider, table: TypeTable, problems: Diagnostic[]): void {
  const { data } = file;
  const rows: [Path, Record<string, unknown>, string | undefined][] = [];
  const push = (path: Path, v: unknown, zone?: string) => {
    if (isObject(v)) rows.push([path, v, zone]);
  };
  if (provider === 'aws') {
    const list = isObject(data) ? data.InstanceTypes : data;
    if (Array.isArray(list)) list.forEach((v, i) => push(isObject(data) ? ['InstanceTypes', i] : [i], v));
    // Keyed by type name: {"m5.large": {InstanceType, MemoryInfo, ...}, ...}
    else if (isObject(data)) for (const [key, v] of Object.entries(data)) push([key], v);
  } else if (provider === 'azure') {
    const list = isObject(data) ? data.value : data;
    if (Array.isArray(list)) list.forEach((v, i) => push(isObject(data) ? ['value', i] : [i], v));
  } else {
    const items = isObject(data) ? data.items : data;
    if (Array.isArray(items)) items.forEach((v, i) => push(isObject(data) ? ['items', i] : [i], v));
    else if (isObject(items)) {
      for (const [scope, group] of Object.entries(items)) {
        const list = get(group, 'machineTypes');
        if (Array.isArray(list)) list.forEach((v, i) => push(['items', scope, 'machineTypes', i], v));
      }
    }
  }
  file.prepare(rows.map(([p]) => p));
  for (const [path, v, zone] of rows) {
    const name = provider === 'aws' ? str(v.InstanceType) : str(v.name);
    const memory = provider === 'aws' ? dec(get(v, 'MemoryInfo', 'SizeInMiB')) : provider === 'azure' ? (dec(v.memoryInMb) ?? dec(v.memoryInMB)) : dec(v.memoryMb);
    const ref: SourceRef = { file: file.file, line: file.line(path), where: pathText([...(file.prefix ?? []), ...path]), ...(name ? { label: name } : {}) };
    if (name === undefined || memory === undefined || !memory.isPositive() || memory.isZero()) {
      const key = provider === 'aws' ? 'MemoryInfo.SizeInMiB' : provider === 'azure' ? 'memoryInMb' : 'memoryMb';
      problems.push({ file: file.file, position: { line: ref.line!, col: 1 }, path: ref.where!, message: `${name ? `type "${name}"` : 'an entry without a name'}: expected ${key} (a number of MiB > 0)` });
      continue;
    }
    table.add(name, { mib: memory, ref }, zone ?? (typeof v.zone === 'string' ? lastSegment(v.zone) : undefined));
  }
}

export function pathText(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `${i === 0 ? '' : '.'}${p}` : `[${JSON.stringify(p)}]`)).join('');
}
