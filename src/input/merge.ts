// `estimate --merge`: several estate files as one estate. The first file sets the estimate's
// settings (name aside: the names are joined); the others contribute entries. Names must stay
// unique within a section across all files, and every entry remembers its file and index.
import { formatPath } from './path.js';
import type { Diagnostic } from './diagnostics.js';
import type { EstateData } from './schema.js';
import type { ParsedDocument } from './source.js';
import { sectionEntries, SECTIONS, type Section } from './sections.js';

export interface EstateFile {
  file: string;
  data: EstateData;
  document: ParsedDocument;
}

export interface Origin {
  file: string;
  index: number;
}

export interface Merged {
  data: EstateData;
  /** For each section, where each merged entry came from. */
  origins: Map<Section, Origin[]>;
  diagnostics: Diagnostic[];
  /** Settings of later files that the first file's settings override. */
  ignored: string[];
}

const SETTINGS = ['licensing', 'period', 'currency', 'rates', 'budget', 'license'] as const;

export function mergeEstates(files: readonly EstateFile[]): Merged {
  const first = files[0]!;
  // A shallow copy: the entries (and their Decimals) are shared, the section lists are new.
  const data: EstateData = { ...first.data, synthetic: { ...first.data.synthetic } };
  const origins = new Map<Section, Origin[]>();
  const diagnostics: Diagnostic[] = [];
  const ignored: string[] = [];
  for (const section of SECTIONS) {
    const target: { name: string }[] = [];
    const from: Origin[] = [];
    const names = new Map<string, string>();
    for (const f of files) {
      sectionEntries(f.data, section).forEach((entry, index) => {
        const before = names.get(entry.name);
        if (before !== undefined) {
          const path = [...section.split('.'), index, 'name'];
          diagnostics.push({ file: f.file, position: f.document.locate(path), path: formatPath(path), message: `duplicate name "${entry.name}" across merged estates (also in ${before})` });
          return;
        }
        names.set(entry.name, f.file);
        target.push(entry);
        from.push({ file: f.file, index });
      });
    }
    origins.set(section, from);
    setSection(data, section, target);
  }
  for (const f of files.slice(1)) {
    for (const key of SETTINGS) {
      if (f.data[key] !== undefined && effective(key, f.data) !== effective(key, first.data)) ignored.push(`${f.file}: ${key}`);
    }
  }
  data.name = files.map((f) => f.data.name ?? f.file).join(' + ');
  return { data, origins, diagnostics, ignored };
}

/** A setting as it takes effect: an unset currency or period is the default one (USD, a month). */
function effective(key: (typeof SETTINGS)[number], data: EstateData): string {
  if (key === 'currency') return data.currency ?? 'USD';
  if (key === 'period') return data.period ? `${data.period.days.toString()} d` : '30 d';
  return JSON.stringify(data[key]);
}

function setSection(data: EstateData, section: Section, entries: { name: string }[]): void {
  const [head, tail] = section.split('.') as [string, string | undefined];
  if (tail) (data.synthetic as Record<string, unknown>)[tail] = entries;
  else (data as unknown as Record<string, unknown>)[head] = entries;
}

/** `synthetic.browser[3]` of the merged estate -> the file and path it came from. */
export function originOf(merged: Merged, path: string): { file: string; path: string } | undefined {
  const m = /^([A-Za-z.]+)\[(\d+)\]$/.exec(path);
  const origin = m && merged.origins.get(m[1] as Section)?.[Number(m[2])];
  return origin ? { file: origin.file, path: `${m![1]}[${origin.index}]` } : undefined;
}
