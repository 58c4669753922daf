// Reading the usage files: every record once, folded into the usage totals as it is read, with
// refreshed events counted once.
//
// Deduplication on (event.id, event.type): Dynatrace refreshes some events (ingest, host
// monitoring...), writing the same event.id again with updated values; the copy kept is the one
// with the latest `timestamp` (Grail's nanoseconds included), and of copies with the same
// timestamp the last one read. (`event.version` is the version of the event's format, "1.0" or
// "2.0", not a revision: it does not decide.) Every event is added as it is read; its 64-bit key
// and the ordinal of its first copy go into a compact table (hash-table.ts). A copy found later is
// remembered with its timestamp. Once the files are read, and only when there were copies, the
// copies are read again (only they are parsed) and every copy but the one kept is taken back. The
// table is the only memory that grows with the number of events: see hash-table.ts.
import { statSync } from 'node:fs';
import { CAPABILITIES, capability } from '../core/capabilities.js';
import { D } from '../core/decimal.js';
import { parseTime } from '../input/activity.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { didYouMean } from '../input/suggest.js';
import { EVENT_TYPES, normaliseName } from './event-types.js';
import { quantityOf } from './exact-sum.js';
import { hashHigh, hashString, Table64 } from './hash-table.js';
import { Problems } from './problems.js';
import { exactRecord, isJsonLines, readCsvFile, readJsonDocument, readJsonLines, sniff, SourceProblem, type ReadSummary, type RecordVisitor, type Shape, type UsageRecord } from './sources.js';
import { UsageAggregator, type UsageTotals } from './usage.js';

export interface UsageFileInfo {
  file: string;
  /** How the file was read: `bue-json` (an array, `records` or `result.records`), `bue-jsonl`, `bue-csv`, `dps-api`. */
  format: 'bue-json' | 'bue-jsonl' | 'bue-csv' | 'dps-api';
  records: number;
}

export interface CollectedUsage {
  files: UsageFileInfo[];
  totals: UsageTotals;
  /** Refreshed copies dropped (every copy of an event but the one kept). */
  duplicates: number;
  /** Distinct events (by event.id and event.type). */
  distinctEvents: number;
  /** Bytes the deduplication table held at its largest. */
  dedupBytes: number;
  notes: string[];
}

export type CollectResult = { ok: true; usage: CollectedUsage } | { ok: false; diagnostics: Diagnostic[] };

/** Nanoseconds past the millisecond of an ISO time (Grail writes 9 fractional digits). */
function subMillisecond(text: string): number {
  const m = /\.\d{3}(\d{1,6})/.exec(text);
  return m ? Number(m[1]!.padEnd(6, '0')) : 0;
}

interface Rank {
  ms: number;
  ns: number;
}

function rankOf(value: unknown): Rank {
  if (typeof value !== 'string') return { ms: -Infinity, ns: 0 };
  const ms = parseTime(value);
  return ms === undefined ? { ms: -Infinity, ns: 0 } : { ms, ns: subMillisecond(value) };
}

const later = (a: Rank, b: Rank) => a.ms > b.ms || (a.ms === b.ms && a.ns > b.ns);

// ---- DPS Account Management API rows ---------------------------------------------------------

/** Capability names as the rate card, the events and dtcost's catalogue write them, normalised. */
const NAMES = new Map<string, string>();
for (const t of EVENT_TYPES) if (t.capabilityId && !t.billedAs) NAMES.set(normaliseName(t.type), t.capabilityId);
for (const c of CAPABILITIES) if (c.model === 'dps') NAMES.set(normaliseName(c.name), c.id);
NAMES.set(normaliseName('AppEngine Functions - Small'), 'appengine-functions');
const DISPLAY_NAMES = [...new Set([...EVENT_TYPES.filter((t) => t.capabilityId && !t.billedAs).map((t) => t.type), ...CAPABILITIES.filter((c) => c.model === 'dps').map((c) => c.name)])];

const normaliseUnit = (u: string) =>
  u
    .toLowerCase()
    .replace(/gibibytes?/g, 'gib')
    .replace(/[\s\-_]+/g, '')
    .replace(/s$/, '');
const UNIT_ALIASES: Record<string, readonly string[]> = {
  GiB: ['gib', 'gibscanned', 'gibingested'],
  'synthetic-action': ['syntheticaction', 'action'],
  'synthetic-request': ['syntheticrequest', 'request'],
  'synthetic-result': ['syntheticresult', 'result'],
  'data-point': ['datapoint', 'metricdatapoint'],
  session: ['session', 'rumsession'],
};
const BYTES = ['byte', 'b'];

/** The factor that takes a value in `unitMeasure` to the capability's unit, or undefined when it cannot. */
function unitFactor(unitMeasure: string, unit: string): D | undefined {
  const u = normaliseUnit(unitMeasure);
  if (u === normaliseUnit(unit) || (UNIT_ALIASES[unit] ?? []).includes(u)) return new D(1);
  if (unit === 'GiB' && BYTES.includes(u)) return new D(1).div(new D(2).pow(30));
  return undefined;
}

class ApiRows {
  constructor(
    private readonly agg: UsageAggregator,
    private readonly problems: Problems,
  ) {}

  private capabilityOf(row: UsageRecord, file: string, line: number, path: string): string | undefined {
    const name = row.capabilityName;
    const key = row.capabilityKey;
    if (typeof key === 'string' && CAPABILITIES.some((c) => c.id === key && c.model === 'dps')) return key;
    if (typeof name === 'string') {
      const id = NAMES.get(normaliseName(name));
      if (id) return id;
      const near = name.length <= 100 ? didYouMean(name, DISPLAY_NAMES) : undefined;
      this.problems.add(file, line, `capabilityName "${name.length > 80 ? `${name.slice(0, 77)}...` : name}" is not a DPS capability dtcost knows${near ? ` (did you mean "${near}"?)` : ''}; dtcost never guesses what an unknown capability is`, `${file}\u0000cap\u0000${name}`, `${path}.capabilityName`);
      return undefined;
    }
    this.problems.add(file, line, `capabilityName: missing (capabilityKey ${JSON.stringify(key ?? null)} alone does not say which capability it is)`, `${file}\u0000noname`, `${path}.capabilityName`);
    return undefined;
  }

  private window(row: UsageRecord, file: string, line: number, path: string): [number, number] | undefined {
    const start = typeof row.startTime === 'string' ? parseTime(row.startTime) : undefined;
    const end = typeof row.endTime === 'string' ? parseTime(row.endTime) : undefined;
    if (start === undefined || end === undefined) {
      const which = start === undefined ? 'startTime' : 'endTime';
      this.problems.add(file, line, `${which}: expected an ISO 8601 time (2021-05-01T15:11:00Z), found ${JSON.stringify(row[which] ?? null)}`, `${file}\u0000time`, `${path}.${which}`);
      return undefined;
    }
    return [start, end];
  }

  private usageRow(row: UsageRecord, file: string, line: number, path: string): void {
    const id = this.capabilityOf(row, file, line, path);
    const when = this.window(row, file, line, path);
    const value = quantityOf(row.value);
    if (value === undefined) this.problems.add(file, line, `value: expected a number ≥ 0, found ${JSON.stringify(row.value ?? null)}`, `${file}\u0000value`, `${path}.value`);
    if (id === undefined || when === undefined || value === undefined) return;
    const unit = capability(id).unit;
    const measure = typeof row.unitMeasure === 'string' ? row.unitMeasure : '';
    const factor = unitFactor(measure, unit);
    if (factor === undefined) {
      this.problems.add(file, line, `unitMeasure "${measure}" is not the unit of ${id} (${unit}) and dtcost cannot convert it`, `${file}\u0000unit\u0000${id}\u0000${measure}`, `${path}.unitMeasure`);
      return;
    }
    const exact = typeof value === 'number' ? new D(String(value)) : value;
    this.agg.addApiUsage(id, exact.times(factor), when[0], when[1]);
  }

  private costRow(row: UsageRecord, file: string, line: number, path: string): void {
    const id = this.capabilityOf(row, file, line, path);
    const when = this.window(row, file, line, path);
    const value = quantityOf(row.value);
    if (value === undefined) this.problems.add(file, line, `value: expected an amount ≥ 0, found ${JSON.stringify(row.value ?? null)}`, `${file}\u0000value`, `${path}.value`);
    if (id === undefined || when === undefined || value === undefined) return;
    this.agg.addApiCost(id, typeof value === 'number' ? new D(String(value)) : value, typeof row.currencyCode === 'string' ? row.currencyCode : undefined, when[0], when[1]);
  }

  row(row: UsageRecord, file: string, line: number, ordinal: number): void {
    const path = `data[${ordinal}]`;
    if (Array.isArray(row.usage)) {
      row.usage.forEach((u, j) => (u && typeof u === 'object' ? this.usageRow(u as UsageRecord, file, line, `${path}.usage[${j}]`) : this.problems.add(file, line, 'a usage row is not an object', `${file}\u0000row`, `${path}.usage[${j}]`)));
    } else if (Array.isArray(row.cost)) {
      row.cost.forEach((c, j) => (c && typeof c === 'object' ? this.costRow(c as UsageRecord, file, line, `${path}.cost[${j}]`) : this.problems.add(file, line, 'a cost row is not an object', `${file}\u0000row`, `${path}.cost[${j}]`)));
    } else if ('unitMeasure' in row || 'capabilityName' in row) {
      this.usageRow(row, file, line, path);
    } else if ('lastBookingDate' in row) {
      const when = this.window(row, file, line, path);
      const value = quantityOf(row.value);
      if (value === undefined) this.problems.add(file, line, `value: expected an amount ≥ 0, found ${JSON.stringify(row.value ?? null)}`, `${file}\u0000value`, `${path}.value`);
      if (when === undefined || value === undefined) return;
      this.agg.addApiTotalCost(typeof value === 'number' ? new D(String(value)) : value, typeof row.currencyCode === 'string' ? row.currencyCode : undefined, typeof row.lastBookingDate === 'string' ? row.lastBookingDate : undefined, when[0], when[1]);
    } else if ('uuid' in row && 'status' in row) {
      this.problems.add(file, line, 'this is the DPS subscription list (GET /sub/v2/accounts/{accountUuid}/subscriptions), not usage or cost', `${file}\u0000kind`);
    } else {
      this.problems.add(file, line, 'this is not a DPS API usage or cost row (expected capabilityName, value and unitMeasure; environmentId with usage; or cost)', `${file}\u0000kind`, path);
    }
  }
}

// ---- Reading ---------------------------------------------------------------------------------

function read(file: string, visitor: RecordVisitor): ReadSummary {
  const kind = sniff(file);
  switch (kind) {
    case 'empty':
      throw new SourceProblem('the file is empty');
    case 'gzip':
      throw new SourceProblem('the file is gzip-compressed: decompress it first (gunzip)');
    case 'zip':
      throw new SourceProblem('the file is a zip archive (an xlsx workbook?): export the events as CSV or JSON');
    case 'utf16':
      throw new SourceProblem('the file is UTF-16 text; save it as UTF-8');
    case 'binary':
      throw new SourceProblem('the file is not text (it holds NUL bytes)');
    case 'json-array':
      return readJsonDocument(file, visitor);
    case 'json-object':
      return isJsonLines(file) ? readJsonLines(file, visitor) : readJsonDocument(file, visitor);
    default:
      return readCsvFile(file, visitor);
  }
}

function formatOf(shape: Shape): UsageFileInfo['format'] {
  return shape === 'csv' ? 'bue-csv' : shape === 'jsonl' ? 'bue-jsonl' : shape === 'data' ? 'dps-api' : 'bue-json';
}

function describeDocument(summary: ReadSummary): string {
  const keys = summary.topKeys;
  if (keys.includes('forecastMedian')) return 'this is the DPS cost forecast (GET .../subscriptions/forecast), not usage or cost';
  if (keys.includes('uuid') && (keys.includes('periods') || keys.includes('budget'))) return 'this is a DPS subscription (GET .../subscriptions/{subscriptionUuid}), not usage or cost';
  return `no records found: expected billing usage events (a JSON array, {"records": [...]}, {"result": {"records": [...]}}, JSON lines, or CSV) or DPS API usage/cost JSON ({"data": [...]}); the document has ${keys.length > 0 ? `the keys ${keys.slice(0, 8).join(', ')}` : 'no keys'}`;
}

/** Reads the usage files: the usage totals, or every problem found in them. */
export function collectUsage(files: readonly string[]): CollectResult {
  const problems = new Problems();
  const agg = new UsageAggregator(problems);
  const api = new ApiRows(agg, problems);
  const infos: UsageFileInfo[] = [];
  const summaries: ReadSummary[] = [];
  const bases: number[] = [];
  const notes: string[] = [];
  // Deduplication (see the header).
  let seen: Table64 | undefined = new Table64();
  let dedupBytes = 0;
  const dupIndex = new Table64();
  const dupFirst: number[] = [];
  const dupBest: Rank[] = [];
  const dupBestOrdinal: number[] = [];
  const revisit: number[] = [];
  let base = 0;

  for (const file of files) {
    let size = 0;
    try {
      const stat = statSync(file);
      if (stat.isDirectory()) throw new SourceProblem('is a directory, not a file');
      if (!stat.isFile()) throw new SourceProblem('is not a regular file (usage files are read more than once when they hold refreshed events)');
      size = stat.size;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.add(file, undefined, err instanceof SourceProblem ? err.message : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read the file: ${(err as Error).message}`);
      infos.push({ file, format: 'bue-json', records: 0 });
      summaries.push({ shape: 'none', records: 0, topLevel: {}, topKeys: [], bytes: 0, mtimeMs: 0 });
      bases.push(base);
      continue;
    }
    let shape: Shape = 'none';
    const fileBase = base;
    let reserved = false;
    const visitor: RecordVisitor = {
      shape: (s) => {
        shape = s;
      },
      record: (record, ordinal, line, text) => {
        if (shape === 'data') {
          api.row(text !== undefined && /[0-9.eE+-]{16,}/.test(text) ? (exactRecord(text) ?? record) : record, file, line, ordinal);
          return;
        }
        const v = agg.read(record, file, line, text);
        if (!v) return;
        const low = hashString(v.id, v.typeIndex);
        const high = hashHigh;
        const global = fileBase + ordinal;
        const slot = seen!.insert(low, high, global);
        if (!seen!.wasNew) {
          // A refreshed copy: remember it (and the first copy, once) to decide which to keep.
          const d = dupIndex.insert(low, high, dupFirst.length + 1);
          let index = dupIndex.value(d) - 1;
          const rank = rankOf(record.timestamp);
          if (dupIndex.wasNew) {
            index = dupFirst.length;
            const first = seen!.value(slot);
            dupFirst.push(first);
            dupBest.push(rank);
            dupBestOrdinal.push(global);
            revisit.push(first);
          } else if (!later(dupBest[index]!, rank)) {
            // Later or equal: a later copy with the same timestamp wins.
            dupBest[index] = rank;
            dupBestOrdinal[index] = global;
          }
          revisit.push(global);
        }
        agg.add(v, 1);
      },
      progress: (bytes, records) => {
        // Size the table once from the first chunk: the records of the whole file, estimated.
        if (!reserved && records > 0 && shape !== 'data') {
          reserved = true;
          seen!.reserve(seen!.size + Math.ceil((records * size) / bytes) + 1024);
          dedupBytes = Math.max(dedupBytes, seen!.bytes);
        }
      },
    };
    try {
      const summary = read(file, visitor);
      summaries.push(summary);
      bases.push(fileBase);
      base += summary.records;
      infos.push({ file, format: formatOf(summary.shape), records: summary.records });
      if (summary.shape === 'none') problems.add(file, undefined, describeDocument(summary));
      if (summary.shape === 'data' && summary.topLevel.nextPageKey !== undefined && summary.topLevel.nextPageKey !== null && summary.topLevel.nextPageKey !== '') {
        notes.push(`${file}: nextPageKey is set: the API has more pages of this cost data; fetch them (page-key) and pass them all`);
      }
      if (summary.shape === 'csv' && summary.records === 0) notes.push(`${file}: no events (only a header)`);
    } catch (err) {
      if (err instanceof SourceProblem) problems.add(file, err.line, err.message, `${file}\u0000read`);
      else if (err instanceof RangeError) problems.add(file, undefined, `cannot read the file: ${err.message}`);
      else if ((err as NodeJS.ErrnoException).code) problems.add(file, undefined, `cannot read the file: ${(err as Error).message}`);
      else throw err;
      summaries.push({ shape: 'none', records: 0, topLevel: {}, topKeys: [], bytes: 0, mtimeMs: 0 });
      bases.push(fileBase);
      infos.push({ file, format: 'bue-json', records: 0 });
    }
  }
  dedupBytes = Math.max(dedupBytes, seen.bytes + dupIndex.bytes);
  const distinctEvents = seen.size;
  seen = undefined;

  const twice = agg.doubleCounted();
  for (const key of twice) problems.add(files[0] ?? '', undefined, `${key}: both billing usage events and DPS API usage rows give its usage; pass one or the other (they would count it twice)`);
  if (problems.size > 0) return { ok: false, diagnostics: problems.list() };

  // The copies, read again: all but the one kept are taken back.
  let duplicates = 0;
  if (revisit.length > 0) {
    const sorted = Float64Array.from(revisit).sort();
    const winner: number[] = new Array<number>(dupFirst.length).fill(-1);
    let cursor = 0;
    files.forEach((file, f) => {
      const fileBase = bases[f]!;
      const end = fileBase + summaries[f]!.records;
      if (cursor >= sorted.length || sorted[cursor]! >= end) return;
      const visitor: RecordVisitor = {
        wanted: (ordinal) => {
          const global = fileBase + ordinal;
          while (cursor < sorted.length && sorted[cursor]! < global) cursor++;
          return cursor < sorted.length && sorted[cursor] === global;
        },
        record: (record, ordinal, line, text) => {
          const v = agg.read(record, file, line, text);
          if (!v) throw new Error(`${file}:${line}: a record read before could not be read again`);
          const global = fileBase + ordinal;
          const low = hashString(v.id, v.typeIndex);
          const index = dupIndex.value(dupIndex.find(low, hashHigh)) - 1;
          if (global === dupFirst[index]) {
            // The first copy comes first: its timestamp against the latest of the others decides.
            winner[index] = later(rankOf(record.timestamp), dupBest[index]!) ? global : dupBestOrdinal[index]!;
          }
          if (global !== winner[index]) {
            agg.add(v, -1);
            duplicates++;
          }
        },
      };
      const summary = read(file, visitor);
      if (summary.records !== summaries[f]!.records || summary.mtimeMs !== summaries[f]!.mtimeMs) {
        throw new SourceProblem(`${file} changed while it was being read`);
      }
    });
  }

  return { ok: true, usage: { files: infos, totals: agg.totals(), duplicates, distinctEvents, dedupBytes, notes } };
}
