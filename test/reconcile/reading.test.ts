// Reading usage files: every accepted shape, the conversions (exact), deduplication, the DPS API
// documents, and located errors for what cannot be read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toPlain } from '../../src/core/decimal.js';
import { collectUsage } from '../../src/reconcile/collect.js';
import { hashHigh, hashString, Table64 } from '../../src/reconcile/hash-table.js';
import { splitCsv } from '../../src/reconcile/sources.js';
import { ExactSum } from '../../src/reconcile/exact-sum.js';
import { actual, fixture, usageOf } from './helpers.js';

const TMP = mkdtempSync(join(tmpdir(), 'dtcost-reconcile-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(TMP, name);
  writeFileSync(path, text);
  return path;
};

const SAMPLES = JSON.parse(readFileSync(fixture('samples.json'), 'utf8')) as Record<string, unknown>[];
/** The research note's expected reading of the samples (contracts.md §4.5). */
const EXPECTED = {
  'full-stack-monitoring': '4',
  'infrastructure-monitoring': '0.25',
  'log-ingest': '5',
  'log-retain': '4.166666666666666666666666666666667',
  'metrics-ingest': '1500000',
  'traces-ingest': '2',
  'log-query': '1024',
  'automation-workflow': '1',
  'security-posture-management': '1',
};

const base = (over: Record<string, unknown>) => ({ timestamp: '2026-03-01T10:16:00Z', 'event.kind': 'BILLING_USAGE_EVENT', 'event.version': '1.0', 'usage.start': '2026-03-01T10:00:00Z', 'usage.end': '2026-03-01T10:15:00Z', ...over });

function problems(...files: string[]): string[] {
  const r = collectUsage(files);
  if (r.ok) throw new Error('expected problems');
  return r.diagnostics.map((d) => `${d.file.replace(`${TMP}/`, '')}${d.position ? `:${d.position.line}` : ''}: ${d.path ? `${d.path}: ` : ''}${d.message}`);
}

describe('reconcile: reading billing usage events', () => {
  it('the samples as a JSON array and as a DQL CSV export read the same, exactly; the refreshed copy is dropped', () => {
    for (const file of ['samples.json', 'samples.csv']) {
      const u = usageOf(fixture(file));
      expect(actual(u), file).toEqual(EXPECTED);
      expect([u.totals.events, u.duplicates, u.distinctEvents]).toEqual([9, 1, 9]);
      const retain = u.totals.capabilities.find((c) => c.key === 'log-retain')!;
      expect(retain.costCenters.map((g) => [g.key, toPlain(g.quantity.times(24))])).toEqual([
        ['retail', '80'],
        ['unassigned', '20'],
      ]);
    }
  });

  it('every JSON shape: an array, {"records": [...]}, {"result": {"records": [...]}} (the Query API), JSON lines, pretty-printed', () => {
    const shapes: Record<string, string> = {
      'records.json': JSON.stringify({ records: SAMPLES }),
      'result.json': JSON.stringify({ state: 'SUCCEEDED', result: { records: SAMPLES, types: [{ indexRange: [0, 9], mappings: { timestamp: { type: 'timestamp' } } }], metadata: { grail: { scannedRecords: 10 } } } }, null, 2),
      'lines.jsonl': `${SAMPLES.map((s) => JSON.stringify(s)).join('\r\n')}\r\n\r\n`,
      'pretty.json': `\uFEFF${JSON.stringify(SAMPLES, null, 4)}`,
    };
    for (const [name, text] of Object.entries(shapes)) {
      const u = usageOf(write(name, text));
      expect(actual(u), name).toEqual(EXPECTED);
      expect(u.duplicates, name).toBe(1);
    }
    expect(usageOf(write('f.jsonl', shapes['lines.jsonl']!)).files[0]!.format).toBe('bue-jsonl');
    expect(usageOf(write('g.json', shapes['result.json']!)).files[0]!.format).toBe('bue-json');
  });

  it('CSV: quoted fields with commas, quotes and line breaks; a JSON list in a cell; semicolons; columns in any order', () => {
    const csv = [
      'billed_bytes;event.type;event.id;timestamp;usage.start;usage.end;dt.cost.costcenter;note',
      '5368709120;Log Management & Analytics - Ingest & Process;a-1;2026-03-01T10:16:00Z;2026-03-01T10:00:00Z;2026-03-01T10:15:00Z;"shop; web ""eu""";"two',
      'lines"',
      '1073741824;Log Management & Analytics - Ingest & Process;a-2;2026-03-01T10:31:00Z;2026-03-01T10:15:00Z;2026-03-01T10:30:00Z;"[{""key"":""shop"",""billed_bytes"":1073741824}]";',
    ].join('\n');
    const u = usageOf(write('semi.csv', csv));
    expect(actual(u)).toEqual({ 'log-ingest': '6' });
    expect(u.totals.capabilities[0]!.costCenters.map((g) => [g.key, g.quantity.toFixed()])).toEqual([
      ['shop; web "eu"', '5'],
      ['shop', '1'],
    ]);
    expect(splitCsv('a,"b,""c""",d', ',')).toEqual(['a', 'b,"c"', 'd']);
    expect(splitCsv('a,"open', ',')).toBeUndefined();
  });

  it('a cost centre given as a list of names (the reference: "string or list") is the names jointly: one group, the whole quantity, never dropped', () => {
    const csv = [
      'billed_bytes,event.type,event.id,timestamp,usage.start,usage.end,dt.cost.costcenter',
      '5368709120,Log Management & Analytics - Ingest & Process,a-1,2026-03-01T10:16:00Z,2026-03-01T10:00:00Z,2026-03-01T10:15:00Z,"[""shop"",""eu""]"',
      '1073741824,Log Management & Analytics - Ingest & Process,a-2,2026-03-01T10:31:00Z,2026-03-01T10:15:00Z,2026-03-01T10:30:00Z,shop',
    ].join('\n');
    const u = usageOf(write('list.csv', csv));
    expect(actual(u)).toEqual({ 'log-ingest': '6' });
    expect(u.totals.capabilities[0]!.costCenters.map((g) => [g.key, g.quantity.toFixed()])).toEqual([
      ['shop + eu', '5'],
      ['shop', '1'],
    ]);
  });

  it('unit conversions are exact: bytes summed before dividing (24 hourly retain events of 100 GiB are exactly 100 GiB-days), a long past 2^53 kept to the byte', () => {
    const events = Array.from({ length: 24 }, (_, h) => base({ 'event.type': 'Log Management & Analytics - Retain', 'event.id': `r-${h}`, timestamp: `2026-03-01T${String(h).padStart(2, '0')}:30:00Z`, 'usage.start': undefined, 'usage.end': undefined, billed_bytes: 107374182400 }));
    expect(actual(usageOf(write('retain.json', JSON.stringify(events))))).toEqual({ 'log-retain': '100' });
    expect(actual(usageOf(write('retain1.json', JSON.stringify(events.slice(0, 1)))))).toEqual({ 'log-retain': '4.166666666666666666666666666666667' });
    // 2^60 + 1 bytes: a double would say 2^60.
    const big = `[${JSON.stringify(base({ 'event.type': 'Log Management & Analytics - Query', 'event.id': 'q', billed_bytes: 0 })).replace('"billed_bytes":0', '"billed_bytes":1152921504606846977')}]`;
    const query = usageOf(write('big.json', big)).totals.capabilities[0]!.quantity;
    expect(query.times(2 ** 30).toFixed()).toBe('1152921504606846977');
    // Quarter-hour GiB-hours add exactly (0.1 + 0.2 is 0.3 here).
    const fs = [0.1, 0.2, 2.125].map((q, i) => base({ 'event.type': 'Full-Stack Monitoring', 'event.id': `f-${i}`, billed_gibibyte_hours: q }));
    expect(actual(usageOf(write('fs.json', JSON.stringify(fs))))).toEqual({ 'full-stack-monitoring': '2.425' });
  });

  it('a refreshed event counts once: the copy with the latest timestamp (nanoseconds too), of equal ones the last read; across files; keyed by event.id and event.type', () => {
    const fs = (id: string, ts: string, q: number) => base({ 'event.type': 'Full-Stack Monitoring', 'event.id': id, timestamp: ts, billed_gibibyte_hours: q });
    const a = write('a.jsonl', [fs('x', '2026-03-01T10:20:00.000000002Z', 3), fs('y', '2026-03-01T10:20:00Z', 1), fs('x', '2026-03-01T10:20:00.000000001Z', 5)].map((e) => JSON.stringify(e)).join('\n'));
    const b = write('b.jsonl', [fs('y', '2026-03-01T10:20:00Z', 7), JSON.stringify(base({ 'event.type': 'Infrastructure Monitoring', 'event.id': 'x', billed_host_hours: 0.25 }))].map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('\n'));
    const u = usageOf(a, b);
    // x: 3 (latest timestamp, read first) ; y: 7 (same timestamp, read last); Infrastructure x is another event.
    expect(actual(u)).toEqual({ 'full-stack-monitoring': '10', 'infrastructure-monitoring': '0.25' });
    expect([u.duplicates, u.distinctEvents, u.totals.events]).toEqual([2, 3, 3]);
  });

  it('Security Posture Management and Automation Workflow: distinct nodes and workflows per calendar hour', () => {
    const spm = (id: string, ts: string, node: string) => ({ timestamp: ts, 'event.type': 'Security Posture Management', 'event.id': id, 'dt.entity.kubernetes_node': node });
    const events = [spm('1', '2026-03-01T10:05:00Z', 'n1'), spm('2', '2026-03-01T10:45:00Z', 'n1'), spm('3', '2026-03-01T10:50:00Z', 'n2'), spm('4', '2026-03-01T11:05:00Z', 'n1'), spm('4', '2026-03-01T12:05:00Z', 'n1')];
    const u = usageOf(write('spm.json', JSON.stringify(events)));
    // 10:00 n1, n2; the refreshed event 4 counts in the hour of its latest copy (12:00), not 11:00.
    expect(actual(u)).toEqual({ 'security-posture-management': '3' });
  });

  it('metrics and traces: the inclusion per 15-minute interval, from the Full-Stack GiB-hours and Infrastructure host-hours of the same interval', () => {
    const w = (i: number) => ({ 'usage.start': `2026-03-01T10:${String(15 * i).padStart(2, '0')}:00Z`, 'usage.end': i === 3 ? '2026-03-01T11:00:00Z' : `2026-03-01T10:${String(15 * i + 15).padStart(2, '0')}:00Z` });
    const events = [
      // Interval 0: 1,000 GiB of Full-Stack (250 GiB-hours): 200,000 KiB/min of traces included.
      base({ 'event.type': 'Full-Stack Monitoring', 'event.id': 'fs0', ...w(0), billed_gibibyte_hours: 250 }),
      base({ 'event.type': 'Traces - Ingest & Process', 'event.id': 't0', ...w(0), licensing_type: 'fullstack-adaptive', ingested_bytes: 4_000_000_000 }),
      // Interval 1: 25 GiB (6.25 GiB-hours): 5,000 KiB/min computed, the 64,000 KiB/min floor applies (937.5 MiB).
      base({ 'event.type': 'Full-Stack Monitoring', 'event.id': 'fs1', ...w(1), billed_gibibyte_hours: 6.25 }),
      base({ 'event.type': 'Traces - Ingest & Process', 'event.id': 't1', ...w(1), licensing_type: 'fullstack-fixed-rate', ingested_bytes: 1_073_741_824 }),
      base({ 'event.type': 'Traces - Ingest & Process', 'event.id': 't1o', ...w(1), licensing_type: 'otlp-trace-ingest', ingested_bytes: 1_073_741_824 }),
      // Interval 2: no Full-Stack: nothing included.
      base({ 'event.type': 'Traces - Ingest & Process', 'event.id': 't2', ...w(2), licensing_type: 'fullstack-adaptive', ingested_bytes: 1_073_741_824 }),
      // Metrics: interval 0 includes 250 × 3,600 = 900,000 Full-Stack points; interval 3, 2 Infrastructure hosts: 3,000.
      base({ 'event.type': 'Metrics - Ingest & Process', 'event.id': 'm0', ...w(0), monitoring_source: 'fullstack', data_points: 1_000_000 }),
      base({ 'event.type': 'Metrics - Ingest & Process', 'event.id': 'm0o', ...w(0), monitoring_source: 'other', data_points: 50 }),
      base({ 'event.type': 'Infrastructure Monitoring', 'event.id': 'i3', ...w(3), billed_host_hours: 0.5 }),
      base({ 'event.type': 'Metrics - Ingest & Process', 'event.id': 'm3', ...w(3), monitoring_source: 'infrastructure', data_points: 2_000 }),
    ];
    const u = usageOf(write('incl.json', JSON.stringify(events)));
    const traces = u.totals.capabilities.find((c) => c.key === 'traces-ingest')!;
    // Included: 200,000 × 15 KiB = 3,072,000,000 bytes (of 4,000,000,000), then 937.5 MiB (of 1 GiB).
    expect(traces.included.times(2 ** 30).toFixed()).toBe(String(3_072_000_000 + 937.5 * 1_048_576));
    expect(traces.gross.times(2 ** 30).toFixed()).toBe(String(4_000_000_000 + 3 * 1_073_741_824));
    const metrics = u.totals.capabilities.find((c) => c.key === 'metrics-ingest')!;
    expect([metrics.gross.toFixed(), metrics.included.toFixed(), metrics.quantity.toFixed()]).toEqual(['1002050', '902000', '100050']);
  });

  it('records of another event.kind are skipped and counted; Files are billed as Events; preview types are read, not mapped', () => {
    const events = [
      base({ 'event.type': 'Files - Ingest & Process', 'event.id': 'f', billed_bytes: 1073741824 }),
      base({ 'event.type': 'Events - Ingest & Process', 'event.id': 'e', 'event.billing.category': 'Business events', billed_bytes: 1073741824 }),
      base({ 'event.type': 'Data Egress', 'event.id': 'd', billed_bytes: 2147483648 }),
      base({ 'event.kind': 'DAVIS_EVENT', 'event.type': 'whatever', 'event.id': 'k' }),
    ];
    const u = usageOf(write('kinds.json', JSON.stringify(events)));
    expect(actual(u)).toEqual({ 'events-ingest': '2', 'unmapped:Data Egress': '2' });
    expect(u.totals.otherKinds).toBe(1);
    expect(u.totals.capabilities.find((c) => c.key === 'events-ingest')!.notes.join(' ')).toMatch(/1 "Files - Ingest & Process" events are billed at the events-ingest price/);
  });
});

describe('reconcile: the DPS Account Management API', () => {
  it('usage per environment; cost totals; names matched loosely; bytes converted to GiB', () => {
    const env = { data: [{ environmentId: 'e1', usage: [{ capabilityKey: 'k', capabilityName: 'log management & analytics: ingest & process', startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z', value: 3221225472, unitMeasure: 'Bytes' }] }], lastModifiedTime: 'x' };
    const total = { data: [{ startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z', value: 12.5, currencyCode: 'EUR', lastBookingDate: '2026-03-02' }], lastModifiedTime: 'x' };
    const u = usageOf(write('env.json', JSON.stringify(env)), write('total.json', JSON.stringify(total)));
    expect(actual(u)).toEqual({ 'log-ingest': '3' });
    expect(u.totals.bookedTotal).toMatchObject({ currency: 'EUR', lastBookingDate: '2026-03-02' });
    expect(u.totals.bookedTotal!.value.toFixed()).toBe('12.5');
  });

  it('an unknown capability name (with did-you-mean), a unit it cannot convert, a subscription document, usage given twice: located errors', () => {
    const bad = { data: [{ capabilityKey: 'x', capabilityName: 'Full Stack Monitorin', startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z', value: 1, unitMeasure: 'GiB-hours' }, { capabilityKey: 'y', capabilityName: 'HTTP Monitor', startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z', value: 1, unitMeasure: 'GiB' }] };
    expect(problems(write('bad.json', JSON.stringify(bad, null, 1)))).toEqual([
      'bad.json:3: data[0].capabilityName: capabilityName "Full Stack Monitorin" is not a DPS capability dtcost knows (did you mean "Full-Stack Monitoring"?); dtcost never guesses what an unknown capability is',
      'bad.json:11: data[1].unitMeasure: unitMeasure "GiB" is not the unit of http-monitor (synthetic-request) and dtcost cannot convert it',
    ]);
    expect(problems(write('sub.json', JSON.stringify({ uuid: 'u', type: 't', periods: [], capabilities: [], budget: { total: 1 } })))[0]).toMatch(/this is a DPS subscription/);
    const http = { data: [{ capabilityKey: 'y', capabilityName: 'HTTP Monitor', startTime: '2026-03-01T00:00:00Z', endTime: '2026-03-02T00:00:00Z', value: 1, unitMeasure: 'request' }] };
    const events = [base({ 'event.type': 'HTTP Monitor', 'event.id': 'h', billed_http_request_count: 3 })];
    expect(problems(write('api.json', JSON.stringify(http)), write('ev.json', JSON.stringify(events)))).toEqual([
      'api.json: http-monitor: both billing usage events and DPS API usage rows give its usage; pass one or the other (they would count it twice)',
    ]);
  });
});

describe('reconcile: what cannot be read is said, with where', () => {
  it('an unknown event.type (did you mean), once for all its records, with the first line; a missing billed field; a bad time', () => {
    const lines = [
      base({ 'event.type': 'Full Stack Monitoring', 'event.id': '1', billed_gibibyte_hours: 1 }),
      base({ 'event.type': 'Full Stack Monitoring', 'event.id': '2', billed_gibibyte_hours: 1 }),
      base({ 'event.type': 'HTTP Monitor', 'event.id': '3', billed_http_request_count: -2 }),
      base({ 'event.type': 'HTTP Monitor', 'event.id': '4' }),
      base({ 'event.type': 'Full-Stack Monitoring', 'event.id': '5', billed_gibibyte_hours: 1, 'usage.start': 'yesterday' }),
      base({ 'event.type': 'Full-Stack Monitoring', billed_gibibyte_hours: 1 }),
    ].map((e) => JSON.stringify(e));
    expect(problems(write('bad.jsonl', lines.join('\n')))).toEqual([
      'bad.jsonl:1: event.type "Full Stack Monitoring" is not a billing usage event type dtcost knows (did you mean "Full-Stack Monitoring"?); dtcost never guesses what an unknown type bills (2 records have this problem; the first is here)',
      'bad.jsonl:3: billed_http_request_count: expected the billed quantity of a "HTTP Monitor" event (a number ≥ 0), found -2',
      'bad.jsonl:4: billed_http_request_count: expected the billed quantity of a "HTTP Monitor" event (a number ≥ 0), found nothing (no such field)',
      'bad.jsonl:5: usage.start: expected an ISO 8601 time (2026-03-01T10:00:00Z), found "yesterday"',
      'bad.jsonl:6: event.id: missing; export event.id with the events, so that a refreshed event (the same event.id again) is counted once',
    ]);
  });

  it('broken JSON, a record that is not an object, a stray CSV quote, a file cut short, compressed or binary files, no such file', () => {
    expect(problems(write('broken.jsonl', `${JSON.stringify(base({ 'event.type': 'HTTP Monitor', 'event.id': '1', billed_http_request_count: 1 }))}\n{"event.type": oops}\n`))[0]).toMatch(/^broken\.jsonl:2: this record is not valid JSON/);
    expect(problems(write('list.json', '[\n{"a": 1},\n[1, 2]\n]'))).toContain('list.json:3: record 2 is a list, not an object (a record)');
    expect(problems(write('cut.json', '[\n{"event.type": "HTTP Monitor",'))[0]).toMatch(/^cut\.json:2: this JSON ends in the middle of a record/);
    expect(problems(write('quote.csv', 'event.type,event.id\n"HTTP Monitor,1\n'))[0]).toMatch(/^quote\.csv:2: a quoted field is not closed at the end of the file/);
    writeFileSync(join(TMP, 'z.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
    expect(problems(join(TMP, 'z.gz'))).toEqual(['z.gz: the file is gzip-compressed: decompress it first (gunzip)']);
    writeFileSync(join(TMP, 'nul.csv'), Buffer.from([0x61, 0, 0x62]));
    expect(problems(join(TMP, 'nul.csv'))).toEqual(['nul.csv: the file is not text (it holds NUL bytes)']);
    expect(problems(join(TMP, 'missing.json'))).toEqual(['missing.json: no such file']);
    expect(problems(write('empty.json', '   \n'))).toEqual(['empty.json: the file is empty']);
    const first = JSON.stringify(base({ 'event.type': 'HTTP Monitor', 'event.id': '1', billed_http_request_count: 1 }));
    expect(problems(write('long.jsonl', `${first}\n{"event.type": "${'x'.repeat(17 << 20)}"}\n`))).toEqual(['long.jsonl:2: a line of more than 16 MiB']);
    expect(problems(write('long.json', `[{"event.type": "${'x'.repeat(17 << 20)}"}]`))).toEqual(['long.json:1: record 1 is larger than 16 MiB']);
    expect(problems(write('other.json', '{"hello": [1]}'))[0]).toMatch(/^other\.json: no records found: .* the document has the keys hello$/);
  });
});

describe('reconcile: compact structures', () => {
  it('Table64 keeps 64-bit keys and their values through growth; hashes differ by salt', () => {
    const t = new Table64();
    const keys: [number, number][] = [];
    for (let i = 0; i < 50_000; i++) {
      const low = hashString(`event-${i}`, i % 7);
      keys.push([low, hashHigh]);
      t.insert(low, hashHigh, i);
    }
    expect(t.size).toBe(50_000);
    expect(keys.filter(([low, high], i) => t.value(t.find(low, high)) !== i)).toEqual([]);
    t.insert(keys[7]![0], keys[7]![1], 99);
    expect([t.wasNew, t.size]).toEqual([false, 50_000]);
    expect(hashString('x', 1)).not.toBe(hashString('x', 2));
    const sized = new Table64();
    sized.reserve(10_000_000);
    expect(sized.bytes).toBe(12 * (Math.ceil(10_000_000 / 0.75) + 1));
  });

  it('ExactSum adds and takes back integers, short decimals and long ones exactly', () => {
    const s = new ExactSum();
    for (let i = 0; i < 1000; i++) s.add(0.1);
    s.add(2 ** 53 - 1);
    s.add(2 ** 53 - 1);
    s.add(0.1234567);
    s.add(0.1234567, -1);
    expect(s.value().toFixed()).toBe('18014398509482082');
  });
});
