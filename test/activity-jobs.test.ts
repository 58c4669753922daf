// Activity files read in chunks (--jobs): the chunks folded apart (their folds cloned as between
// threads) and merged give exactly the single pass's summary, under both models, on shuffled,
// overlapping, interval-straddling rows cut anywhere (also inside a run of rows of one host); their
// problems come out as the single pass reports them (messages, lines, order, the stop after 200).
// Rows read in place (the fast path) give what the field-by-field path gives. And through the
// CLI: --jobs 1 and --jobs 2 write the same bytes, and the same errors; the standalone binary's
// workers too, when it is built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { D, toPlain } from '../src/core/decimal.js';
import { ActivityReader, readActivity, readActivityWindows, scan, type ActivityDefaults, type ActivitySummary } from '../src/input/activity.js';
import { mergeChunks, planChunks, readChunk, type ChunkTask } from '../src/input/activity-jobs.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const ROOT = join(import.meta.dirname, '..');
const BINARY = join(ROOT, 'dist', 'dtcost-linux-x64');
const TMP = mkdtempSync(join(tmpdir(), 'dtcost-activity-jobs-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const BASE = Date.UTC(2026, 2, 1);
const MODES = ['fullstack', 'infrastructure', 'discovery'] as const;
const DEFAULTS: ActivityDefaults = { mode: 'fullstack', infrastructureCap: true, memoryGiB: new D(16) };

/** A summary as plain, comparable data (both models, the intervals too). */
function plain(s: ActivitySummary) {
  return {
    rows: s.rows,
    shortRuns: s.shortRuns,
    window: s.window,
    classic: { total: toPlain(s.classic.hostUnitHours), peak: toPlain(s.classic.peakHostUnits), hourly: [...s.classic.hourly].map(([h, v]) => [h, toPlain(v)]) },
    dps: { fs: toPlain(s.dps.fullStackGiBHours), infra: toPlain(s.dps.infrastructureHostHours), disc: toPlain(s.dps.discoveryHostHours), intervals: s.dps.intervals },
  };
}

type Result = { ok: true; summary: ActivitySummary } | { ok: false; diagnostics: { message: string; position?: { line: number } }[] };
const comparable = (r: Result) => (r.ok ? { ok: true, summary: plain(r.summary) } : { ok: false, problems: r.diagnostics.map((d) => [d.position?.line, d.message]) });

let files = 0;
function file(text: string): string {
  const path = join(TMP, `runs-${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

/** One pass over the file (the reader's own path, as with --jobs 1). */
async function single(path: string, windows?: [number, number][]) {
  const reader = windows ? ActivityReader.windowed('runs.csv', DEFAULTS, windows) : new ActivityReader('runs.csv', DEFAULTS);
  await scan(reader, path);
  return { result: reader.finish(), windows: windows ? reader.windowSummaries().map(plain) : undefined };
}

/**
 * The file cut at the line breaks after the bytes `cuts` (as fractions of the size, or planChunks'
 * cuts), each chunk read apart, its result cloned as a message between threads, then merged.
 */
async function chunked(path: string, cuts: number[], windows?: [number, number][]) {
  const size = statSync(path).size;
  const plan = planChunks(path, size, 2, DEFAULTS, 'runs.csv');
  if (!plan) return undefined;
  const bounds = [0];
  const text = readFileSync(path);
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const at = Math.max(plan.first - 1, Math.floor(cut * size));
    const nl = text.indexOf(10, at);
    if (nl >= 0 && nl + 1 < size && nl + 1 > bounds.at(-1)!) bounds.push(nl + 1);
  }
  bounds.push(size);
  const tasks: ChunkTask[] = bounds.slice(0, -1).map((start, k) => ({
    path,
    file: 'runs.csv',
    defaults: { mode: 'fullstack', infrastructureCap: true, memoryGiB: '16' },
    windows,
    state: k === 0 ? undefined : plan.state,
    start,
    end: bounds[k + 1]!,
  }));
  const results = await Promise.all(tasks.map((t, k) => readChunk(t, k === 0)));
  const reader = windows ? ActivityReader.windowed('runs.csv', DEFAULTS, windows) : new ActivityReader('runs.csv', DEFAULTS);
  // What a worker posts is a structured clone (the first chunk is read on this thread, as in scanParallel).
  const merged = mergeChunks(reader, results.map((r, k) => (k === 0 ? r : structuredClone(r))));
  return { merged, chunks: tasks.length, result: reader.finish(), windows: windows ? reader.windowSummaries().map(plain) : undefined };
}

const iso = (ms: number) => new Date(ms).toISOString();
const rowArb = fc
  .record({
    host: fc.constantFrom('web-1', 'web-2', 'db-1', 'a-host-name-longer-than-13'),
    // Seconds, so that runs start and end inside minutes and intervals, over 3 days.
    start: fc.integer({ min: 0, max: 3 * 86_400 }),
    length: fc.oneof(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 40 * 3600 })),
    memory: fc.constantFrom('', '4', '8.3', '16', '64'),
    mode: fc.constantFrom('', ...MODES),
    style: fc.constantFrom('Z', 'ms', 'minute', 'offset', 'space'),
  })
  .map(({ host, start, length, memory, mode, style }) => {
    const a = BASE + start * 1000;
    const b = a + length * 1000;
    const t = (ms: number) =>
      style === 'ms' ? iso(ms) : style === 'minute' ? iso(ms - (ms % 60_000)).slice(0, 16) + 'Z' : style === 'offset' ? iso(ms + 7_200_000).slice(0, 19) + '+02:00' : style === 'space' ? iso(ms).slice(0, 19).replace('T', ' ') : iso(ms).slice(0, 19) + 'Z';
    return `${host},${t(a)},${t(b)},${memory},${mode}`;
  });

describe(`chunks folded apart and merged = the single pass (${RUNS} cases each; FUZZ_RUNS sets more)`, () => {
  it('shuffled, overlapping, interval-straddling rows of both models, cut anywhere (inside runs of rows of one host too)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 120 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        fc.nat(5),
        async (rows, cuts, header, repeat) => {
          // Runs of rows of one host one after the other (a cut falls inside them too).
          const lines = rows.flatMap((r, i) => (i % 7 === 0 ? Array(repeat + 1).fill(r) : [r]));
          const path = file(`${header ? 'host,start,end,memoryGiB,mode\n' : ''}${lines.join('\n')}\n`);
          const one = await single(path);
          const parts = await chunked(path, cuts);
          expect(parts).toBeDefined();
          expect(parts!.merged).toBe(true);
          expect(comparable(parts!.result)).toEqual(comparable(one.result));
          expect(one.result.ok).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('a plan\'s windows (months): the same per-window summaries', async () => {
    const windows: [number, number][] = [
      [BASE, BASE + 86_400_000],
      [BASE + 86_400_000, BASE + 4 * 86_400_000],
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 80 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), async (rows, cuts) => {
        const path = file(`${rows.join('\n')}\n`);
        const one = await single(path, windows);
        const parts = await chunked(path, cuts, windows);
        expect(parts!.merged).toBe(true);
        expect(parts!.windows).toEqual(one.windows);
      }),
      { numRuns: Math.max(10, RUNS / 3) },
    );
  }, 120_000);

  it('problems: the same messages, lines and order, the header and the stop after 200 too', async () => {
    const bad = ['web-1,2026-02-30T10:00Z,2026-03-01T11:00Z,16', 'web-1,2026-03-01T12:00Z,2026-03-01T11:00Z,16', ',2026-03-01T10:00Z,2026-03-01T11:00Z', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,-4', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,16,fullstak', 'web-1,yesterday,today', 'web-1,2026-03-01T10:00+25:00,2026-03-01T11:00Z'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(rowArb, fc.constantFrom(...bad), fc.constant(''), fc.constant('# a comment')), { minLength: 1, maxLength: 400 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom('', 'host,start,end,memoryGiB,mode\n', 'start,host,end\n', 'host,begin,end\n', '\n# runs\n\nhost,start,end\n'),
        async (rows, cuts, head) => {
          const path = file(`${head}${rows.join('\n')}`);
          const one = await single(path);
          const parts = await chunked(path, cuts);
          if (!parts) return; // No line with content: read in one pass.
          expect(parts.merged).toBe(true);
          expect(comparable(parts.result)).toEqual(comparable(one.result));
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('more than 200 problems in several chunks: the first 200, then the stop at the same line', async () => {
    const lines = Array.from({ length: 900 }, (_, i) => (i % 3 === 0 ? `web-${i},2026-13-01T10:00Z,2026-03-01T11:00Z,16` : `web-${i},2026-03-01T10:00Z,2026-03-01T11:00Z,16`));
    const path = file(`${lines.join('\n')}\n`);
    const one = await single(path);
    const parts = await chunked(path, [0.1, 0.2, 0.5, 0.9]);
    expect(parts!.chunks).toBe(5);
    expect(comparable(parts!.result)).toEqual(comparable(one.result));
    expect(one.result.ok ? [] : one.result.diagnostics.at(-1)!.message).toContain('more than 200 problems: the rest of the file, from line 601, is not read');
  });

  it('a line too long in a later chunk: the same stop; NUL bytes or runs over 10 years apart: read again in one pass', async () => {
    const ok = (i: number) => `web-${i},2026-03-01T10:00Z,2026-03-01T11:00Z,16`;
    const long = file(`${Array.from({ length: 50 }, (_, i) => ok(i)).join('\n')}\n${'x'.repeat(70_000)}\n${ok(1)}\n,bad\n`);
    const one = await single(long);
    const parts = await chunked(long, [0.01, 0.99]);
    expect(parts!.merged).toBe(true);
    expect(comparable(parts!.result)).toEqual(comparable(one.result));
    // NUL bytes in a later chunk: that chunk leaves the file to one pass.
    const nul = file(`${ok(1)}\n${ok(2)}\n${ok(3)}\nweb\u0000,2026-03-01T10:00Z,2026-03-01T11:00Z\n`);
    const second = await readChunk({ path: nul, file: 'runs.csv', defaults: { mode: 'fullstack', infrastructureCap: true }, windows: undefined, state: { header: false, rows: 1, columns: { host: 0, start: 1, end: 2, memory: 3, mode: 4 } }, start: ok(1).length + 1, end: statSync(nul).size });
    expect(second.fallback).toBe(true);
    const apart = file(`${ok(1)}\n${ok(2)}\nweb-9,2040-03-01T10:00Z,2040-03-01T11:00Z,16\n`);
    expect((await chunked(apart, [0.5]))!.merged).toBe(false);
  });
});

describe('rows read in place = rows read field by field', () => {
  it('spaces, CRLF, offsets, fractions, impossible dates, unknown modes, memory texts: the same summary or the same problems', async () => {
    const odd = fc.constantFrom(' web-1 , 2026-03-01T10:00Z ,2026-03-01T11:00Z,16', 'web-1,2026-03-01T10:00:00.123456789Z,2026-03-01T11:00:00.5Z,16\r', 'web-1,2026-03-01T10:00+0130,2026-03-01T11:00-01:00,16', 'web-1,2026-02-29T10:00Z,2026-03-01T11:00Z,16', 'web-1,2024-02-29T10:00Z,2024-03-01T11:00Z,16', 'web-1,2026-03-01T10:00:60Z,2026-03-01T11:00Z', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,16,FullStack', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,016.0,infrastructure', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,1e1', 'web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,,discovery,extra', 'web-1,1969-12-31T23:00Z,2026-03-01T11:00Z', 'web-1,2026-03-01T10:00.5Z,2026-03-01T11:00Z', 'web-1,2026-03-01T10:00:00.Z,2026-03-01T11:00Z', '\u00a0web-1,2026-03-01T10:00Z,2026-03-01T11:00Z', 'web-1,2026-03-01t10:00Z,2026-03-01T11:00Z');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(rowArb, odd), { minLength: 1, maxLength: 60 }), async (rows) => {
        const text = `host,start,end,memoryGiB,mode\n${rows.join('\n')}\n`;
        const fast = new ActivityReader('runs.csv', DEFAULTS);
        await scan(fast, file(text));
        const slow = new ActivityReader('runs.csv', DEFAULTS);
        text.split('\n').forEach((line, i) => slow.line(line, i + 1));
        expect(comparable(fast.finish())).toEqual(comparable(slow.finish()));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe('through readActivity: small files in one pass whatever --jobs; sources without the bundle in one pass', () => {
  it('jobs 4 on a small file gives the single pass', async () => {
    const path = file('web-1,2026-03-01T10:00Z,2026-03-01T11:00Z,16\n');
    const a = await readActivity(path, 'runs.csv', DEFAULTS, { jobs: 4 });
    const b = await readActivity(path, 'runs.csv', DEFAULTS, { jobs: 1 });
    expect(comparable(a)).toEqual(comparable(b));
    const w = await readActivityWindows(path, 'runs.csv', DEFAULTS, [[BASE, BASE + 86_400_000]], { jobs: 4 });
    expect(w.ok && w.summaries.map(plain)).toEqual(b.ok && [plain(b.summary)]);
  });
});

describe('the CLI: --jobs 1 and --jobs 2 (worker threads of the bundle) write the same bytes', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/dtcost'), ...args], { cwd: TMP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DTCOST_DEBUG: '1' } });
  /** A file over 16 MiB (two chunks), rows in no order, hosts straddling the cut. */
  function big(name: string, bad: (i: number) => string | undefined): string {
    const lines = ['host,start,end,memoryGiB,mode'];
    for (let i = 0; i < 240_000; i++) {
      const start = BASE + ((i * 7919) % (30 * 24 * 60)) * 60_000 + (i % 7) * 1000;
      const minutes = 3 + ((i * 104729) % 600);
      lines.push(bad(i) ?? `host-${i % 3001},${iso(start)},${iso(start + minutes * 60_000)},${[4, 8, 16, 32, 64][i % 5]},${MODES[i % 3]}`);
    }
    writeFileSync(join(TMP, `${name}.csv`), `${lines.join('\n')}\n`);
    writeFileSync(join(TMP, `${name}.yaml`), `version: 1\nname: ${name}\nactivity:\n  - { name: fleet, file: ${name}.csv }\n`);
    return `${name}.yaml`;
  }

  it('estimate, both models: the same output; two chunks on two threads', () => {
    const estate = big('fleet', () => undefined);
    for (const model of ['dps', 'classic']) {
      const one = cli(['estimate', estate, '--model', model, '--format', 'json', '--jobs', '1']);
      const two = cli(['estimate', estate, '--model', model, '--format', 'json', '--jobs', '2']);
      expect(one.status).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toMatch(/2 chunks on 2 threads/);
      expect(one.stderr).not.toMatch(/chunks/);
    }
  }, 120_000);

  // The standalone binary's workers evaluate the bundle it carries (node:sea), not a file: when
  // `npm run build:binary` has made it (test/distribution.test.ts builds it), the same bytes as
  // --jobs 1 and as bin/dtcost.
  it.skipIf(!existsSync(BINARY))('the standalone binary: --jobs 2 on worker threads = --jobs 1 = bin/dtcost', () => {
    const estate = existsSync(join(TMP, 'fleet.yaml')) ? 'fleet.yaml' : big('fleet', () => undefined);
    const binary = (args: string[]) => spawnSync(BINARY, args, { cwd: TMP, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DTCOST_DEBUG: '1' } });
    for (const model of ['dps', 'classic']) {
      const args = ['estimate', estate, '--model', model, '--format', 'json'];
      const one = binary([...args, '--jobs', '1']);
      const two = binary([...args, '--jobs', '2']);
      expect(one.status).toBe(0);
      expect(two.stderr).toMatch(/2 chunks on 2 threads/);
      expect(two.stdout).toBe(one.stdout);
      expect(one.stdout).toBe(cli([...args, '--jobs', '1']).stdout);
    }
  }, 120_000);

  it('bad rows in both chunks: the same errors, lines and order, exit 2', () => {
    const estate = big('bad', (i) => (i % 20_011 === 5 ? `host-${i},2026-02-30T10:00Z,2026-03-01T11:00Z,16` : i === 230_000 ? `host-${i},2026-03-01T12:00Z,2026-03-01T11:00Z` : undefined));
    const one = cli(['validate', estate, '--jobs', '1']);
    const two = cli(['validate', estate, '--jobs', '2']);
    expect(one.status).toBe(2);
    expect(two.status).toBe(2);
    const problems = (s: string) => s.split('\n').filter((l) => !l.startsWith('dtcost: bad.csv:'));
    expect(problems(two.stderr)).toEqual(problems(one.stderr));
    expect(one.stderr).toMatch(/bad\.csv:230002:1/);
  }, 120_000);

  it('--jobs must be a whole number from 1 to 256', () => {
    const r = cli(['estimate', 'nothing.yaml', '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jobs: expected a whole number of threads from 1 to 256, found "0"');
  });
});
