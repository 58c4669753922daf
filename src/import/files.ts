// Reading the customer's files: JSON (with the line of every object, for source comments and
// errors), CSV (streamed with csv-parse, each record with its first line; records that cannot be
// parsed are all reported) and the rows of one sheet of an xlsx workbook (exceljs).
import { createReadStream, openSync, readSync, closeSync, readFileSync, statSync } from 'node:fs';
import { decode } from '../input/load.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { parseJson } from '../input/parse-json.js';
import type { Path } from '../input/path.js';
import type { Position } from '../input/source.js';
import { ImportFailure } from './model.js';

/** Inventories can be much larger than estates: 10,000 pods of `kubectl get pods -o json` are ~100 MB. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

const fail = (file: string, message: string): ImportFailure => new ImportFailure([{ file, message }]);

function checkFile(path: string): number {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw fail(path, 'is a directory, not a file');
    if (!stat.isFile()) throw fail(path, 'is not a regular file');
    if (stat.size > MAX_IMPORT_BYTES) throw fail(path, `the file is ${(stat.size / 1024 / 1024).toFixed(0)} MiB; dtcost imports files of up to 512 MiB`);
    return stat.size;
  } catch (err) {
    if (err instanceof ImportFailure) throw err;
    throw fail(path, `cannot read the file: ${errnoText(err)}`);
  }
}

export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return (err as Error).message ?? String(err);
}

/** The first bytes of a file (to tell xlsx from CSV from JSON). */
export function head(path: string, n = 8): Buffer {
  checkFile(path);
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export interface JsonFile {
  file: string;
  data: unknown;
  /** The line where the value at `path` starts. */
  line(path: Path): number;
  /** Says which paths will be asked for: one pass over the text finds them all. */
  prepare(paths: readonly Path[]): void;
  /** Where `data` is in the file (a response inside a recording: src/import/recordings.ts); the top by default. */
  prefix?: Path;
}

export function readJson(file: string): JsonFile {
  checkFile(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw fail(file, `cannot read the file: ${errnoText(err)}`);
  }
  if (isZip(bytes)) throw fail(file, 'this is a zip archive (an xlsx workbook?), not JSON');
  const decoded = decode(bytes, file);
  if (!decoded.ok) throw new ImportFailure(decoded.diagnostics);
  if (!/^\s*[[{]/.test(decoded.text)) {
    const first = decoded.text.split('\n', 1)[0]!.slice(0, 60);
    throw fail(file, `this is not JSON (it starts with ${JSON.stringify(first)}); dtcost import reads the JSON that the command line tools print (-o json, --format json, --output json)`);
  }
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) throw new ImportFailure(parsed.problems.map((p) => ({ file, position: p.position, message: `this is not valid JSON: ${p.message}` })));
  const doc = parsed.document;
  return {
    file,
    data: doc.data,
    line: (path) => doc.locate(path).line,
    prepare: (paths) => doc.prepare?.(paths),
  };
}

export interface CsvRecord {
  fields: string[];
  /** The line where the record starts. */
  line: number;
}

/** The delimiter of a CSV file, from its first line: comma, semicolon (European exports) or tab. */
function delimiterOf(firstLine: string): string {
  const count = (c: string) => firstLine.split(c).length - 1;
  const candidates = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * Streams the records of a CSV file to `onRecord`; records that cannot be parsed (a stray quote)
 * are skipped and returned as diagnostics with their lines, all of them.
 */
export async function readCsv(file: string, onRecord: (record: CsvRecord) => void): Promise<Diagnostic[]> {
  checkFile(file);
  const first = head(file, 4096);
  if (isZip(first)) throw fail(file, 'this is an xlsx workbook (a zip archive), not CSV: name it .xlsx');
  const utf16 = first[0] === 0xff && first[1] === 0xfe;
  if (!utf16 && first.includes(0)) throw fail(file, 'the file is not text (it holds NUL bytes)');
  const text = utf16 ? first.subarray(2).toString('utf16le') : first.toString('utf8');
  const { parse } = await import('csv-parse');
  const problems: Diagnostic[] = [];
  const parser = parse({
    bom: true,
    delimiter: delimiterOf(text.split(/\r?\n/, 1)[0] ?? ''),
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    ...(utf16 ? { encoding: 'utf16le' as BufferEncoding } : {}),
  });
  let endLine = 0;
  let empty = 0;
  // A record that cannot be parsed is reported at the line where it starts (a stray quote can run on).
  parser.on('skip', (err: Error & { lines?: number }) => {
    problems.push({ file, position: { line: endLine + 1, col: 1 }, message: `this row cannot be read as CSV: ${err.message.replace(/ at line \d+/, '')}` });
    endLine = err.lines ?? endLine + 1;
  });
  const stream = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (r: { record: string[]; info: { lines: number; empty_lines: number } }) => {
      const start = endLine + 1 + (r.info.empty_lines - empty);
      endLine = r.info.lines;
      empty = r.info.empty_lines;
      onRecord({ fields: r.record, line: start });
    });
    parser.on('end', resolve);
    parser.on('error', (err: Error & { lines?: number }) => {
      problems.push({ file, position: { line: endLine + 1, col: 1 }, message: `this row cannot be read as CSV: ${err.message.replace(/ at line \d+/, '')}` });
      resolve();
    });
    stream.on('error', (err) => reject(fail(file, `cannot read the file: ${errnoText(err)}`)));
    stream.pipe(parser);
  });
  return problems;
}

export type Cell = string | undefined;

/**
 * The rows of the vInfo sheet of an xlsx workbook (or of its only sheet) as text cells, with their
 * row numbers; blank rows dropped. Streamed: the sheets before it are read past, those after it not.
 */
export async function readSheet(file: string, wanted: RegExp): Promise<{ sheet: string; rows: { cells: Cell[]; line: number }[] }> {
  checkFile(file);
  const ExcelJS = (await import('exceljs')).default;
  const names: string[] = [];
  let first: { sheet: string; rows: { cells: Cell[]; line: number }[] } | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }> & { name: string };
      const name = String(ws.name);
      names.push(name);
      const keep = wanted.test(name) || first === undefined;
      const rows: { cells: Cell[]; line: number }[] = [];
      for await (const row of ws) {
        if (!keep) continue;
        const cells = (Array.isArray(row.values) ? row.values.slice(1) : []).map(cellText);
        if (cells.some((c) => c !== undefined && c.trim() !== '')) rows.push({ cells, line: row.number });
      }
      if (wanted.test(name)) return { sheet: name, rows };
      if (first === undefined) first = { sheet: name, rows };
    }
  } catch (err) {
    throw fail(file, `this xlsx workbook cannot be read: ${(err as Error).message}`);
  }
  if (names.length === 1 && first) return first;
  throw fail(file, `no vInfo sheet in this workbook (its sheets: ${names.join(', ') || 'none'}); dtcost import rvtools reads the vInfo tab`);
}

function cellText(value: unknown): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error !== undefined) return v.error;
  }
  return String(value);
}

/** `line:col` of a problem in a file, for diagnostics built by hand. */
export const at = (line: number, col = 1): Position => ({ line, col });
