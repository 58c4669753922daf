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
import { ActivityFold, runWeights, type ActivityMode, type ActivitySummary, type RunWeights } from '../metering/activity.js';
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

const iso = (ms: number) => new Date(ms).toISOString().replace(':00.000Z', 'Z');

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

  private problem(line: number, message: string): void {
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
    // The runs of one file within 10 years: the window the fold keeps (hour by hour) stays bounded.
    if (this.earliest === undefined || start! < this.earliest.ms) this.earliest = { ms: start!, line: lineNo };
    if (this.latest === undefined || end! > this.latest.ms) this.latest = { ms: end!, line: lineNo };
    if (this.latest.ms - this.earliest.ms > MAX_SPAN) {
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
      this.fold.add({ host, start: start!, end: end!, weights: weights!, mode });
      return;
    }
    // Each window takes the part of the run within it (a run under 5 minutes there is one for classic licensing).
    for (const w of this.windows) {
      if (end! <= w.from || start! >= w.to) continue;
      w.fold.add({ host, start: Math.max(start!, w.from), end: Math.min(end!, w.to), weights: weights!, mode });
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
export async function readActivity(path: string, shownAs: string, defaults: ActivityDefaults): Promise<{ ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] }> {
  return readWith(new ActivityReader(shownAs, defaults), path, shownAs);
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
): Promise<{ ok: true; summaries: ActivitySummary[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const reader = ActivityReader.windowed(shownAs, defaults, windows);
  const read = await readWith(reader, path, shownAs);
  return read.ok ? { ok: true, summaries: reader.windowSummaries() } : read;
}

async function readWith(reader: ActivityReader, path: string, shownAs: string): Promise<{ ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] }> {
  const cannot = (why: string) => ({ ok: false as const, diagnostics: [{ file: shownAs, message: `cannot read the activity file: ${why}` }] });
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return cannot('is a directory, not a file');
    // A device or a pipe could stream forever: only regular files are activity files.
    if (!stat.isFile()) return cannot('not a regular file');
  } catch (err) {
    return cannot(readFailure(err));
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 16 });
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNo = 0;
  const tooLong = (line: number) =>
    reader.stop(`line ${line.toLocaleString('en-US')} is longer than ${MAX_LINE_CHARS.toLocaleString('en-US')} characters: not an activity row (host,start,end[,memoryGiB][,mode]); the rest of the file is not read`, line);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) {
        reader.stop('the activity file is not text (it holds NUL bytes): expected CSV rows host,start,end[,memoryGiB][,mode]', lineNo + 1);
        break;
      }
      const text = carry + decoder.write(chunk);
      let from = 0;
      for (let nl = text.indexOf('\n'); nl !== -1 && !reader.stopped; nl = text.indexOf('\n', from)) {
        if (nl - from > MAX_LINE_CHARS) tooLong(lineNo + 1);
        else reader.line(text.slice(from, nl), ++lineNo);
        from = nl + 1;
      }
      if (reader.stopped) break;
      carry = text.slice(from);
      if (carry.length > MAX_LINE_CHARS) {
        tooLong(lineNo + 1);
        break;
      }
    }
    if (!reader.stopped) {
      const rest = carry + decoder.end();
      if (rest.length > MAX_LINE_CHARS) tooLong(lineNo + 1);
      else if (rest !== '') reader.line(rest, ++lineNo);
    }
  } catch (err) {
    return cannot(readFailure(err));
  } finally {
    stream.destroy();
  }
  return reader.finish();
}
