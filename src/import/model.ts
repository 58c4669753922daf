// What an importer produces: estate entries with the rows they come from, notes (what was skipped
// and why), and problems (rows that cannot be read). The writer turns it into a commented estate.
import type { D } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';

export type ImportSection = 'hosts' | 'containers' | 'pods' | 'logs';
export const IMPORT_SECTIONS: readonly ImportSection[] = ['hosts', 'containers', 'pods', 'logs'];

/** Where an entry's data comes from: a row of a file (its line), or an object in it (its path). */
export interface SourceRef {
  file: string;
  /** 1-based line (the first line of a CSV record, the object's line in a JSON file). */
  line?: number;
  /** For spreadsheets: the sheet; for JSON: the object's path (`items[3]`). */
  where?: string;
  /** What is there, for people: a VM's or a pod's name, an instance id. */
  label?: string;
}

/** A value of an entry field: a Decimal is written as a plain number, a string quoted as needed. */
export type FieldValue = D | string | number | boolean;

export interface ImportedEntry {
  section: ImportSection;
  /** Proposed name; the writer makes it valid and unique in its section. */
  name: string;
  /** Fields after `name`, in order. */
  fields: [string, FieldValue][];
  sources: SourceRef[];
  /** Further comment lines above the entry (no source rows: those come from `sources`). */
  notes?: string[];
}

/** A summary line, optionally followed by the rows it is about (listed in full in the estate, cut short on standard error). */
export type Note = string | { text: string; rows: SourceRef[] };

export interface ImportResult {
  /** The estate's title (`name:`). */
  title: string;
  entries: ImportedEntry[];
  /** Summary lines for standard error and the estate's header comment (skipped rows and why...). */
  notes: Note[];
  /** Rows or files that cannot be read: when any, nothing is written. */
  problems: Diagnostic[];
}

export interface ImportOptions {
  monitoring?: 'fullstack' | 'application' | 'platform';
  /** Provider type tables for terraform (--types). */
  types?: string[];
  /** Splunk: one logs entry per index or per sourcetype. */
  by?: 'index' | 'sourcetype';
}

/** A problem that stops an import at once (an unreadable file), reported like any other. */
export class ImportFailure extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('; '));
  }
}
