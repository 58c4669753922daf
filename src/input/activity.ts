// Activity files (`activity:` entries): observed host runs, `host,start,end[,memoryGiB][,mode]` with
// ISO 8601 times, for exact accounting instead of steady-state estimates. This is the reader: the
// file is streamed line by line (no line longer than 64 KiB is ever held), each row checked and
// handed to the fold (metering/activity.ts), which does the arithmetic of both models in any row
// order. Memory grows with the time window the runs cover and the number of distinct hosts, never
// with the number of rows.
//
// Limits (README "Limits"), each reported with the file and line: a line of at most 65,536
// characters, a host name of at most 256, years from 1970 to 9999, runs of one file within 3,653
// days (10 years), at most 200 problems reported (the file is not read further).
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { D } from '../core/decimal.js';
import { ActivityFold, runWeights, type ActivityMode, type ActivitySummary, type FoldData, type RunWeights } from '../metering/activity.js';
import type { Diagnostic } from './diagnostics.js';
import { quoteFound } from './excerpt.js';
import { toDecimal } from './schema-kit.js';

export type { ActivitySummary } from '../metering/activity.js';

export interface ActivityDefaults {
  memoryGiB?: D;
  mode: ActivityMode;
  infrastructureCap: boolean;
}

const DAY = 86_400_000;
export const MAX_LINE_CHARS = 65_536;
export const MAX_HOST_CHARS = 256;
export const MAX_SPAN_DAYS = 3_653;
const MAX_SPAN = MAX_SPAN_DAYS * DAY;
export const MIN_YEAR = 1970;
export const MAX_YEAR = 9999;
const MODES: readonly string[] = ['fullstack', 'infrastructure', 'discovery'];
export const MAX_REPORTED = 200;
/** Files from twice this size may be read on several threads (input/activity-jobs.ts). */
export const MIN_CHUNK_BYTES = 8 << 20;
/** 1 PiB: more memory than any host has, and few enough host units that their sums stay exact. */
const MAX_MEMORY_GIB = 1_048_576;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const daysIn = (year: number, month: number) => (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]!);

/** Days since 1970-01-01 of a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The number written by `count` ASCII digits from `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48; // NaN past the end
    if (!(c >= 0 && c <= 9)) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * ISO 8601 date and time to ms since the epoch (a time without an offset is UTC, as metering is),
 * or what is wrong with it. Impossible dates (30 February, hour 25) are errors, never rolled over.
 * The form: YYYY-MM-DD, T or a space, hh:mm, optionally :ss and .fraction (1 to 9 digits), then
 * optionally Z or an offset ±hh:mm or ±hhmm. (Read character by character: a file has millions.)
 */
export function checkTime(text: string): { ms: number } | { problem: string } {
  const FORMAT = { problem: 'format' };
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const sep = text.charCodeAt(10);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || text[4] !== '-' || text[7] !== '-' || (sep !== 84 && sep !== 32) || text[13] !== ':') return FORMAT;
  let i = 16;
  let second = 0;
  let fraction = 0;
  if (text[i] === ':') {
    second = digitsAt(text, i + 1, 2);
    if (second < 0) return FORMAT;
    i += 3;
    if (text[i] === '.') {
      let n = 0;
      while (n < 9 && digitsAt(text, i + 1 + n, 1) >= 0) n++;
      if (n === 0) return FORMAT;
      fraction = digitsAt(`${text.slice(i + 1, i + 1 + Math.min(n, 3))}00`, 0, 3);
      i += 1 + n;
    }
  }
  let offset = 0;
  let zone = '';
  if (text[i] === 'Z') i++;
  else if (text[i] === '+' || text[i] === '-') {
    const colon = text[i + 3] === ':' ? 1 : 0;
    const oh = digitsAt(text, i + 1, 2);
    const om = digitsAt(text, i + 3 + colon, 2);
    if (oh < 0 || om < 0) return FORMAT;
    zone = text.slice(i, i + 5 + colon);
    if (oh > 23 || om > 59) return { problem: `${zone} is not a time-zone offset` };
    offset = (text[i] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    i += 5 + colon;
  }
  if (i !== text.length) return FORMAT;
  if (year < MIN_YEAR || year > MAX_YEAR) return { problem: `the year ${text.slice(0, 4)} is outside ${MIN_YEAR} to ${MAX_YEAR}` };
  if (month < 1 || month > 12) return { problem: `there is no month ${text.slice(5, 7)}` };
  if (day < 1 || day > daysIn(year, month)) return { problem: `${MONTHS[month - 1]} ${year} has no day ${text.slice(8, 10)}` };
  if (hour > 23 || minute > 59 || second > 59) return { problem: `${text.slice(11, 16)}${text[16] === ':' ? text.slice(16, 19) : ''} is not a time of day` };
  return { ms: daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offset };
}

/** ISO 8601 date and time to ms since the epoch, or undefined when it is not one. */
export function parseTime(text: string): number | undefined {
  const t = checkTime(text);
  return 'ms' in t ? t.ms : undefined;
}

/** ASCII digits text[at..at+count) as a number, or NaN. */
function digitsIn(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `checkTime` of text[from, to) for a valid time, without a string or an object: ms since the
 * epoch, or NaN for anything else (the caller then takes the row the slow way, which says what is
 * wrong). The same forms and checks as checkTime.
 */
export function fastTime(text: string, from: number, to: number): number {
  if (to - from < 16) return NaN;
  const y0 = text.charCodeAt(from) - 48;
  const y1 = text.charCodeAt(from + 1) - 48;
  const y2 = text.charCodeAt(from + 2) - 48;
  const y3 = text.charCodeAt(from + 3) - 48;
  const m0 = text.charCodeAt(from + 5) - 48;
  const m1 = text.charCodeAt(from + 6) - 48;
  const d0 = text.charCodeAt(from + 8) - 48;
  const d1 = text.charCodeAt(from + 9) - 48;
  const h0 = text.charCodeAt(from + 11) - 48;
  const h1 = text.charCodeAt(from + 12) - 48;
  const n0 = text.charCodeAt(from + 14) - 48;
  const n1 = text.charCodeAt(from + 15) - 48;
  // Unsigned: a character below '0' wraps to a large number.
  if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return NaN;
  if ((h0 >>> 0) > 9 || (h1 >>> 0) > 9 || (n0 >>> 0) > 9 || (n1 >>> 0) > 9) return NaN;
  const sep = text.charCodeAt(from + 10);
  if (text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45 || (sep !== 84 && sep !== 32) || text.charCodeAt(from + 13) !== 58) return NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  const hour = h0 * 10 + h1;
  const minute = n0 * 10 + n1;
  let i = from + 16;
  let second = 0;
  let fraction = 0;
  if (i < to && text.charCodeAt(i) === 58) {
    const s0 = text.charCodeAt(i + 1) - 48;
    const s1 = text.charCodeAt(i + 2) - 48;
    if ((s0 >>> 0) > 9 || (s1 >>> 0) > 9 || i + 3 > to) return NaN;
    second = s0 * 10 + s1;
    i += 3;
    if (i < to && text.charCodeAt(i) === 46) {
      let n = 0;
      let f = 0;
      while (n < 9 && i + 1 + n < to) {
        const c = text.charCodeAt(i + 1 + n) - 48;
        if ((c >>> 0) > 9) break;
        if (n < 3) f = f * 10 + c;
        n++;
      }
      if (n === 0) return NaN;
      fraction = n === 1 ? f * 100 : n === 2 ? f * 10 : f;
      i += 1 + n;
    }
  }
  let offset = 0;
  if (i < to) {
    const z = text.charCodeAt(i);
    if (z === 90) i++;
    else if (z === 43 || z === 45) {
      const colon = text.charCodeAt(i + 3) === 58 ? 1 : 0;
      const oh = digitsIn(text, i + 1, 2);
      const om = digitsIn(text, i + 3 + colon, 2);
      if (!(oh <= 23 && om <= 59)) return NaN;
      offset = (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      i += 5 + colon;
    }
  }
  if (i !== to || year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  if (day > 28 && day > daysIn(year, month)) return NaN;
  return daysFromCivil(year, month, day) * DAY + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offset;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

export type ChunkEvent = { kind: 'problem'; line: number; message: string } | { kind: 'long'; line: number };

export interface ReaderState {
  header: boolean;
  rows: number;
  columns: { host: number; start: number; end: number; memory: number; mode: number };
}

/** What a chunk of a file gives: its problems (lines within the chunk) or its folds. */
export interface ChunkResult {
  /** Lines in the chunk (when read to its end). */
  lines: number;
  events: ChunkEvent[];
  /** The single pass must read the file: what it would say depends on the chunks before. */
  fallback: boolean;
  earliest: number;
  latest: number;
  fold: FoldData | undefined;
  windows: FoldData[] | undefined;
  /** A chunk read on this thread: its reader. */
  local?: ActivityReader;
}

/** text[a, b) starts and ends with a printable ASCII character (not a space: trim changes nothing). */
function plainField(text: string, a: number, b: number): boolean {
  const x = text.charCodeAt(a);
  const y = text.charCodeAt(b - 1);
  return x > 32 && x < 127 && y > 32 && y < 127;
}

/** Checks the rows of an activity file and folds the valid ones. */
export class ActivityReader {
  private rows = 0;
  private header = false;
  private readonly fold: ActivityFold;
  private readonly weights = new Map<string, RunWeights | undefined>();
  private cachedDefault: RunWeights | undefined;
  private columns: { host: number; start: number; end: number; memory: number; mode: number } = { host: 0, start: 1, end: 2, memory: 3, mode: 4 };
  readonly diagnostics: Diagnostic[] = [];
  private problems = 0;
  /** The earliest start and latest end of the rows so far (for the span limit). */
  private earliest: { ms: number; line: number } | undefined;
  private latest: { ms: number; line: number } | undefined;
  /** Set when the rest of the file is not to be read. */
  stopped = false;

  /** Plans: a fold per time window [from, to) (ms), each taking the part of every run within it. */
  private readonly windows: { from: number; to: number; fold: ActivityFold }[] | undefined;

  constructor(
    private readonly file: string,
    private readonly defaults: ActivityDefaults,
    windows?: readonly (readonly [number, number])[],
  ) {
    this.fold = new ActivityFold(file);
    this.windows = windows?.map(([from, to]) => ({ from, to, fold: new ActivityFold(file) }));
  }

  /** A reader that folds the part of each run within each window into that window's summary (a plan's months). */
  static windowed(file: string, defaults: ActivityDefaults, windows: readonly (readonly [number, number])[]): ActivityReader {
    return new ActivityReader(file, defaults, windows);
  }

  /** The summaries of a `windowed` reader's windows, in their order. */
  windowSummaries(): ActivitySummary[] {
    return (this.windows ?? []).map((w) => w.fold.summary());
  }

  /**
   * A chunk of a file read apart (in a worker): its problems recorded with their lines in the
   * chunk, for the reader of the whole file to replay in order (`replay`); set by `chunkOf`.
   */
  private chunk: { events: ChunkEvent[]; fallback: boolean } | undefined;

  /** A reader of a chunk of the file that starts after the line that fixed `state` (see `state`). */
  static chunkOf(file: string, defaults: ActivityDefaults, windows: readonly (readonly [number, number])[] | undefined, state: ReaderState | undefined): ActivityReader {
    const reader = new ActivityReader(file, defaults, windows);
    reader.chunk = { events: [], fallback: false };
    if (state) {
      reader.header = state.header;
      reader.rows = state.rows;
      reader.columns = state.columns;
    }
    return reader;
  }

  /** What the rows after the first line with content are read with (header or not, and the columns). */
  state(): ReaderState {
    return { header: this.header, rows: this.rows, columns: { ...this.columns } };
  }

  /** Problems so far (any, or none). */
  get failed(): boolean {
    return this.problems > 0;
  }

  /** The result of a chunk reader; `local`: read on this thread, its folds are taken as they are (no copy). */
  chunkResult(lines: number, local = false): ChunkResult {
    const chunk = this.chunk!;
    return {
      lines,
      events: chunk.events,
      fallback: chunk.fallback,
      earliest: this.earliest?.ms ?? Infinity,
      latest: this.latest?.ms ?? -Infinity,
      fold: this.problems > 0 || local ? undefined : this.fold.export(),
      windows: this.problems > 0 || local || this.windows === undefined ? undefined : this.windows.map((w) => w.fold.export()),
      ...(local && this.problems === 0 ? { local: this } : {}),
    };
  }

  /** Problems of a chunk whose first line is line `offset + 1` of the file, as the single pass meets them. */
  replay(events: readonly ChunkEvent[], offset: number): void {
    for (const e of events) {
      if (this.stopped) return;
      if (e.kind === 'problem') this.problem(offset + e.line, e.message);
      else this.tooLong(offset + e.line);
    }
  }

  /** Adds the folds of a chunk (with no problem). */
  absorb(result: ChunkResult): void {
    if (result.local) {
      this.fold.mergeFold(result.local.fold);
      result.local.windows?.forEach((w, i) => this.windows![i]!.fold.mergeFold(w.fold));
      return;
    }
    if (result.fold) this.fold.mergeData(result.fold);
    result.windows?.forEach((data, i) => this.windows![i]!.fold.mergeData(data));
  }

  tooLong(line: number): void {
    if (this.chunk) {
      this.chunk.events.push({ kind: 'long', line });
      this.stopped = true;
      return;
    }
    this.stop(`line ${line.toLocaleString('en-US')} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters: not an activity row (host,start,end[,memoryGiB][,mode]); the rest of the file is not read`, line);
  }

  /** A chunk that the single pass must read instead (NUL bytes, runs too far apart: what it says depends on what came before). */
  giveUp(): void {
    if (!this.chunk) return;
    this.stopped = true;
    this.chunk.fallback = true;
  }

  private problem(line: number, message: string): void {
    if (this.chunk) {
      this.problems++;
      this.chunk.events.push({ kind: 'problem', line, message });
      // The whole file has at least as many: it stops within this chunk.
      if (this.problems > MAX_REPORTED) this.stopped = true;
      return;
    }
    this.problems++;
    if (this.problems <= MAX_REPORTED) this.diagnostics.push({ file: this.file, position: { line, col: 1 }, message });
    else this.stop(`more than ${MAX_REPORTED} problems: the rest of the file, from line ${line}, is not read`);
  }

  /** A problem that ends the reading of the file. */
  stop(message: string, line?: number): void {
    if (this.stopped) return;
    this.stopped = true;
    this.problems++;
    this.diagnostics.push({ file: this.file, ...(line !== undefined ? { position: { line, col: 1 } } : {}), message });
  }

  /** The weights of a memory column's text, computed once per distinct text; undefined when invalid. */
  private weightsOf(text: string): RunWeights | undefined {
    if (this.weights.has(text)) return this.weights.get(text);
    const memory = toDecimal(text);
    const w = memory && memory.isFinite() && memory.greaterThan('1e-15') && memory.lessThanOrEqualTo(MAX_MEMORY_GIB) ? runWeights(memory, this.defaults.infrastructureCap) : undefined;
    // A file of distinct junk in the memory column must not grow the cache without end.
    if (this.weights.size < 10_000) this.weights.set(text, w);
    return w;
  }

  private get defaultWeights(): RunWeights | undefined {
    if (this.defaults.memoryGiB === undefined) return undefined;
    return (this.cachedDefault ??= runWeights(this.defaults.memoryGiB, this.defaults.infrastructureCap));
  }

  private time(lineNo: number, column: 'start' | 'end', text: string): number | undefined {
    const t = checkTime(text);
    if ('ms' in t) return t.ms;
    if (t.problem === 'format') {
      const example = column === 'start' ? '2026-03-01T10:00:00Z' : '2026-03-01T11:00:00Z';
      this.problem(lineNo, `${column}: expected an ISO 8601 date and time (${example}), found ${text === '' ? 'nothing' : quoteFound(text)}`);
    } else this.problem(lineNo, `${column}: ${text} is not a valid date and time: ${t.problem}`);
    return undefined;
  }

  /** The memory texts seen last and their weights (a few distinct values fill most files). */
  private readonly memoryTexts: string[] = [];
  private readonly memoryWeights: RunWeights[] = [];

  /**
   * text[from, to) (a line without its break), read in place when it is a plain valid row of the
   * usual columns: no field with spaces around it, valid times, a known mode. Anything else
   * (false) is read by `line`, which says what is wrong. Nothing changes before it is accepted.
   */
  private fastLine(text: string, from: number, to: number, lineNo: number): boolean {
    const c = this.columns;
    if (c.host !== 0 || c.start !== 1 || c.end !== 2 || c.memory > 4 || c.mode > 4 || (c.memory < 3 && c.memory !== -1) || (c.mode < 3 && c.mode !== -1)) return false;
    if (to > from && text.charCodeAt(to - 1) === 13) to--;
    const c1 = text.indexOf(',', from);
    if (c1 <= from || c1 - from > MAX_HOST_CHARS || c1 >= to) return false;
    const c2 = text.indexOf(',', c1 + 1);
    if (c2 < 0 || c2 >= to) return false;
    let c3 = text.indexOf(',', c2 + 1);
    if (c3 < 0 || c3 > to) c3 = to;
    let c4 = c3 < to ? text.indexOf(',', c3 + 1) : to;
    if (c4 < 0 || c4 > to) c4 = to;
    let c5 = c4 < to ? text.indexOf(',', c4 + 1) : to;
    if (c5 < 0 || c5 > to) c5 = to;
    // Every field read starts and ends with a printable ASCII character (trim would change nothing).
    if (text.charCodeAt(from) === 35 || !plainField(text, from, c1) || !plainField(text, c1 + 1, c2) || !plainField(text, c2 + 1, c3)) return false;
    const start = fastTime(text, c1 + 1, c2);
    const end = fastTime(text, c2 + 1, c3);
    if (!(end >= start) || end - start > MAX_SPAN) return false;
    // Columns 3 and 4: [c3 + 1, c4) and [c4 + 1, c5) when the line has them.
    let memoryFrom = -1;
    let memoryTo = -1;
    let modeFrom = -1;
    let modeTo = -1;
    if (c.memory === 3 && c3 < to) {
      memoryFrom = c3 + 1;
      memoryTo = c4;
    } else if (c.memory === 4 && c4 < to) {
      memoryFrom = c4 + 1;
      memoryTo = c5;
    }
    if (c.mode === 3 && c3 < to) {
      modeFrom = c3 + 1;
      modeTo = c4;
    } else if (c.mode === 4 && c4 < to) {
      modeFrom = c4 + 1;
      modeTo = c5;
    }
    let weights: RunWeights | undefined;
    if (memoryTo > memoryFrom) {
      if (!plainField(text, memoryFrom, memoryTo)) return false;
      const length = memoryTo - memoryFrom;
      const texts = this.memoryTexts;
      for (let k = 0; k < texts.length; k++) {
        const t = texts[k]!;
        if (t.length === length && text.startsWith(t, memoryFrom)) {
          weights = this.memoryWeights[k];
          break;
        }
      }
      if (weights === undefined) {
        const memoryText = text.slice(memoryFrom, memoryTo);
        weights = this.weightsOf(memoryText);
        if (weights === undefined) return false;
        if (texts.length < 16) {
          texts.push(memoryText);
          this.memoryWeights.push(weights);
        }
      }
    } else {
      weights = this.defaultWeights;
      if (weights === undefined) return false;
    }
    let mode: ActivityMode = this.defaults.mode;
    if (modeTo > modeFrom) {
      const length = modeTo - modeFrom;
      if (length === 9 && text.startsWith('fullstack', modeFrom)) mode = 'fullstack';
      else if (length === 14 && text.startsWith('infrastructure', modeFrom)) mode = 'infrastructure';
      else if (length === 9 && text.startsWith('discovery', modeFrom)) mode = 'discovery';
      else return false;
    }
    this.rows++;
    this.accept(text.slice(from, c1), start, end, weights, mode, lineNo);
    return true;
  }

  /** text[from, to): one line (1-based line number), without its line break. */
  lineIn(text: string, from: number, to: number, lineNo: number): void {
    if (this.stopped) return;
    if ((this.rows > 0 || this.header) && this.fastLine(text, from, to, lineNo)) return;
    this.line(text.slice(from, to), lineNo);
  }

  /** One line of the file (1-based line number), without its line break. */
  line(text: string, lineNo: number): void {
    if (this.stopped) return;
    const trimmed = (lineNo === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(',');
    for (let i = 0; i < fields.length; i++) fields[i] = fields[i]!.trim();
    // A header may come before the first row: it names the columns, in any order and letter case.
    if (this.rows === 0 && !this.header && fields.some((f) => f.toLowerCase() === 'start')) {
      this.header = true;
      const at = (name: string) => fields.findIndex((f) => f.toLowerCase() === name.toLowerCase());
      this.columns = { host: at('host'), start: at('start'), end: at('end'), memory: at('memoryGiB'), mode: at('mode') };
      for (const required of ['host', 'start', 'end'] as const) {
        if (this.columns[required] < 0) this.problem(lineNo, `the header has no "${required}" column (expected host,start,end[,memoryGiB][,mode])`);
      }
      return;
    }
    this.rows++;
    const c = this.columns;
    const host = fields[c.host] ?? '';
    const start = this.time(lineNo, 'start', fields[c.start] ?? '');
    const end = this.time(lineNo, 'end', fields[c.end] ?? '');
    const memoryText = c.memory >= 0 ? fields[c.memory] : undefined;
    const modeText = c.mode >= 0 ? fields[c.mode] : undefined;
    let bad = start === undefined || end === undefined;
    if (host === '') {
      this.problem(lineNo, 'host: expected a host name, found nothing');
      bad = true;
    } else if (host.length > MAX_HOST_CHARS) {
      this.problem(lineNo, `host: expected a host name of at most ${MAX_HOST_CHARS} characters, found ${host.length.toLocaleString('en-US')}`);
      bad = true;
    }
    if (start !== undefined && end !== undefined) {
      if (end < start) {
        this.problem(lineNo, `end ${fields[c.end]} is before start ${fields[c.start]}`);
        bad = true;
      } else if (end - start > MAX_SPAN) {
        this.problem(lineNo, `the run lasts more than ${MAX_SPAN_DAYS.toLocaleString('en-US')} days (10 years), the most an activity file may cover`);
        bad = true;
      }
    }
    let weights = this.defaultWeights;
    if (memoryText !== undefined && memoryText !== '') {
      weights = this.weightsOf(memoryText);
      if (!weights) {
        this.problem(lineNo, `memoryGiB: expected a number > 0 and ≤ ${MAX_MEMORY_GIB.toLocaleString('en-US')}, found ${quoteFound(memoryText)}`);
        bad = true;
      }
    } else if (weights === undefined) {
      this.problem(lineNo, 'memoryGiB: no memory column and no memoryGiB on the activity entry');
      bad = true;
    }
    let mode: ActivityMode = this.defaults.mode;
    if (modeText !== undefined && modeText !== '') {
      if (!MODES.includes(modeText)) {
        this.problem(lineNo, `mode: expected one of fullstack, infrastructure, discovery, found ${quoteFound(modeText, { words: true })}`);
        bad = true;
      } else mode = modeText as ActivityMode;
    }
    if (bad) return;
    this.accept(host, start!, end!, weights!, mode, lineNo);
  }

  /** A valid row: the span of the file checked, then folded (while the file has no problem). */
  private accept(host: string, start: number, end: number, weights: RunWeights, mode: ActivityMode, lineNo: number): void {
    // The runs of one file within 10 years: the window the fold keeps (hour by hour) stays bounded.
    if (this.earliest === undefined || start < this.earliest.ms) this.earliest = { ms: start, line: lineNo };
    if (this.latest === undefined || end > this.latest.ms) this.latest = { ms: end, line: lineNo };
    if (this.latest.ms - this.earliest.ms > MAX_SPAN) {
      if (this.chunk) return this.giveUp();
      const other = this.earliest.line === lineNo ? this.latest : this.earliest;
      this.problem(
        lineNo,
        `the runs span more than ${MAX_SPAN_DAYS.toLocaleString('en-US')} days (10 years), the most an activity file may cover: from ${iso(this.earliest.ms)} to ${iso(this.latest.ms)} (with line ${other.line}); split the file`,
      );
      this.stopped = true;
      return;
    }
    if (this.problems > 0) return;
    if (this.windows === undefined) {
      this.fold.addRun(host, start, end, weights, mode);
      return;
    }
    // Each window takes the part of the run within it (a run under 5 minutes there is one for classic licensing).
    for (const w of this.windows) {
      if (end <= w.from || start >= w.to) continue;
      w.fold.addRun(host, Math.max(start, w.from), Math.min(end, w.to), weights, mode);
    }
  }

  summary(): ActivitySummary {
    return this.fold.summary();
  }

  finish(): { ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] } {
    return this.problems > 0 ? { ok: false, diagnostics: this.diagnostics } : { ok: true, summary: this.summary() };
  }
}

function readFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? (err as Error).message;
}

/** Streams an activity file into its summary, or every problem in it. */
export async function readActivity(
  path: string,
  shownAs: string,
  defaults: ActivityDefaults,
  options: ReadOptions = {},
): Promise<{ ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] }> {
  return readWith(new ActivityReader(shownAs, defaults), path, shownAs, { file: shownAs, defaults, windows: undefined, ...options });
}

/** `jobs`: threads to read a large file on (default: --jobs, or the number of cores); `bundle`: what a worker runs. */
export interface ReadOptions {
  jobs?: number;
  bundle?: string | undefined;
}

/**
 * Streams an activity file once into a summary per time window [from, to) (ms): the runs, or their
 * parts, within each. A plan reads its months this way.
 */
export async function readActivityWindows(
  path: string,
  shownAs: string,
  defaults: ActivityDefaults,
  windows: readonly (readonly [number, number])[],
  options: ReadOptions = {},
): Promise<{ ok: true; summaries: ActivitySummary[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const reader = ActivityReader.windowed(shownAs, defaults, windows);
  const read = await readWith(reader, path, shownAs, { file: shownAs, defaults, windows, ...options });
  return read.ok ? { ok: true, summaries: reader.windowSummaries() } : read;
}

async function readWith(
  reader: ActivityReader,
  path: string,
  shownAs: string,
  parallel: ReadOptions & { file: string; defaults: ActivityDefaults; windows: readonly (readonly [number, number])[] | undefined },
): Promise<{ ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] }> {
  const cannot = (why: string) => ({ ok: false as const, diagnostics: [{ file: shownAs, message: `cannot read the activity file: ${why}` }] });
  let size: number;
  try {
    const stat = statSync(path);
    size = stat.size;
    if (stat.isDirectory()) return cannot('is a directory, not a file');
    // A device or a pipe could stream forever: only regular files are activity files.
    if (!stat.isFile()) return cannot('not a regular file');
  } catch (err) {
    return cannot(readFailure(err));
  }
  try {
    // A large file on several threads (input/activity-jobs.ts), else (or when a chunk says so) in one pass.
    const threads = size >= 2 * MIN_CHUNK_BYTES && (parallel.jobs ?? 2) > 1 ? await import('./activity-jobs.js') : undefined;
    if (!(threads && (await threads.scanParallel(reader, path, size, parallel)))) await scan(reader, path);
  } catch (err) {
    return cannot(readFailure(err));
  }
  return reader.finish();
}

/** Reads bytes [start, end) of the file (all of it by default) line by line into `reader`; the number of lines read. */
export async function scan(reader: ActivityReader, path: string, start = 0, end = Infinity): Promise<number> {
  const stream = createReadStream(path, { highWaterMark: 1 << 16, start, ...(end !== Infinity ? { end: end - 1 } : {}) });
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) {
        // Where the single pass notices it depends on its 64 KiB blocks: a chunk gives up.
        reader.giveUp();
        reader.stop('the activity file is not text (it holds NUL bytes): expected CSV rows host,start,end[,memoryGiB][,mode]', lineNo + 1);
        break;
      }
      // The chunk's text is read in place (never joined to the carry: a flat string reads faster).
      const text = decoder.write(chunk);
      let from = 0;
      let nl = text.indexOf('\n');
      if (carry !== '' && nl !== -1) {
        const line = carry + text.slice(0, nl);
        carry = '';
        if (line.length > MAX_LINE_CHARS) reader.tooLong(lineNo + 1);
        else reader.lineIn(line, 0, line.length, ++lineNo);
        from = nl + 1;
        nl = text.indexOf('\n', from);
      }
      for (; nl !== -1 && !reader.stopped; nl = text.indexOf('\n', from)) {
        if (nl - from > MAX_LINE_CHARS) reader.tooLong(lineNo + 1);
        else reader.lineIn(text, from, nl, ++lineNo);
        from = nl + 1;
      }
      if (reader.stopped) break;
      carry = from === 0 ? carry + text : text.slice(from);
      if (carry.length > MAX_LINE_CHARS) {
        reader.tooLong(lineNo + 1);
        break;
      }
    }
    if (!reader.stopped) {
      const rest = carry + decoder.end();
      if (rest.length > MAX_LINE_CHARS) reader.tooLong(lineNo + 1);
      else if (rest !== '') reader.line(rest, ++lineNo);
    }
  } finally {
    stream.destroy();
  }
  return lineNo;
}
