// Usage files, streamed record by record: billing usage events exported from DQL as a JSON array,
// the query result shapes `{"records": [...]}` and `{"result": {"records": [...]}}`, JSON lines,
// or CSV with a header; and the DPS Account Management API's usage and cost documents (`{"data":
// [...]}`). Nothing is held but the record being read: a file of 10,000,000 events is read in
// 4 MiB chunks, each record's text is cut out and parsed alone (JSON.parse; a record with a digit
// run longer than a double holds is parsed again exactly), CSV lines are split as they come.
//
// A file can be read again for a chosen few of its records (`wanted`): the refreshed copies of an
// event, which are told apart only once every copy has been seen. Those passes still read every
// byte but parse only the records asked for.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parseJson } from '../input/parse-json.js';

const CHUNK = 4 * 1024 * 1024;
/** One record (an event, a line) may not be larger than this: a file without line ends is refused, not read whole. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const MAX_DEPTH = 64;

export type Shape = 'array' | 'records' | 'result.records' | 'data' | 'jsonl' | 'csv' | 'none';

/** A problem with a file as a whole or at a line: reported, nothing else is read of the file. */
export class SourceProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A record: field name -> value (numbers as JSON.parse gives them, or Decimals; CSV cells as text). */
export type UsageRecord = Record<string, unknown>;

export interface RecordVisitor {
  /**
   * Called with each record wanted, its 0-based ordinal in the file, the line it starts on, and
   * for JSON its text (see exactRecord).
   */
  record(record: UsageRecord, ordinal: number, line: number, text?: string): void;
  /** Called once the shape of the file is known, before its first record. */
  shape?(shape: Shape, columns?: readonly string[]): void;
  /** Whether record `ordinal` is to be parsed (default: all). */
  wanted?(ordinal: number): boolean;
  /** Called after each chunk with the bytes read so far and the records seen so far. */
  progress?(bytes: number, records: number): void;
}

export interface ReadSummary {
  shape: Shape;
  records: number;
  /** Scalar values at the top level of a JSON document (DPS API: lastModifiedTime, nextPageKey). */
  topLevel: Record<string, unknown>;
  /** Keys at the top level of a JSON document (to name a document of the wrong kind). */
  topKeys: string[];
  bytes: number;
  mtimeMs: number;
}

/** JSON.parse of a record's text (numbers as doubles: see exactRecord). */
function parseRecord(text: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new SourceProblem(`this record is not valid JSON: ${(err as Error).message}`, line);
  }
}

/**
 * Whether a number given for `field` in a record's JSON text has more than 15 significant
 * characters, which a double may not hold exactly (a long past 2^53, a decimal with many places):
 * every occurrence of the key is looked at (a cost-centre list repeats it).
 */
export function needsExact(text: string, field: string): boolean {
  const key = `"${field}"`;
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + key.length)) {
    let j = i + key.length;
    let c = text.charCodeAt(j);
    while (c === 32 || c === 9 || c === 10 || c === 13 || c === 58) c = text.charCodeAt(++j);
    let digits = 0;
    while ((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 101 || c === 69) {
      digits++;
      c = text.charCodeAt(++j);
    }
    if (digits > 15) return true;
  }
  return false;
}

/** A record's JSON text parsed with exact decimals (numbers as Decimals), or undefined when it cannot be. */
export function exactRecord(text: string): UsageRecord | undefined {
  const parsed = parseJson(text);
  const data = parsed.ok ? parsed.document.data : undefined;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as UsageRecord) : undefined;
}

function asRecord(value: unknown, line: number, what: string): UsageRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new SourceProblem(`${what} is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not an object (a record)`, line);
  }
  return value as UsageRecord;
}

/** Reads a file in chunks, handing each to `onChunk` with its length; returns the file's size and mtime. */
function chunks(file: string, onChunk: (buf: Buffer, n: number) => void, progress?: (bytes: number) => void): { bytes: number; mtimeMs: number } {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    const buf = Buffer.allocUnsafe(CHUNK);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      onChunk(buf, n);
      total += n;
      progress?.(total);
    }
    return { bytes: stat.size, mtimeMs: stat.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a file. */
export function headOf(file: string, n = 65536): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Lines of a text file as strings, with their 1-based numbers (CR LF or LF; a BOM is dropped):
 * chunks are decoded up to their last line end, so a character is never cut in two.
 */
function lines(file: string, onLine: (text: string, line: number) => void, progress?: (bytes: number) => void): { bytes: number; mtimeMs: number } {
  let carry: Buffer | undefined;
  let line = 0;
  let bomChecked = false;
  const strip = (text: string) => (text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text);
  // `complete`: the text ends where a line end was (its last line is whole even when empty).
  const emit = (text: string, complete: boolean) => {
    let start = 0;
    if (!bomChecked) {
      bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) start = 1;
    }
    for (;;) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      line++;
      onLine(strip(text.slice(start, end)), line);
      start = end + 1;
    }
    if (complete || start < text.length) {
      line++;
      onLine(strip(text.slice(start)), line);
    }
  };
  const stat = chunks(file, (buf, n) => {
    const last = buf.lastIndexOf(10, n - 1);
    if (carry && last >= 0 && carry.length + buf.indexOf(10) > MAX_RECORD_BYTES) throw new SourceProblem(`a line of more than ${MAX_RECORD_BYTES / 1024 / 1024} MiB`, line + 1);
    if (last < 0) {
      carry = carry ? Buffer.concat([carry, buf.subarray(0, n)]) : Buffer.from(buf.subarray(0, n));
      if (carry.length > MAX_RECORD_BYTES) throw new SourceProblem(`a line of more than ${MAX_RECORD_BYTES / 1024 / 1024} MiB`, line + 1);
      return;
    }
    emit(carry ? Buffer.concat([carry, buf.subarray(0, last)]).toString('utf8') : buf.toString('utf8', 0, last), true);
    carry = last + 1 < n ? Buffer.from(buf.subarray(last + 1, n)) : undefined;
  }, progress);
  if (carry) emit(carry.toString('utf8'), false);
  return stat;
}

/** What a file is, from its first bytes. */
export function sniff(file: string): 'json-array' | 'json-object' | 'csv' | 'empty' | 'gzip' | 'zip' | 'utf16' | 'binary' {
  const head = headOf(file, 4096);
  if (head.length === 0) return 'empty';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'zip';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf16';
  if (head.includes(0)) return 'binary';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 32 || head[i] === 9 || head[i] === 10 || head[i] === 13)) i++;
  if (i >= head.length) return 'empty';
  if (head[i] === 91) return 'json-array';
  if (head[i] === 123) return 'json-object';
  return 'csv';
}

/**
 * JSON lines: one record per line. A file that starts with `{` is JSON lines when its first line
 * is a whole object of its own with the fields of an event (event.*, usage.*, timestamp), not a
 * document (`records`, `result`, `data`, a DPS subscription).
 */
export function isJsonLines(file: string): boolean {
  const head = headOf(file, 1024 * 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  const end = head.indexOf('\n');
  const first = end < 0 ? head : head.slice(0, end);
  try {
    const value = JSON.parse(first) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    // An event of its own (a line of JSON lines), not a document holding records or API rows.
    const keys = Object.keys(value);
    return keys.some((k) => k.startsWith('event.') || k === 'timestamp' || k.startsWith('usage.'));
  } catch {
    return false;
  }
}

/** Streams the records of a JSON lines file. */
export function readJsonLines(file: string, visitor: RecordVisitor): ReadSummary {
  visitor.shape?.('jsonl');
  let ordinal = 0;
  const wanted = visitor.wanted;
  const stat = lines(file, (text, line) => {
    // Blank lines are allowed (a trailing line end, a file joined from several).
    if (text.length === 0 || /^\s*$/.test(text)) return;
    const o = ordinal++;
    if (wanted && !wanted(o)) return;
    visitor.record(asRecord(parseRecord(text, line), line, `line ${line}`), o, line, text);
  }, visitor.progress && ((bytes) => visitor.progress!(bytes, ordinal)));
  return { shape: 'jsonl', records: ordinal, topLevel: {}, topKeys: [], ...stat };
}

/**
 * Streams the records of a JSON document: the elements of the top-level array, or of `records`,
 * `result.records` or `data` in a top-level object. The text outside the records is checked for
 * its structure only; each record is cut out by its braces and parsed alone.
 */
export function readJsonDocument(file: string, visitor: RecordVisitor): ReadSummary {
  let line = 1;
  // The document's skeleton, outside the records: containers (123 `{`, 91 `[`), and per object
  // level the last key and whether a key comes next.
  const stack: number[] = [];
  const keys: string[] = [];
  const expectKey: boolean[] = [];
  let recordsLevel = -1;
  let shape: Shape | undefined;
  const topLevel: Record<string, unknown> = {};
  const topKeys: string[] = [];
  let done = false;
  // A string or scalar being read in the skeleton.
  let token: number[] | undefined;
  let tokenIsString = false;
  let inString = false;
  let escape = false;
  // A record being cut out.
  let capturing = false;
  let depth = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let recordLine = 0;
  let ordinal = 0;
  const wanted = visitor.wanted;

  const fail = (message: string): never => {
    throw new SourceProblem(message, line);
  };
  const pathMatches = (): Shape | undefined => {
    if (stack.length === 0) return 'array';
    if (stack.length === 1 && stack[0] === 123) {
      if (keys[0] === 'records') return 'records';
      if (keys[0] === 'data') return 'data';
    }
    if (stack.length === 2 && stack[0] === 123 && stack[1] === 123 && keys[0] === 'result' && keys[1] === 'records') return 'result.records';
    return undefined;
  };
  const decodeString = (text: string): string => {
    try {
      return JSON.parse(`"${text}"`) as string;
    } catch {
      return text;
    }
  };
  const endScalar = () => {
    if (!token) return;
    const text = Buffer.from(token).toString('utf8');
    const level = stack.length - 1;
    if (tokenIsString && stack[level] === 123 && expectKey[level]) {
      keys[level] = decodeString(text);
      if (level === 0) topKeys.push(keys[level]!);
    } else {
      if (!tokenIsString && !/^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(text)) fail(`this is not valid JSON: unexpected "${text.slice(0, 20)}"`);
      if (stack.length === 0) fail('this is a single JSON value, not billing usage events or DPS API JSON');
      if (level === 0 && stack[0] === 123) topLevel[keys[0]!] = tokenIsString ? decodeString(text) : (JSON.parse(text) as unknown);
    }
    token = undefined;
  };
  const finishRecord = (buf: Buffer, start: number, end: number) => {
    if (partBytes + end - start > MAX_RECORD_BYTES) throw new SourceProblem(`record ${ordinal + 1} is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MiB`, recordLine);
    const o = ordinal++;
    if (wanted && !wanted(o)) {
      parts = [];
      partBytes = 0;
      return;
    }
    const text = parts.length === 0 ? buf.toString('utf8', start, end) : Buffer.concat([...parts, buf.subarray(start, end)]).toString('utf8');
    parts = [];
    partBytes = 0;
    visitor.record(asRecord(parseRecord(text, recordLine), recordLine, `record ${o + 1}`), o, recordLine, text);
  };

  let first = true;
  const stat = chunks(file, (buf, n) => {
    let i = 0;
    if (first) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) i = 3;
    }
    let recordStart = capturing ? 0 : -1;
    for (; i < n; i++) {
      const c = buf[i]!;
      if (capturing) {
        if (inString) {
          if (escape) escape = false;
          else if (c === 92) escape = true;
          else if (c === 34) inString = false;
          else if (c === 10) line++;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (--depth === 0) {
            capturing = false;
            finishRecord(buf, recordStart, i + 1);
            recordStart = -1;
            const level = stack.length - 1;
            expectKey[level] = false;
          }
        } else if (c === 10) line++;
        continue;
      }
      if (done) {
        if (c === 10) line++;
        else if (c !== 32 && c !== 9 && c !== 13) fail('this is not valid JSON: more text after the end of the document');
        continue;
      }
      if (token) {
        if (tokenIsString) {
          if (escape) escape = false;
          else if (c === 92) escape = true;
          else if (c === 34) {
            endScalar();
            continue;
          }
          if (token.length < 4096) token.push(c);
          continue;
        }
        if (c !== 44 && c !== 125 && c !== 93 && c !== 58 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
          if (token.length < 4096) token.push(c);
          continue;
        }
        endScalar();
      }
      switch (c) {
        case 10:
          line++;
          break;
        case 32:
        case 9:
        case 13:
          break;
        case 34:
          if (recordsLevel >= 0 && stack.length === recordsLevel) fail(`record ${ordinal + 1} is text, not an object (a record)`);
          token = [];
          tokenIsString = true;
          break;
        case 58: // :
          if (stack[stack.length - 1] !== 123 || !expectKey[stack.length - 1]) fail('this is not valid JSON: unexpected ":"');
          expectKey[stack.length - 1] = false;
          break;
        case 44: // ,
          if (stack.length === 0) fail('this is not valid JSON: unexpected ","');
          if (stack[stack.length - 1] === 123) expectKey[stack.length - 1] = true;
          break;
        case 123:
        case 91: {
          const level = stack.length;
          if (recordsLevel >= 0 && level === recordsLevel) {
            if (c !== 123) fail(`record ${ordinal + 1} is a list, not an object (a record)`);
            capturing = true;
            depth = 1;
            recordStart = i;
            recordLine = line;
            break;
          }
          if (c === 91) {
            const match = pathMatches();
            if (match && recordsLevel === -1) {
              shape = match;
              recordsLevel = level + 1;
              visitor.shape?.(match);
            }
          }
          if (level >= MAX_DEPTH) fail(`this is not valid JSON for dtcost: nesting deeper than ${MAX_DEPTH} levels outside the records`);
          stack.push(c);
          keys[level] = '';
          expectKey[level] = c === 123;
          break;
        }
        case 125:
        case 93: {
          const open = stack.pop();
          if (open === undefined || (open === 123) !== (c === 125)) fail(`this is not valid JSON: unexpected "${String.fromCharCode(c)}"`);
          if (stack.length + 1 === recordsLevel) recordsLevel = -2; // the records list is closed: no other list counts
          if (stack.length === 0) done = true;
          break;
        }
        default:
          if (recordsLevel >= 0 && stack.length === recordsLevel) fail(`record ${ordinal + 1} is not an object (a record)`);
          token = [c];
          tokenIsString = false;
      }
    }
    if (capturing) {
      const piece = Buffer.from(buf.subarray(recordStart, n));
      parts.push(piece);
      partBytes += piece.length;
      if (partBytes > MAX_RECORD_BYTES) throw new SourceProblem(`record ${ordinal + 1} is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MiB`, recordLine);
    }
  }, visitor.progress && ((bytes) => visitor.progress!(bytes, ordinal)));
  if (token) endScalar();
  if (capturing || inString) throw new SourceProblem('this JSON ends in the middle of a record (is the file cut short?)', line);
  if (!done) throw new SourceProblem('this JSON ends before its document does (is the file cut short?)', line);
  if (shape === undefined) return { shape: 'none', records: 0, topLevel, topKeys, ...stat };
  return { shape, records: ordinal, topLevel, topKeys, ...stat };
}

/** The delimiter of a CSV file, from its header: comma (DQL), semicolon or tab. */
function delimiterOf(header: string): string {
  const count = (c: string) => header.split(c).length - 1;
  const best = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * The fields of a CSV record (RFC 4180: quoted fields may hold the delimiter, doubled quotes and
 * line ends), or undefined when a quoted field is still open at the end of `text`.
 */
export function splitCsv(text: string, delimiter: string): string[] | undefined {
  if (text.indexOf('"') < 0) return text.split(delimiter);
  const fields: string[] = [];
  const d = delimiter.charCodeAt(0);
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      let start = i + 1;
      for (;;) {
        const q = text.indexOf('"', start);
        if (q < 0) return undefined;
        value += text.slice(start, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          start = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text between the closing quote and the delimiter is kept, as spreadsheet programs do.
      const next = text.indexOf(delimiter, i);
      const end = next < 0 ? text.length : next;
      value += text.slice(i, end);
      fields.push(value);
      if (next < 0) return fields;
      i = next + 1;
    } else {
      let next = i;
      while (next < text.length && text.charCodeAt(next) !== d) next++;
      fields.push(text.slice(i, next));
      if (next >= text.length) return fields;
      i = next + 1;
    }
  }
}

/** Streams the records of a CSV file with a header: each as field -> text, empty cells left out. */
export function readCsvFile(file: string, visitor: RecordVisitor): ReadSummary {
  let columns: string[] | undefined;
  let delimiter = ',';
  let pending: string | undefined;
  let pendingLine = 0;
  let ordinal = 0;
  const wanted = visitor.wanted;
  const stat = lines(file, (text, line) => {
    let start = line;
    if (pending !== undefined) {
      text = `${pending}\n${text}`;
      start = pendingLine;
      if (text.length > MAX_RECORD_BYTES) throw new SourceProblem(`a quoted field of more than ${MAX_RECORD_BYTES / 1024 / 1024} MiB (a stray quote?)`, start);
    }
    if (columns === undefined) {
      if (text.trim() === '') return;
      delimiter = delimiterOf(text);
    } else if (pending === undefined && text.length === 0) return;
    const fields = splitCsv(text, delimiter);
    if (fields === undefined) {
      pending = text;
      pendingLine = start;
      return;
    }
    pending = undefined;
    if (columns === undefined) {
      columns = fields.map((f) => f.trim());
      visitor.shape?.('csv', columns);
      return;
    }
    const o = ordinal++;
    if (wanted && !wanted(o)) return;
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f !== '')) {
      throw new SourceProblem(`this row has ${fields.length} fields, the header ${columns.length}`, start);
    }
    const record: UsageRecord = {};
    for (let c = 0; c < columns.length && c < fields.length; c++) {
      const value = fields[c]!;
      if (value !== '') record[columns[c]!] = value;
    }
    visitor.record(record, o, start);
  }, visitor.progress && ((bytes) => visitor.progress!(bytes, ordinal)));
  if (pending !== undefined) throw new SourceProblem('a quoted field is not closed at the end of the file (a stray quote?)', pendingLine);
  if (columns === undefined) throw new SourceProblem('the file is empty: no header');
  return { shape: 'csv', records: ordinal, topLevel: {}, topKeys: [], ...stat };
}

/** A cell or value holding a list of records as JSON text (`dt.cost.costcenter` in a CSV export). */
export function jsonCell(value: unknown): unknown {
  if (typeof value !== 'string' || value.charCodeAt(0) !== 91) return value;
  try {
    const parsed = parseJson(value);
    return parsed.ok ? parsed.document.data : value;
  } catch {
    return value;
  }
}
