// Activity files (`activity:` entries): observed host runs, `host,start,end[,memoryGiB][,mode]` with
// ISO 8601 times, for exact accounting instead of steady-state estimates. The file is streamed and
// folded into an ActivitySummary as it is read: memory grows with the time window it covers (in
// hours) and the number of distinct hosts, never with the number of rows.
//
// Classic (classic-licensing-bundle.md "True concurrency in host unit hour calculations"): host
// units are checked every minute; per calendar hour the highest sum of host units running at the
// same minute counts; a run shorter than 5 minutes does not count. Host units are summed as
// integer milli-host-units (every weight of the table is a multiple of 0.005): exact, and fast.
// DPS (prices-and-rules.md "DPS metering rules"): 15-minute intervals, a partial interval counting
// whole, once per host; Full-Stack memory rounded up to 0.25 GiB with a 4 GiB minimum.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { D } from '../core/decimal.js';
import { hostUnits } from '../metering/host-units.js';
import { billedHostMemory } from '../metering/memory.js';
import type { Diagnostic } from './diagnostics.js';
import { toDecimal } from './schema-kit.js';

type Mode = 'fullstack' | 'infrastructure' | 'discovery';

export interface ActivitySummary {
  file: string;
  rows: number;
  /** Runs shorter than 5 minutes, which classic licensing does not count. */
  shortRuns: number;
  /** The calendar hours the runs touch: [first, last] in ms since the epoch (UTC), or null for none. */
  window: [number, number] | null;
  classic: {
    hostUnitHours: D;
    peakHostUnits: D;
    /** Peak concurrent host units of each calendar hour, by hour index (ms / 3,600,000). */
    hourly: ReadonlyMap<number, D>;
  };
  dps: { fullStackGiBHours: D; infrastructureHostHours: D; discoveryHostHours: D };
  /** Hosts whose runs were not in time order (intervals they share may be counted twice). */
  unorderedHosts: string[];
}

export interface ActivityDefaults {
  memoryGiB?: D;
  mode: Mode;
  infrastructureCap: boolean;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const QUARTER_HOUR = 900_000;
const MIN_RUN = 5 * MINUTE;
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/;
const MODES: readonly string[] = ['fullstack', 'infrastructure', 'discovery'];
const MAX_REPORTED = 200;
/** 1 PiB: more memory than any host has, and few enough host units that their sums stay exact. */
const MAX_MEMORY_GIB = 1_048_576;

/** ISO 8601 date and time to ms since the epoch; a time without an offset is UTC, as metering is. */
export function parseTime(text: string): number | undefined {
  if (!TIME.test(text)) return undefined;
  const iso = text.replace(' ', 'T');
  const ms = Date.parse(HAS_ZONE.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

interface MemoryWeights {
  /** Classic host units × 1000, by mode. */
  milliHostUnits: Record<'fullstack' | 'infrastructure', number>;
  /** DPS billed memory in quarter GiB. */
  quarterGiB: number;
}

/** Streams and folds an activity file. */
export class ActivityReader {
  private rows = 0;
  private shortRuns = 0;
  private first = Infinity;
  private last = -Infinity;
  /** Per-minute deltas of milli-host-units in hours a run covers only in part (integers, exact in a double). */
  private readonly partial = new Map<number, Float64Array>();
  /** Per-hour deltas of milli-host-units of runs covering whole hours (a range add). */
  private readonly whole = new Map<number, number>();
  private fullStackQuarterGiBIntervals = 0;
  private infrastructureIntervals = 0;
  private discoveryIntervals = 0;
  /** Per host: the last 15-minute interval counted and the start of its latest run. */
  private readonly hosts = new Map<string, { interval: number; start: number }>();
  private header = false;
  private readonly unordered = new Set<string>();
  private readonly weights = new Map<string, MemoryWeights | undefined>();
  private cachedDefault: MemoryWeights | undefined;
  private columns: { host: number; start: number; end: number; memory: number; mode: number } = { host: 0, start: 1, end: 2, memory: 3, mode: 4 };
  readonly diagnostics: Diagnostic[] = [];
  private problems = 0;

  constructor(
    private readonly file: string,
    private readonly defaults: ActivityDefaults,
  ) {}

  private problem(line: number, message: string): void {
    this.problems++;
    if (this.problems <= MAX_REPORTED) this.diagnostics.push({ file: this.file, position: { line, col: 1 }, message });
  }

  private weightsFor(memory: D): MemoryWeights {
    return {
      milliHostUnits: {
        fullstack: hostUnits(memory, 'fullstack').value.times(1000).toNumber(),
        infrastructure: hostUnits(memory, 'infrastructure', this.defaults.infrastructureCap).value.times(1000).toNumber(),
      },
      quarterGiB: billedHostMemory(memory).times(4).toNumber(),
    };
  }

  /** The weights of a memory column's text, computed once per distinct text; undefined when invalid. */
  private weightsOf(text: string): MemoryWeights | undefined {
    if (this.weights.has(text)) return this.weights.get(text);
    const memory = toDecimal(text);
    const w = memory && memory.isFinite() && memory.greaterThan('1e-15') && memory.lessThanOrEqualTo(MAX_MEMORY_GIB) ? this.weightsFor(memory) : undefined;
    this.weights.set(text, w);
    return w;
  }

  private get defaultWeights(): MemoryWeights | undefined {
    if (this.defaults.memoryGiB === undefined) return undefined;
    return (this.cachedDefault ??= this.weightsFor(this.defaults.memoryGiB));
  }

  /** One line of the file (1-based line number). */
  line(text: string, lineNo: number): void {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const fields = trimmed.split(',').map((f) => f.trim());
    // A header may come before the first row: it names the columns, in any order.
    if (this.rows === 0 && !this.header && fields.includes('start')) {
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
    const start = parseTime(fields[c.start] ?? '');
    const end = parseTime(fields[c.end] ?? '');
    const memoryText = c.memory >= 0 ? fields[c.memory] : undefined;
    const modeText = c.mode >= 0 ? fields[c.mode] : undefined;
    let bad = false;
    if (host === '') {
      this.problem(lineNo, 'expected a host name in the first column, found nothing');
      bad = true;
    }
    if (start === undefined) {
      this.problem(lineNo, `start: expected an ISO 8601 date and time (2026-03-01T10:00:00Z), found "${fields[c.start] ?? ''}"`);
      bad = true;
    }
    if (end === undefined) {
      this.problem(lineNo, `end: expected an ISO 8601 date and time (2026-03-01T11:00:00Z), found "${fields[c.end] ?? ''}"`);
      bad = true;
    }
    if (start !== undefined && end !== undefined && end < start) {
      this.problem(lineNo, `end ${fields[c.end]} is before start ${fields[c.start]}`);
      bad = true;
    }
    let weights = this.defaultWeights;
    if (memoryText !== undefined && memoryText !== '') {
      weights = this.weightsOf(memoryText);
      if (!weights) {
        this.problem(lineNo, `memoryGiB: expected a number > 0 and ≤ ${MAX_MEMORY_GIB.toLocaleString('en-US')}, found "${memoryText}"`);
        bad = true;
      }
    } else if (weights === undefined) {
      this.problem(lineNo, 'memoryGiB: no memory column and no memoryGiB on the activity entry');
      bad = true;
    }
    let mode: Mode = this.defaults.mode;
    if (modeText !== undefined && modeText !== '') {
      if (!MODES.includes(modeText)) {
        this.problem(lineNo, `mode: expected one of fullstack, infrastructure, discovery, found "${modeText}"`);
        bad = true;
      } else mode = modeText as Mode;
    }
    if (bad || this.problems > 0) return;
    this.run(host, start!, end!, weights!, mode);
  }

  private run(host: string, start: number, end: number, weights: MemoryWeights, mode: Mode): void {
    if (end === start) return;
    this.first = Math.min(this.first, Math.floor(start / HOUR) * HOUR);
    this.last = Math.max(this.last, Math.floor((end - 1) / HOUR) * HOUR);

    // DPS: 15-minute intervals, once per host.
    let firstInterval = Math.floor(start / QUARTER_HOUR);
    const lastInterval = Math.ceil(end / QUARTER_HOUR) - 1;
    const previous = this.hosts.get(host);
    if (previous !== undefined) {
      // An interval the host's previous run already counted is not counted again; that needs the
      // host's runs in time order, which is checked.
      if (start < previous.start) this.unordered.add(host);
      if (firstInterval <= previous.interval) firstInterval = previous.interval + 1;
    }
    const intervals = Math.max(0, lastInterval - firstInterval + 1);
    this.hosts.set(host, { interval: Math.max(previous?.interval ?? -Infinity, lastInterval), start: Math.max(previous?.start ?? -Infinity, start) });
    if (mode === 'fullstack') this.fullStackQuarterGiBIntervals += intervals * weights.quarterGiB;
    else if (mode === 'infrastructure') this.infrastructureIntervals += intervals;
    else this.discoveryIntervals += intervals;

    // Classic: true concurrency, minute by minute; runs under 5 minutes do not count.
    if (mode === 'discovery') return;
    if (end - start < MIN_RUN) {
      this.shortRuns++;
      return;
    }
    const milli = weights.milliHostUnits[mode];
    const startMinute = Math.floor(start / MINUTE);
    const endMinute = Math.ceil(end / MINUTE);
    const firstHour = Math.floor(startMinute / 60);
    const lastHour = Math.floor((endMinute - 1) / 60);
    const addPartial = (hour: number, from: number, to: number) => {
      let deltas = this.partial.get(hour);
      if (!deltas) this.partial.set(hour, (deltas = new Float64Array(61)));
      deltas[from]! += milli;
      deltas[to]! -= milli;
    };
    for (let hour = firstHour; hour <= lastHour; hour++) {
      const from = Math.max(startMinute - hour * 60, 0);
      const to = Math.min(endMinute - hour * 60, 60);
      if (from === 0 && to === 60) {
        // The whole hours in between, as one range: +milli from here, -milli after the last.
        const lastWhole = endMinute - lastHour * 60 === 60 ? lastHour : lastHour - 1;
        this.whole.set(hour, (this.whole.get(hour) ?? 0) + milli);
        this.whole.set(lastWhole + 1, (this.whole.get(lastWhole + 1) ?? 0) - milli);
        hour = lastWhole;
        continue;
      }
      addPartial(hour, from, to);
    }
  }

  summary(): ActivitySummary {
    const hourly = new Map<number, D>();
    let total = 0;
    let peak = 0;
    if (this.first <= this.last) {
      const hours = [...new Set([...this.partial.keys(), ...this.whole.keys()])].sort((a, b) => a - b);
      let wholeLevel = 0;
      let prev: number | undefined;
      for (const hour of hours) {
        // Hours between two keys carry the whole-hour level of the earlier key.
        if (prev !== undefined && wholeLevel > 0) {
          for (let h = prev + 1; h < hour; h++) hourly.set(h, new D(wholeLevel).div(1000));
          total += wholeLevel * (hour - prev - 1);
        }
        wholeLevel += this.whole.get(hour) ?? 0;
        let max = 0;
        const deltas = this.partial.get(hour);
        if (deltas) {
          let level = 0;
          for (let m = 0; m < 60; m++) {
            level += deltas[m]!;
            if (level > max) max = level;
          }
        }
        const value = wholeLevel + max;
        if (value > 0) hourly.set(hour, new D(value).div(1000));
        total += value;
        peak = Math.max(peak, value, wholeLevel);
        prev = hour;
      }
    }
    return {
      file: this.file,
      rows: this.rows,
      shortRuns: this.shortRuns,
      window: this.first <= this.last ? [this.first, this.last] : null,
      classic: { hostUnitHours: new D(total).div(1000), peakHostUnits: new D(peak).div(1000), hourly },
      dps: {
        fullStackGiBHours: new D(this.fullStackQuarterGiBIntervals).div(16),
        infrastructureHostHours: new D(this.infrastructureIntervals).div(4),
        discoveryHostHours: new D(this.discoveryIntervals).div(4),
      },
      unorderedHosts: [...this.unordered],
    };
  }

  finish(): { ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] } {
    if (this.problems > MAX_REPORTED) {
      this.diagnostics.push({ file: this.file, message: `${this.problems - MAX_REPORTED} more problems in this file are not shown` });
    }
    return this.problems > 0 ? { ok: false, diagnostics: this.diagnostics } : { ok: true, summary: this.summary() };
  }
}

/** Streams an activity file into its summary, or every problem in it. */
export async function readActivity(path: string, shownAs: string, defaults: ActivityDefaults): Promise<{ ok: true; summary: ActivitySummary } | { ok: false; diagnostics: Diagnostic[] }> {
  const reader = new ActivityReader(shownAs, defaults);
  try {
    // A device or a pipe could stream forever: only regular files are activity files.
    if (!statSync(path).isFile()) return { ok: false, diagnostics: [{ file: shownAs, message: 'cannot read the activity file: not a regular file' }] };
  } catch {
    // reported by the read below, with its reason
  }
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const text of lines) reader.line(text, ++lineNo);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    return { ok: false, diagnostics: [{ file: shownAs, message: `cannot read the activity file: ${why}` }] };
  }
  return reader.finish();
}
