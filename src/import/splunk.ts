// Splunk licence usage -> `logs` entries, GiB per day per index (or sourcetype), averaged over the
// days in the file. Two CSV shapes are read:
//
// - license_usage.log events exported from a search (index=_internal source=*license_usage.log
//   type=Usage, then Export > CSV): one row per usage event with `_time`, `b` (bytes indexed),
//   `idx` (index), `st` (sourcetype), `h`, `s`, `pool` (and `type`, where only Usage rows count;
//   RolloverSummary rows are daily totals and would count the volume twice).
// - The licence usage report's daily split ("Previous 30 days", split by index or sourcetype,
//   exported as CSV): `_time`, then one column per index or sourcetype with that day's volume in
//   GB, where the report's search computes GB as bytes / 1024 / 1024 / 1024 (that is, GiB).
//
// A day is a calendar date of `_time` as written (the licence manager's time zone).
import { D, ZERO } from '../core/decimal.js';
import type { Diagnostic } from '../input/diagnostics.js';
import { head, readCsv, type CsvRecord } from './files.js';
import { plural } from './group.js';
import { ImportFailure, type ImportedEntry, type ImportResult, type SourceRef, type Note } from './model.js';

const GIB = new D(2).pow(30);
const DATE = /^(\d{4}-\d{2}-\d{2})/;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The calendar day of a `_time` value: an ISO date-time as Splunk exports it, or epoch seconds (UTC). */
export function dayOf(time: string): string | undefined {
  const iso = DATE.exec(time.trim());
  if (iso) return iso[1];
  if (/^\d{9,11}(\.\d+)?$/.test(time.trim())) return new Date(Number(time.trim()) * 1000).toISOString().slice(0, 10);
  return undefined;
}

interface Volume {
  gib: D;
  lines: number[];
}

export async function importSplunk(files: readonly string[], by: 'index' | 'sourcetype'): Promise<ImportResult> {
  const problems: Diagnostic[] = [];
  const volumes = new Map<string, Volume & { file: string }>();
  const days = new Set<string>();
  let rollover = 0;
  let shape = '';
  for (const file of files) {
    if (/^\s*[[{]/.test(head(file, 64).toString('utf8'))) throw new ImportFailure([{ file, message: 'this is JSON, not a Splunk licence-usage CSV' }]);
    const records: CsvRecord[] = [];
    problems.push(...(await readCsv(file, (r) => records.push(r))));
    const header = records[0];
    if (!header) {
      problems.push({ file, message: 'the file is empty (expected a licence-usage CSV with a header row)' });
      continue;
    }
    const names = header.fields.map((h) => h.trim());
    const col = (n: string) => names.indexOf(n);
    const time = col('_time');
    const bytes = col('b');
    const add = (key: string, gib: D, line: number) => {
      const id = `${file}\u0000${key}`;
      const v = volumes.get(id);
      if (v) {
        v.gib = v.gib.plus(gib);
        v.lines.push(line);
      } else volumes.set(id, { file, gib, lines: [line] });
    };
    if (time < 0) {
      problems.push({ file, position: { line: header.line, col: 1 }, message: `this is not a Splunk licence-usage export: no _time column (found ${names.slice(0, 8).join(', ')})` });
      continue;
    }
    if (bytes >= 0) {
      shape = 'license_usage.log events';
      const keyName = by === 'index' ? 'idx' : 'st';
      const key = col(keyName);
      const type = col('type');
      if (key < 0) {
        problems.push({ file, position: { line: header.line, col: 1 }, message: `no ${keyName} column (the ${by} of each usage event) in the header row` });
        continue;
      }
      for (const r of records.slice(1)) {
        if (type >= 0 && (r.fields[type] ?? '').trim() !== 'Usage') {
          rollover++;
          continue;
        }
        const day = dayOf(r.fields[time] ?? '');
        const b = (r.fields[bytes] ?? '').trim();
        const wrong: string[] = [];
        if (day === undefined) wrong.push(`_time ${JSON.stringify(r.fields[time] ?? '')} is not a date-time`);
        if (!NUMBER.test(b)) wrong.push(`b (bytes) ${JSON.stringify(b)} is not a number of bytes`);
        if (wrong.length > 0) {
          problems.push({ file, position: { line: r.line, col: 1 }, message: `this row cannot be read: ${wrong.join('; ')}` });
          continue;
        }
        days.add(day!);
        const name = (r.fields[key] ?? '').trim() || `(no ${keyName})`;
        add(name, new D(b).dividedBy(GIB), r.line);
      }
    } else {
      shape = "the licence usage report's daily split";
      const columns = names.map((n, i) => [n, i] as const).filter(([n, i]) => i !== time && !/^_span/.test(n) && n !== '');
      if (columns.length === 0) {
        problems.push({ file, position: { line: header.line, col: 1 }, message: 'no volume columns after _time (expected the usage report split by index or sourcetype, or license_usage.log events with a b column)' });
        continue;
      }
      for (const r of records.slice(1)) {
        const day = dayOf(r.fields[time] ?? '');
        const wrong: string[] = [];
        if (day === undefined) wrong.push(`_time ${JSON.stringify(r.fields[time] ?? '')} is not a date-time`);
        const values: [string, D][] = [];
        for (const [name, i] of columns) {
          const v = (r.fields[i] ?? '').trim();
          if (v === '') continue;
          if (!NUMBER.test(v)) wrong.push(`${name} ${JSON.stringify(v)} is not a number of GB`);
          else values.push([name, new D(v)]);
        }
        if (wrong.length > 0) {
          problems.push({ file, position: { line: r.line, col: 1 }, message: `this row cannot be read: ${wrong.join('; ')}` });
          continue;
        }
        days.add(day!);
        for (const [name, gib] of values) add(name, gib, r.line);
      }
    }
  }
  if (problems.length > 0) return { title: '', entries: [], notes: [], problems };
  if (days.size === 0) return { title: '', entries: [], notes: [], problems: [{ file: files.join(', '), message: 'no usage rows: nothing to average' }] };

  const perName = new Map<string, { gib: D; sources: SourceRef[] }>();
  for (const [id, v] of volumes) {
    const name = id.slice(id.indexOf('\u0000') + 1);
    const p = perName.get(name) ?? { gib: ZERO, sources: [] };
    p.gib = p.gib.plus(v.gib);
    p.sources.push(...v.lines.map((line) => ({ file: v.file, line })));
    perName.set(name, p);
  }
  const dayCount = new D(days.size);
  const entries: ImportedEntry[] = [];
  let total = ZERO;
  for (const [name, v] of perName) {
    total = total.plus(v.gib);
    const exact = v.gib.dividedBy(dayCount);
    // A repeating fraction (over 7 days, say) is written to 9 decimal places (about a byte a day).
    const perDay = exact.decimalPlaces() > 9 ? exact.toDecimalPlaces(9) : exact;
    entries.push({
      section: 'logs',
      name,
      fields: [['ingestGiBPerDay', perDay]],
      sources: v.sources,
      notes: [`${v.gib.toDecimalPlaces(9).toFixed()} GiB over the ${plural(days.size, 'day')} of the file${perDay === exact ? '' : ' (rounded to 9 decimal places)'}; retentionDays, enrichmentFactor and queries are not in a licence report: set them`],
    });
  }
  const sorted = [...days].sort();
  const notes: Note[] = [`${plural(entries.length, by === 'index' ? 'index' : 'sourcetype', by === 'index' ? 'indexes' : 'sourcetypes')} from ${shape}: ${total.toDecimalPlaces(9).toFixed()} GiB over ${plural(days.size, 'day')} (${sorted[0]} to ${sorted[sorted.length - 1]}), averaged per day.`];
  if (rollover > 0) notes.push(`Skipped ${plural(rollover, 'row')} whose type is not Usage (RolloverSummary rows are daily totals of the same volume).`);
  return { title: 'Splunk licence usage import', entries, notes, problems: [] };
}
