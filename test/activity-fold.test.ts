// The activity fold does not depend on row order: shuffled rows, and rows split into chunks folded
// apart then merged, give exactly the same summary as the rows in file order, under both models;
// and that summary is what a minute-by-minute, interval-by-interval count of the runs gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, toPlain } from '../src/core/decimal.js';
import { ActivityReader } from '../src/input/activity.js';
import { ActivityFold, ExactSum, normalizeRanges, runWeights, type ActivityMode, type ActivitySummary, type Run } from '../src/metering/activity.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const MINUTE = 60_000;
const BASE = Date.UTC(2026, 2, 1);
const MEMORY = ['2', '4', '8.3', '16', '24', '64', '200'];
const MODES: ActivityMode[] = ['fullstack', 'infrastructure', 'discovery'];

interface Row {
  host: string;
  start: number;
  end: number;
  memory: string;
  mode: ActivityMode;
}

const row: fc.Arbitrary<Row> = fc
  .record({
    host: fc.constantFrom('a', 'b', 'c', 'd'),
    // Seconds, so that runs start and end inside minutes and intervals.
    start: fc.integer({ min: 0, max: 3 * 24 * 3600 }),
    length: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 30 * 3600 })),
    memory: fc.constantFrom(...MEMORY),
    mode: fc.constantFrom(...MODES),
  })
  .map(({ host, start, length, memory, mode }) => ({ host, start: BASE + start * 1000, end: BASE + (start + length) * 1000, memory, mode }));

const toRun = (r: Row): Run => ({ host: r.host, start: r.start, end: r.end, mode: r.mode, weights: runWeights(new D(r.memory), true) });

function foldOf(rows: readonly Row[]): ActivityFold {
  const fold = new ActivityFold('runs.csv');
  for (const r of rows) fold.add(toRun(r));
  return fold;
}

/** A summary as plain, comparable data. */
function plain(s: ActivitySummary) {
  return {
    rows: s.rows,
    shortRuns: s.shortRuns,
    window: s.window,
    classic: { hostUnitHours: toPlain(s.classic.hostUnitHours), peak: toPlain(s.classic.peakHostUnits), hourly: [...s.classic.hourly].map(([h, v]) => [h, toPlain(v)]) },
    dps: [s.dps.fullStackGiBHours, s.dps.infrastructureHostHours, s.dps.discoveryHostHours].map(toPlain),
  };
}

/** The documents' rules, counted the slow way: every minute of every hour, every interval of every host. */
function reference(rows: readonly Row[]) {
  const counted = rows.filter((r) => r.end > r.start);
  // Classic: per minute, the host units of every (non-discovery, ≥ 5 minutes) run over it.
  const perMinute = new Map<number, number>();
  for (const r of counted) {
    if (r.mode === 'discovery' || r.end - r.start < 5 * MINUTE) continue;
    const milli = runWeights(new D(r.memory), true).milliHostUnits[r.mode];
    for (let m = Math.floor(r.start / MINUTE); m < Math.ceil(r.end / MINUTE); m++) perMinute.set(m, (perMinute.get(m) ?? 0) + milli);
  }
  const perHour = new Map<number, number>();
  for (const [m, v] of perMinute) perHour.set(Math.floor(m / 60), Math.max(perHour.get(Math.floor(m / 60)) ?? 0, v));
  let total = 0;
  for (const v of perHour.values()) total += v;
  // DPS: per host and mode, each 15-minute interval once, at the highest memory.
  const intervals = new Map<string, number>();
  for (const r of counted) {
    const w = r.mode === 'fullstack' ? runWeights(new D(r.memory), true).quarterGiB : 1;
    for (let i = Math.floor(r.start / 900_000); i < Math.ceil(r.end / 900_000); i++) {
      const key = `${r.mode}/${r.host}/${i}`;
      intervals.set(key, Math.max(intervals.get(key) ?? 0, w));
    }
  }
  const dps = { fullstack: 0, infrastructure: 0, discovery: 0 };
  for (const [key, w] of intervals) dps[key.split('/')[0] as ActivityMode] += w;
  return {
    hostUnitHours: toPlain(new D(total).div(1000)),
    hourly: [...perHour].filter(([, v]) => v > 0).sort((a, b) => a[0] - b[0]).map(([h, v]) => [h, toPlain(new D(v).div(1000))]),
    dps: [toPlain(new D(dps.fullstack).div(16)), toPlain(new D(dps.infrastructure).div(4)), toPlain(new D(dps.discovery).div(4))],
  };
}

/** A permutation of 0..n-1 from random sort keys. */
const shuffled = <T>(items: readonly T[], keys: readonly number[]) =>
  items
    .map((item, i) => [item, keys[i % keys.length]! * 1000 + i] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([item]) => item);

describe(`activity rows in any order (${RUNS} cases each; FUZZ_RUNS sets more)`, () => {
  it('shuffled rows, and chunks folded apart then merged, give the same summary as the rows in order, and the slow count', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (rows, keys, chunks) => {
        const inOrder = plain(foldOf([...rows].sort((a, b) => a.start - b.start)).summary());
        const mixed = shuffled(rows, keys);
        expect(plain(foldOf(mixed).summary())).toEqual(inOrder);
        // Chunks folded separately, merged in some order.
        const size = Math.ceil(mixed.length / chunks) || 1;
        const parts: ActivityFold[] = [];
        for (let i = 0; i < mixed.length; i += size) parts.push(foldOf(mixed.slice(i, i + size)));
        const merged = new ActivityFold('runs.csv');
        for (const part of shuffled(parts, keys)) merged.merge(part);
        expect(plain(merged.summary())).toEqual(inOrder);
        const ref = reference(rows);
        expect({ hostUnitHours: inOrder.classic.hostUnitHours, hourly: inOrder.classic.hourly, dps: inOrder.dps }).toEqual(ref);
      }),
      { numRuns: RUNS },
    );
  }, Math.max(30_000, RUNS * 20));

  it('hundreds of runs of one host in any order (long lists of ranges, merged in place and in batches)', () => {
    const spread = fc
      .record({ start: fc.integer({ min: 0, max: 30 * 24 * 60 }), length: fc.integer({ min: 1, max: 40 }), memory: fc.constantFrom('16', '16', '16', '64') })
      .map(({ start, length, memory }): Row => ({ host: 'a', start: BASE + start * MINUTE, end: BASE + (start + length) * MINUTE, memory, mode: 'fullstack' }));
    fc.assert(
      fc.property(fc.array(spread, { minLength: 200, maxLength: 800 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), (rows, keys) => {
        const mixed = shuffled(rows, keys);
        const s = plain(foldOf(mixed).summary());
        expect(s).toEqual(plain(foldOf([...rows].sort((a, b) => b.start - a.start)).summary()));
        expect(s.dps).toEqual(reference(rows).dps);
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 10)) },
    );
  }, Math.max(30_000, RUNS * 200));

  it('through the reader: CSV rows newest first give what oldest first gives (two days of runs)', () => {
    const lines: string[] = [];
    for (let day = 0; day < 2; day++) {
      for (let h = 0; h < 24; h += 2) {
        const start = new Date(BASE + day * 86_400_000 + h * 3_600_000);
        lines.push(`web-1,${start.toISOString()},${new Date(start.getTime() + 90 * MINUTE).toISOString()},16`);
      }
    }
    const read = (rows: string[]) => {
      const reader = new ActivityReader('runs.csv', { mode: 'fullstack', infrastructureCap: true });
      ['host,start,end,memoryGiB', ...rows].forEach((l, i) => reader.line(l, i + 1));
      const r = reader.finish();
      if (!r.ok) throw new Error(r.diagnostics[0]!.message);
      return plain(r.summary);
    };
    const oldest = read(lines);
    expect(read([...lines].reverse())).toEqual(oldest);
    // 24 runs of 1.5 h, each touching 6 intervals (2 shared with no other run): 24 × 6 × 16 GiB × 0.25 h.
    expect(oldest.dps[0]).toBe('576');
  });
});

describe('exact past 2^53', () => {
  it('classic host-unit hours and DPS GiB-hours stay exact when their integer sums pass 2^53', () => {
    const huge = { milliHostUnits: { fullstack: 2 ** 51 + 1, infrastructure: 2 ** 51 + 1 }, quarterGiB: 2 ** 51 + 3 };
    const fold = new ActivityFold('huge.csv');
    const other = new ActivityFold('huge.csv');
    for (let i = 0; i < 6; i++) {
      const run = { host: `h${i}`, start: BASE, end: BASE + 3 * 3_600_000, mode: 'fullstack' as const, weights: huge };
      (i % 2 === 0 ? fold : other).add(run);
    }
    fold.merge(other);
    const s = fold.summary();
    // 6 hosts × 3 hours × (2^51 + 1) milli; 6 hosts × 12 intervals × (2^51 + 3) quarter GiB / 16.
    const milli = BigInt(2 ** 51 + 1);
    expect(toPlain(s.classic.hostUnitHours)).toBe(toPlain(new D((6n * 3n * milli).toString()).div(1000)));
    expect(toPlain(s.classic.peakHostUnits)).toBe(toPlain(new D((6n * milli).toString()).div(1000)));
    expect(toPlain(s.dps.fullStackGiBHours)).toBe(toPlain(new D((6n * 12n * BigInt(2 ** 51 + 3)).toString()).div(16)));
  });

  it('ExactSum adds past 2^53 without losing a unit', () => {
    const sum = new ExactSum();
    for (let i = 0; i < 1000; i++) sum.add(Number.MAX_SAFE_INTEGER);
    sum.addProduct(2 ** 40 + 1, 2 ** 30 + 1);
    expect(sum.value()).toBe(1000n * BigInt(Number.MAX_SAFE_INTEGER) + BigInt(2 ** 40 + 1) * BigInt(2 ** 30 + 1));
  });
});

describe('interval unions', () => {
  it('overlapping ranges of different weights: each interval once, at its highest weight', () => {
    expect(normalizeRanges([0, 10, 1, 5, 15, 2, 12, 20, 1, 30, 31, 5, 31, 32, 5])).toEqual([0, 5, 1, 5, 15, 2, 15, 20, 1, 30, 32, 5]);
  });
});

describe('the per-minute array and the BigInt maps', () => {
  it('a fold that passes 2^53 midway (its minutes turned into BigInt maps) counts what a slow BigInt count gives, in any order and merged', () => {
    // Weights near 2^50: a few runs pass 2^53 of magnitude, so the conversion happens with runs on both sides of it.
    const big = fc
      .record({ start: fc.integer({ min: 0, max: 2 * 24 * 60 }), length: fc.integer({ min: 0, max: 26 * 60 }), host: fc.constantFrom('a', 'b', 'c'), k: fc.integer({ min: 0, max: 3 }) })
      .map(({ start, length, host, k }) => ({ host, start: BASE + start * MINUTE + 17_000, end: BASE + (start + length) * MINUTE + 17_000, milli: 2 ** 50 + k * 1000 }));
    fc.assert(
      fc.property(fc.array(big, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (runs, chunks) => {
        const weights = (milli: number) => ({ milliHostUnits: { fullstack: milli, infrastructure: milli }, quarterGiB: 64 });
        const fold = new ActivityFold('big.csv');
        for (const r of runs) fold.add({ host: r.host, start: r.start, end: r.end, mode: 'fullstack', weights: weights(r.milli) });
        // The slow count: per minute, BigInt.
        const perMinute = new Map<number, bigint>();
        for (const r of runs) {
          if (r.end - r.start < 5 * MINUTE) continue;
          for (let m = Math.floor(r.start / MINUTE); m < Math.ceil(r.end / MINUTE); m++) perMinute.set(m, (perMinute.get(m) ?? 0n) + BigInt(r.milli));
        }
        const perHour = new Map<number, bigint>();
        for (const [m, v] of perMinute) {
          const h = Math.floor(m / 60);
          if (v > (perHour.get(h) ?? 0n)) perHour.set(h, v);
        }
        const total = [...perHour.values()].reduce((a, b) => a + b, 0n);
        const s = fold.summary();
        expect(toPlain(s.classic.hostUnitHours)).toBe(toPlain(new D(total.toString()).div(1000)));
        expect([...s.classic.hourly].map(([h, v]) => [h, toPlain(v)])).toEqual([...perHour].filter(([, v]) => v > 0n).sort((a, b) => a[0] - b[0]).map(([h, v]) => [h, toPlain(new D(v.toString()).div(1000))]));
        // In chunks, merged: the same (one side in doubles, the other in BigInt).
        const size = Math.ceil(runs.length / chunks);
        const merged = new ActivityFold('big.csv');
        for (let i = 0; i < runs.length; i += size) {
          const part = new ActivityFold('big.csv');
          for (const r of runs.slice(i, i + size)) part.add({ host: r.host, start: r.start, end: r.end, mode: 'fullstack', weights: weights(r.milli) });
          merged.merge(part);
        }
        expect(plain(merged.summary())).toEqual(plain(s));
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('runs more than the array may cover apart (a fold used directly): the BigInt maps count them', () => {
    const fold = new ActivityFold('far.csv');
    const w = runWeights(new D(16), true);
    fold.add({ host: 'a', start: Date.UTC(1971, 0, 1), end: Date.UTC(1971, 0, 1, 2), mode: 'fullstack', weights: w });
    fold.add({ host: 'a', start: Date.UTC(2030, 0, 1, 0, 30), end: Date.UTC(2030, 0, 1, 1), mode: 'fullstack', weights: w });
    const s = fold.summary();
    expect(toPlain(s.classic.hostUnitHours)).toBe('3');
    expect(toPlain(s.classic.peakHostUnits)).toBe('1');
  });
});
