// RVTools: the vInfo tab, as CSV or xlsx. One row per VM; memory in MiB. Templates and VMs that are
// not powered on are skipped and counted; powered-on VMs of the same cluster and memory become one
// `hosts` entry with a count.
import { D, ZERO } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { didYouMean } from '../input/suggest.js';
import { head, isZip, readCsv, readSheet, type Cell } from './files.js';
import { groupBy, plural } from './group.js';
import { ImportFailure, type ImportedEntry, type ImportResult, type SourceRef, type Note } from './model.js';

/** Header names of every RVTools version and CSV exporter, compared without case, spaces or punctuation. */
const COLUMNS = {
  vm: ['vm', 'vmname', 'name'],
  powerstate: ['powerstate', 'powerstatus', 'state'],
  template: ['template', 'istemplate'],
  memory: ['memory', 'memorymib', 'memorymb', 'mem', 'memorysizemib', 'memorysizemb'],
  cluster: ['cluster', 'clustername'],
  datacenter: ['datacenter', 'datacentername'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['vm', 'powerstate', 'memory'];
const SHOWN: Record<Column, string> = { vm: 'VM', powerstate: 'Powerstate', template: 'Template', memory: 'Memory', cluster: 'Cluster', datacenter: 'Datacenter' };

/** "vInfoVMName" -> "vmname", "OS according to the configuration file" -> "osaccordingtotheconfigurationfile". */
export function normalizeHeader(header: string): string {
  const flat = header.toLowerCase().replace(/[^a-z0-9]/g, '');
  return flat.startsWith('vinfo') && flat.length > 5 ? flat.slice(5) : flat;
}

/** Which column holds what, from the header row; undefined for a column that is not there. */
export function mapColumns(headers: readonly Cell[]): Record<Column, number | undefined> {
  const normalized = headers.map((h) => (h === undefined ? '' : normalizeHeader(h)));
  const out = {} as Record<Column, number | undefined>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const aliases = COLUMNS[column] as readonly string[];
    let index: number | undefined;
    for (const alias of aliases) {
      const i = normalized.indexOf(alias);
      if (i >= 0) {
        index = i;
        break;
      }
    }
    out[column] = index;
  }
  return out;
}

/** What a file that is not vInfo is, from its headers (another RVTools tab), if it can be told. */
function otherTab(headers: readonly Cell[]): string | undefined {
  const names = headers.filter((h): h is string => typeof h === 'string');
  if (names.includes('# Memory') || names.includes('# CPU') || names.includes('vHostMemorySize')) return 'the vHost tab';
  const prefixed = names.map((h) => /^(v[A-Z][A-Za-z]+?)(?=[A-Z0-9#_ ]|$)/.exec(h)?.[1]).find((p) => p !== undefined && p !== 'vInfo');
  if (prefixed && names.every((h) => !h.startsWith('vInfo'))) return `the ${prefixed} tab`;
  const flat = names.map(normalizeHeader);
  if (flat.includes('memory') === false && (flat.includes('cpumodel') || flat.includes('esxversion') || names.includes('# Memory'))) return 'the vHost tab';
  if (flat.includes('disk') && flat.includes('capacitymib')) return 'the vDisk tab';
  return undefined;
}

interface Vm {
  line: number;
  name: string;
  cluster: string;
  /** Memory in MiB, as written. */
  mib: string;
}

const TRUE = /^(true|yes|1)$/i;

export async function importRvtools(files: readonly string[]): Promise<ImportResult> {
  const problems: Diagnostic[] = [];
  const vms: (Vm & { file: string; where?: string })[] = [];
  const skipped = { template: [] as SourceRef[], state: new Map<string, SourceRef[]>(), memory: [] as SourceRef[] };
  let sheetName: string | undefined;

  for (const file of files) {
    let where: string | undefined;
    /** The header's column map once read; null when the header is wrong (rows are then not read). */
    let columns: Record<Column, number | undefined> | null | undefined;
    let rowCount = 0;
    const cell = (cells: readonly Cell[], c: Column) => {
      const i = columns ? columns[c] : undefined;
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const onRow = (cells: readonly Cell[], line: number) => {
      if (!cells.some((c) => c !== undefined && c.trim() !== '')) return; // blank (",,,,", or formatted but empty)
      rowCount++;
      if (columns === undefined) {
        columns = header(file, cells, line);
        return;
      }
      if (columns === null) return;
      const label = cell(cells, 'vm');
      const ref: SourceRef = { file, line, ...(where ? { where } : {}), label };
      if (TRUE.test(cell(cells, 'template'))) {
        skipped.template.push(ref);
        return;
      }
      const state = cell(cells, 'powerstate');
      if (state.toLowerCase() !== 'poweredon') {
        const key = state === '' ? '(empty)' : state;
        const list = skipped.state.get(key);
        if (list) list.push(ref);
        else skipped.state.set(key, [ref]);
        return;
      }
      const written = cell(cells, 'memory');
      // "34,321" or "34 321": thousands separators of a whole number of MiB.
      const memory = /^\d{1,3}(?:[, ]\d{3})+$/.test(written) ? written.replace(/[, ]/g, '') : written;
      if (memory === '') {
        skipped.memory.push(ref);
        return;
      }
      if (!/^\d+(\.\d+)?$/.test(memory) || /^[0.]+$/.test(memory)) {
        problems.push({ file, position: { line, col: (columns.memory ?? 0) + 1 }, ...(where ? { path: `${where}!row ${line}` } : {}), message: `${SHOWN.memory} of VM "${label}": expected a number of MiB > 0, found ${JSON.stringify(memory)}` });
        return;
      }
      // One spelling per amount ("04096.0" is "4096"), for grouping.
      const mib = memory.replace(/^0+(?=\d)/, '').replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
      vms.push({ file, ...(where ? { where } : {}), line, name: label, cluster: cell(cells, 'cluster') || cell(cells, 'datacenter'), mib });
    };
    if (isZip(head(file))) {
      const sheet = await readSheet(file, /^(?:tab)?vinfo$/i);
      where = sheet.sheet;
      sheetName = sheet.sheet;
      for (const row of sheet.rows) onRow(row.cells, row.line);
    } else {
      if (/^\s*[[{]/.test(head(file, 64).toString('utf8'))) throw new ImportFailure([{ file, message: 'this is JSON, not an RVTools vInfo export (CSV or xlsx)' }]);
      problems.push(...(await readCsv(file, (r) => onRow(r.fields, r.line))));
    }
    if (rowCount === 0) problems.push({ file, message: 'the file has no rows (expected the vInfo tab: a header row, then one row per VM)' });
  }

  /** The column map of a header row, or null (and the problems) when it is not vInfo's. */
  function header(file: string, cells: readonly Cell[], line: number): Record<Column, number | undefined> | null {
    const columns = mapColumns(cells);
    const missing = REQUIRED.filter((c) => columns[c] === undefined);
    if (missing.length === 0) return columns;
    const tab = otherTab(cells);
    const headers = cells.filter((h): h is string => typeof h === 'string' && h.trim() !== '');
    if (tab || missing.length === REQUIRED.length || missing.includes('vm')) {
      problems.push({ file, position: { line, col: 1 }, message: `this is ${tab ?? 'not an RVTools vInfo export'}, not the vInfo tab (expected the columns VM, Powerstate and Memory; found ${headers.slice(0, 8).join(', ')}${headers.length > 8 ? ', ...' : ''})` });
    } else {
      for (const m of missing) {
        const near = didYouMean(SHOWN[m], headers);
        problems.push({ file, position: { line, col: 1 }, message: `no ${SHOWN[m]} column in the header row (also read: ${(COLUMNS[m] as readonly string[]).join(', ')}, with or without a vInfo prefix)`, ...(near ? { hint: `did you mean "${near}"?` } : {}) });
      }
    }
    return null;
  }

  const entries: ImportedEntry[] = [];
  // MiB as written ("4096"): one Decimal per group, not per VM.
  const groups = groupBy(vms, (vm) => `${vm.cluster}\u0000${vm.mib}`);
  let totalGiB = ZERO;
  for (const group of groups.values()) {
    const first = group[0]!;
    const mib = new D(first.mib);
    const gib = mib.dividedBy(1024);
    totalGiB = totalGiB.plus(gib.times(group.length));
    entries.push({
      section: 'hosts',
      name: `${first.cluster || 'vms'}/${mib.toFixed()}MiB`,
      fields: [
        ['count', group.length],
        ['memoryGiB', gib],
        ['mode', 'fullstack'],
        ['hoursPerDay', 24],
      ],
      sources: group.map((vm) => ({ file: vm.file, line: vm.line, ...(vm.where ? { where: vm.where } : {}), label: vm.name })),
    });
  }
  const notes: Note[] = [`${plural(vms.length, 'powered-on VM')} (${totalGiB.toFixed()} GiB of memory) in ${plural(entries.length, 'hosts entry', 'hosts entries')}, grouped by cluster and memory.`];
  if (skipped.template.length > 0) notes.push({ text: `Skipped ${plural(skipped.template.length, 'template')} (not running VMs)`, rows: skipped.template });
  for (const [state, refs] of skipped.state) notes.push({ text: `Skipped ${plural(refs.length, 'VM')} with Powerstate ${state} (not monitored while off)`, rows: refs });
  if (skipped.memory.length > 0) notes.push({ text: `Skipped ${plural(skipped.memory.length, 'powered-on VM')} without a Memory value (add ${skipped.memory.length === 1 ? 'it' : 'them'} by hand)`, rows: skipped.memory });
  return { title: `RVTools import${sheetName ? ` (${sheetName})` : ''}`, entries, notes, problems };
}
