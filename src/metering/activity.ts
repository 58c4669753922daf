// Observed host runs folded into what each licensing model meters, in any order, exactly.
//
// Classic (classic-licensing-bundle.md "True concurrency in host unit hour calculations"): host
// units are checked every minute; per calendar hour the highest sum of host units running at the
// same minute counts; a run shorter than 5 minutes does not count. Host units are summed as
// integer milli-host-units (every weight of the table is a multiple of 0.005), as per-minute
// deltas: a sum, so the order of the runs cannot change it.
// DPS (prices-and-rules.md "DPS metering rules"): 15-minute intervals, a partial interval counting
// whole, once per host; Full-Stack memory rounded up to 0.25 GiB with a 4 GiB minimum. Per host
// (and mode) the fold keeps the union of the intervals its runs touch, as disjoint ranges, each
// interval at the highest memory any run gives it: the same union whatever the order of the runs.
//
// A fold takes runs one by one (`add`), and two folds of parts of the same runs merge into the fold
// of all of them (`merge`, exact: folds of a file's chunks can be made apart and joined). Every
// count is an integer, kept in doubles while they are exact (below 2^53) and in BigInt past that.
import { D } from '../core/decimal.js';
import { hostUnits } from './host-units.js';
import { billedHostMemory } from './memory.js';

export type ActivityMode = 'fullstack' | 'infrastructure' | 'discovery';

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
  dps: {
    fullStackGiBHours: D;
    infrastructureHostHours: D;
    discoveryHostHours: D;
    /**
     * What runs in each 15-minute interval (index: ms / 900,000), as step functions: triples
     * [from, to, value] (intervals from ≤ i < to), sorted, disjoint, value > 0. Full-Stack memory in
     * quarter GiB (billed: rounded, 4 GiB minimum), Infrastructure hosts as a count: what the
     * included metric data points and trace volume of each interval are granted by.
     */
    intervals: { fullStackQuarterGiB: readonly number[]; infrastructureHosts: readonly number[] };
  };
}

/**
 * The sum of step functions given as ranges [from, to, value] (any order, overlapping) as sorted
 * disjoint ranges of their summed value (0 left out): a sweep over the range ends.
 */
export function sumOfRanges(ranges: Iterable<readonly [number, number, number]>): number[] {
  const delta = new Map<number, number>();
  for (const [from, to, value] of ranges) {
    if (to <= from || value === 0) continue;
    delta.set(from, (delta.get(from) ?? 0) + value);
    delta.set(to, (delta.get(to) ?? 0) - value);
  }
  const points = [...delta.keys()].sort((a, b) => a - b);
  const out: number[] = [];
  let level = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    level += delta.get(points[k]!)!;
    if (level === 0) continue;
    const m = out.length;
    if (m > 0 && out[m - 2] === points[k] && out[m - 1] === level) out[m - 2] = points[k + 1]!;
    else out.push(points[k]!, points[k + 1]!, level);
  }
  return out;
}

/** What a run of a host of some memory weighs in each model. */
export interface RunWeights {
  /** Classic host units × 1000, by mode (integers). */
  milliHostUnits: Record<'fullstack' | 'infrastructure', number>;
  /** DPS billed memory in quarter GiB (an integer). */
  quarterGiB: number;
}

export function runWeights(memoryGiB: D, infrastructureCap: boolean): RunWeights {
  return {
    milliHostUnits: {
      fullstack: hostUnits(memoryGiB, 'fullstack').value.times(1000).toNumber(),
      infrastructure: hostUnits(memoryGiB, 'infrastructure', infrastructureCap).value.times(1000).toNumber(),
    },
    quarterGiB: billedHostMemory(memoryGiB).times(4).toNumber(),
  };
}

/** One observed run: [start, end) in ms since the epoch (UTC). */
export interface Run {
  host: string;
  start: number;
  end: number;
  mode: ActivityMode;
  weights: RunWeights;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const QUARTER_HOUR = 900_000;
const MIN_RUN = 5 * MINUTE;
const MODES: readonly ActivityMode[] = ['fullstack', 'infrastructure', 'discovery'];

/** A sum of integers, exact however large: a double while it is exact, BigInt past 2^53. */
export class ExactSum {
  private low = 0;
  private high = 0n;
  add(n: number): void {
    if (!Number.isSafeInteger(n)) throw new RangeError(`ExactSum: ${n} is not a safe integer`);
    const sum = this.low + n;
    if (Number.isSafeInteger(sum)) this.low = sum;
    else {
      this.high += BigInt(this.low) + BigInt(n);
      this.low = 0;
    }
  }
  addBig(n: bigint): void {
    this.high += n;
  }
  /** The product of two safe integers, exactly. */
  addProduct(a: number, b: number): void {
    const p = a * b;
    if (Number.isSafeInteger(p)) this.add(p);
    else this.addBig(BigInt(a) * BigInt(b));
  }
  value(): bigint {
    return this.high + BigInt(this.low);
  }
}

const decimal = (n: bigint | number, divisor: number) => new D(n.toString()).div(divisor);

// ---------------------------------------------------------------------------------------------
// DPS: per host and mode, disjoint ranges of 15-minute intervals, each with its highest weight.

/**
 * Ranges as triples [from, to, weight] (intervals from ≤ i < to) in one flat array. `done` is
 * normalized: sorted, disjoint, neighbours with the same weight joined. `pending` holds ranges
 * added out of order, normalized into `done` when it outgrows it (amortized n log n) or when asked.
 */
/** Numbers (3 per range) that a merge in place may move; past that, ranges wait in `pending`. */
const DIRECT = 3 * 64;

class IntervalUnion {
  done: number[];
  /** Created when a range first comes out of order (most hosts never need it: memory per host). */
  pending: number[] | undefined;

  constructor(from: number, to: number, weight: number) {
    this.done = [from, to, weight];
  }

  add(from: number, to: number, weight: number): void {
    const done = this.done;
    const n = done.length;
    // After every range so far (runs in time order): appended, or joined to the last.
    if (n === 0 || from > done[n - 2]!) {
      done.push(from, to, weight);
      return;
    }
    // Else, near the end of the list (at most DIRECT ranges to move), merged into it in place:
    // the ranges from the first that ends at or after `from` to the last that starts at or before
    // `to` become one, when they all have this weight; a range that holds the run at a weight as
    // high or higher already counts it. Anything else waits in `pending`.
    let lo = 0;
    let hi = n / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (done[mid * 3 + 1]! < from) lo = mid + 1;
      else hi = mid;
    }
    const i = lo * 3;
    if (done[i]! <= from && to <= done[i + 1]! && weight <= done[i + 2]!) return;
    if (n - i <= DIRECT) {
      let j = i;
      while (j < n && done[j]! <= to && done[j + 2] === weight) j += 3;
      if (j === n || done[j]! > to) {
        const first = j > i ? Math.min(from, done[i]!) : from;
        const last = j > i ? Math.max(to, done[j - 2]!) : to;
        // In place (splice would make an array of what it removes, for every run).
        if (j === i) {
          done.push(0, 0, 0);
          for (let k = n - 1; k >= i; k--) done[k + 3] = done[k]!;
        } else if (j - i > 3) {
          const gone = j - i - 3;
          for (let k = j; k < n; k++) done[k - gone] = done[k]!;
          done.length = n - gone;
        }
        done[i] = first;
        done[i + 1] = last;
        done[i + 2] = weight;
        return;
      }
    }
    const pending = (this.pending ??= []);
    pending.push(from, to, weight);
    if (pending.length > Math.max(96, done.length)) this.normalize();
  }

  /** Takes in ranges [from, to, weight] (flat) from `list`, `count` numbers from `at`. */
  absorbRanges(list: ArrayLike<number>, at: number, count: number): void {
    const pending = (this.pending ??= []);
    for (let i = at; i < at + count; i++) pending.push(list[i]!);
    if (pending.length > Math.max(96, this.done.length)) this.normalize();
  }

  /** Takes in another union's ranges (it is not changed). */
  absorb(other: IntervalUnion): void {
    this.absorbRanges(other.done, 0, other.done.length);
    if (other.pending) this.absorbRanges(other.pending, 0, other.pending.length);
  }

  normalize(): void {
    if (this.pending === undefined || this.pending.length === 0) return;
    const all = this.done.concat(this.pending);
    this.pending = undefined;
    this.done = normalizeRanges(all);
  }

  /** Σ (to - from) × weight. */
  sumInto(sum: ExactSum): void {
    this.normalize();
    const done = this.done;
    for (let i = 0; i < done.length; i += 3) sum.addProduct(done[i + 1]! - done[i]!, done[i + 2]!);
  }
}

/** Overlapping [from, to, weight] triples to the sorted disjoint ranges of their highest weight. */
export function normalizeRanges(triples: readonly number[]): number[] {
  const n = triples.length / 3;
  const order = Array.from({ length: n }, (_, i) => i * 3).sort((x, y) => triples[x]! - triples[y]! || triples[x + 1]! - triples[y + 1]!);
  const out: number[] = [];
  const push = (from: number, to: number, weight: number) => {
    const m = out.length;
    if (m > 0 && out[m - 2] === from && out[m - 1] === weight) out[m - 2] = to;
    else out.push(from, to, weight);
  };
  const w0 = triples[2];
  let uniform = true;
  for (let i = 5; i < triples.length; i += 3) if (triples[i] !== w0) uniform = false;
  if (uniform) {
    let from = -Infinity;
    let to = -Infinity;
    for (const x of order) {
      const a = triples[x]!;
      const b = triples[x + 1]!;
      if (a <= to) to = Math.max(to, b);
      else {
        if (to > from) push(from, to, w0!);
        from = a;
        to = b;
      }
    }
    if (to > from) push(from, to, w0!);
    return out;
  }
  // Elementary segments between every boundary; each takes the highest weight of the ranges over
  // it (a max-heap by weight; a range that has ended is dropped when it comes to the top).
  const points = [...new Set(triples.filter((_, i) => i % 3 !== 2))].sort((a, b) => a - b);
  const heap: number[] = [];
  const weight = (x: number) => triples[x + 2]!;
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (weight(heap[p]!) >= weight(heap[i]!)) break;
      [heap[p], heap[i]] = [heap[i]!, heap[p]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && weight(heap[l]!) > weight(heap[top]!)) top = l;
      if (r < heap.length && weight(heap[r]!) > weight(heap[top]!)) top = r;
      if (top === i) return;
      [heap[top], heap[i]] = [heap[i]!, heap[top]!];
      i = top;
    }
  };
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const p = points[k]!;
    while (next < n && triples[order[next]!]! <= p) {
      heap.push(order[next++]!);
      up(heap.length - 1);
    }
    while (heap.length > 0 && triples[heap[0]! + 1]! <= p) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
      down(0);
    }
    if (heap.length > 0) push(p, points[k + 1]!, weight(heap[0]!));
  }
  return out;
}

/**
 * The unions of the hosts of one mode. Most hosts of a large file have one range (a run, or runs
 * one after the other at one weight): it is kept in typed arrays by host number (12 bytes), and a
 * host gets an IntervalUnion when a second range comes. 1,000,000 hosts: ~60 MB.
 */
class HostUnions {
  private readonly index = new Map<string, number>();
  private from = new Int32Array(64);
  private to = new Int32Array(64);
  private weight = new Float64Array(64);
  private readonly unions: (IntervalUnion | undefined)[] = [];
  size = 0;

  add(host: string, from: number, to: number, weight: number): void {
    const k = this.index.get(host);
    if (k === undefined) {
      this.create(host, from, to, weight);
      return;
    }
    const union = this.unions[k];
    if (union !== undefined) {
      union.add(from, to, weight);
      return;
    }
    const a = this.from[k]!;
    const b = this.to[k]!;
    const w = this.weight[k]!;
    // Inside the range at a weight as high: counted already; touching it at the same weight: joined.
    if (a <= from && to <= b && weight <= w) return;
    if (weight === w && from <= b && to >= a) {
      this.from[k] = Math.min(a, from);
      this.to[k] = Math.max(b, to);
      return;
    }
    const created = new IntervalUnion(a, b, w);
    created.add(from, to, weight);
    this.unions[k] = created;
  }

  private create(host: string, from: number, to: number, weight: number): number {
    const k = this.size++;
    if (k === this.from.length) this.grow();
    // Interval numbers fit 32 bits to the year 62,000; anything else gets a union of its own.
    if (from >= -0x80000000 && to <= 0x7fffffff) {
      this.from[k] = from;
      this.to[k] = to;
      this.weight[k] = weight;
    } else this.unions[k] = new IntervalUnion(from, to, weight);
    this.index.set(ownString(host), k);
    return k;
  }

  private grow(): void {
    const n = this.from.length * 2;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    const weight = new Float64Array(n);
    from.set(this.from);
    to.set(this.to);
    weight.set(this.weight);
    this.from = from;
    this.to = to;
    this.weight = weight;
  }

  /** Adds ranges (flat triples) `count` numbers from `at` of `list` to the host's union. */
  absorb(host: string, list: ArrayLike<number>, at: number, count: number): void {
    let k = this.index.get(host);
    if (k === undefined) {
      k = this.create(host, list[at]!, list[at + 1]!, list[at + 2]!);
      at += 3;
      count -= 3;
      if (count === 0) return;
    }
    let union = this.unions[k];
    if (union === undefined) this.unions[k] = union = new IntervalUnion(this.from[k]!, this.to[k]!, this.weight[k]!);
    union.absorbRanges(list, at, count);
  }

  /** The hosts, the count of numbers of each one's ranges, the ranges (normalized, flat): FoldData's `dps`. */
  export(): FoldData['dps'][number] {
    const hosts: string[] = [];
    const counts = new Int32Array(this.size);
    let total = 0;
    for (const [host, k] of this.index) {
      const union = this.unions[k];
      union?.normalize();
      counts[hosts.length] = union === undefined ? 3 : union.done.length;
      total += counts[hosts.length]!;
      hosts.push(host);
    }
    const ranges = new Float64Array(total);
    let at = 0;
    for (const k of this.index.values()) {
      const union = this.unions[k];
      if (union === undefined) {
        ranges[at++] = this.from[k]!;
        ranges[at++] = this.to[k]!;
        ranges[at++] = this.weight[k]!;
      } else {
        ranges.set(union.done, at);
        at += union.done.length;
      }
    }
    return { hosts, counts, ranges };
  }

  /** Σ (to - from) × weight over every host. */
  sumInto(sum: ExactSum): void {
    for (let k = 0; k < this.size; k++) {
      const union = this.unions[k];
      if (union === undefined) sum.addProduct(this.to[k]! - this.from[k]!, this.weight[k]!);
      else union.sumInto(sum);
    }
  }

  /** Every range of every host, `value` of its weight, as [from, to, value]. */
  *triples(value: (weight: number) => number): Generator<readonly [number, number, number]> {
    for (let k = 0; k < this.size; k++) {
      const union = this.unions[k];
      if (union === undefined) {
        yield [this.from[k]!, this.to[k]!, value(this.weight[k]!)];
        continue;
      }
      union.normalize();
      const done = union.done;
      for (let i = 0; i < done.length; i += 3) yield [done[i]!, done[i + 1]!, value(done[i + 2]!)];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Classic: per-minute deltas of milli-host-units (+ at a run's first minute, - after its last), in
// one array over the minutes the runs cover (a file's runs span at most 10 years: 42 MB at most).

const MAX_EXACT = Number.MAX_SAFE_INTEGER;
/** Minutes the delta array may cover (a little over 10 years); runs further apart go to BigInt maps. */
const MAX_MINUTES = 5_400_000;

/** A fold exported as structured-clonable data (to move it between threads). */
export interface FoldData {
  file: string;
  rows: number;
  shortRuns: number;
  first: number;
  last: number;
  magnitude: number;
  minuteBase: number;
  minutes: Float64Array | undefined;
  big: { partial: Map<number, bigint[]>; whole: Map<number, bigint> } | undefined;
  /** Per mode: host names, the count of numbers of each host's ranges, the ranges (flat triples). */
  dps: { hosts: string[]; counts: Int32Array; ranges: Float64Array }[];
}

/** The fold of a set of runs; see the head of this file. */
export class ActivityFold {
  private rows = 0;
  private shortRuns = 0;
  private first = Infinity;
  private last = -Infinity;
  /** Per-minute deltas; index 0 is minute `minuteBase` (ms / 60,000). */
  private minutes: Float64Array | undefined;
  private minuteBase = 0;
  /** Σ milli-host-units of the counted runs: every delta, level and peak is at most this. */
  private magnitude = 0;
  /** Past 2^53 of magnitude (or runs too far apart for the array), deltas as BigInt per hour (then `minutes` is undefined). */
  private big: { partial: Map<number, bigint[]>; whole: Map<number, bigint> } | undefined;
  private dps: Record<ActivityMode, HostUnions> = { fullstack: new HostUnions(), infrastructure: new HostUnions(), discovery: new HostUnions() };

  constructor(readonly file: string) {}

  add(run: Run): void {
    this.addRun(run.host, run.start, run.end, run.weights, run.mode);
  }

  /** One run (positional: no object per row). */
  addRun(host: string, start: number, end: number, weights: RunWeights, mode: ActivityMode): void {
    this.rows++;
    if (!(end > start)) return;
    const firstHour = Math.floor(start / HOUR) * HOUR;
    const lastHour = Math.floor((end - 1) / HOUR) * HOUR;
    if (firstHour < this.first) this.first = firstHour;
    if (lastHour > this.last) this.last = lastHour;

    // DPS: every 15-minute interval the run touches, once per host.
    const from = Math.floor(start / QUARTER_HOUR);
    const to = Math.ceil(end / QUARTER_HOUR);
    const fullstack = mode === 'fullstack';
    const hosts = fullstack ? this.dps.fullstack : mode === 'infrastructure' ? this.dps.infrastructure : this.dps.discovery;
    const weight = fullstack ? weights.quarterGiB : 1;
    hosts.add(host, from, to, weight);

    // Classic: true concurrency, minute by minute; runs under 5 minutes do not count.
    if (mode === 'discovery') return;
    if (end - start < MIN_RUN) {
      this.shortRuns++;
      return;
    }
    const milli = fullstack ? weights.milliHostUnits.fullstack : weights.milliHostUnits.infrastructure;
    if (this.big === undefined && this.magnitude + milli > MAX_EXACT) this.toBig();
    this.magnitude += milli;
    const startMinute = Math.floor(start / MINUTE);
    const endMinute = Math.ceil(end / MINUTE);
    if (this.big === undefined) {
      let minutes = this.minutes;
      let base = this.minuteBase;
      if (minutes === undefined || startMinute < base || endMinute >= base + minutes.length) {
        if (!this.cover(startMinute, endMinute)) return this.addBig(startMinute, endMinute, milli);
        minutes = this.minutes!;
        base = this.minuteBase;
      }
      minutes[startMinute - base]! += milli;
      minutes[endMinute - base]! -= milli;
      return;
    }
    this.addBig(startMinute, endMinute, milli);
  }

  /** Grows the minute array to hold [from, to] (minutes); false (and BigInt maps) when too wide. */
  private cover(from: number, to: number): boolean {
    const old = this.minutes;
    const lo = old === undefined ? from : Math.min(from, this.minuteBase);
    const hi = old === undefined ? to : Math.max(to, this.minuteBase + old.length - 1);
    if (hi - lo + 1 > MAX_MINUTES) {
      this.toBig();
      return false;
    }
    // Room on both sides (a day, or as much again as covered), within the limit.
    const slack = Math.max(1440, old === undefined ? 0 : old.length);
    const base = Math.max(lo - (old !== undefined && from < this.minuteBase ? slack : 0), hi + 1 - MAX_MINUTES);
    const length = Math.min(hi + 1 - base + (old !== undefined && to >= this.minuteBase + old.length ? slack : 1440), MAX_MINUTES);
    const minutes = new Float64Array(length);
    if (old !== undefined) minutes.set(old, this.minuteBase - base);
    this.minutes = minutes;
    this.minuteBase = base;
    return true;
  }

  /** The run's minutes [startMinute, endMinute) as BigInt deltas by hour. */
  private addBig(startMinute: number, endMinute: number, milli: number): void {
    const firstHour = Math.floor(startMinute / 60);
    const lastHour = Math.floor((endMinute - 1) / 60);
    for (let hour = firstHour; hour <= lastHour; hour++) {
      const a = Math.max(startMinute - hour * 60, 0);
      const b = Math.min(endMinute - hour * 60, 60);
      if (a === 0 && b === 60) {
        // The whole hours from here on, as one range.
        const lastWhole = endMinute - lastHour * 60 === 60 ? lastHour : lastHour - 1;
        this.addWhole(hour, lastWhole + 1, milli);
        hour = lastWhole;
        continue;
      }
      this.addPartial(hour, a, b, milli);
    }
  }

  private addWhole(fromHour: number, toHour: number, milli: number): void {
    const big = this.big!;
    const m = BigInt(milli);
    big.whole.set(fromHour, (big.whole.get(fromHour) ?? 0n) + m);
    big.whole.set(toHour, (big.whole.get(toHour) ?? 0n) - m);
  }

  private addPartial(hour: number, from: number, to: number, milli: number): void {
    const big = this.big!;
    let deltas = big.partial.get(hour);
    if (!deltas) big.partial.set(hour, (deltas = Array<bigint>(61).fill(0n)));
    deltas[from]! += BigInt(milli);
    deltas[to]! -= BigInt(milli);
  }

  /**
   * The minute array as levels, hour by hour over its span: each hour with the level of its 60
   * minutes (the running sum of the deltas; a minute outside the array keeps the level before it:
   * 0 before the first run, 0 again after the last end). One buffer, overwritten for each hour.
   */
  private *hourlyLevels(): Generator<[hour: number, levels: Float64Array]> {
    const minutes = this.minutes;
    if (minutes === undefined) return;
    const base = this.minuteBase;
    const lastHour = Math.floor((base + minutes.length - 1) / 60);
    const levels = new Float64Array(60);
    let level = 0;
    for (let hour = Math.floor(base / 60); hour <= lastHour; hour++) {
      for (let m = 0; m < 60; m++) {
        const i = hour * 60 + m - base;
        if (i >= 0 && i < minutes.length) level += minutes[i]!;
        levels[m] = level;
      }
      yield [hour, levels];
    }
  }

  /**
   * From the minute array to BigInt maps, exactly (every level so far is below 2^53): per hour, the
   * lowest level of its minutes as a whole-hour level, the rest as deltas within the hour.
   */
  private toBig(): void {
    if (this.big) return;
    const big = { partial: new Map<number, bigint[]>(), whole: new Map<number, bigint>() };
    let floor = 0;
    let lastHour = 0;
    for (const [hour, levels] of this.hourlyLevels()) {
      lastHour = hour;
      let low = Infinity;
      for (let m = 0; m < 60; m++) if (levels[m]! < low) low = levels[m]!;
      if (low !== floor) big.whole.set(hour, BigInt(low - floor));
      floor = low;
      let prev = low;
      let deltas: bigint[] | undefined;
      for (let m = 0; m < 60; m++) {
        if (levels[m] !== prev) {
          deltas ??= Array<bigint>(61).fill(0n);
          deltas[m] = BigInt(levels[m]! - prev);
          prev = levels[m]!;
        }
      }
      if (deltas) {
        deltas[60] = BigInt(low - prev);
        big.partial.set(hour, deltas);
      }
    }
    if (floor !== 0) big.whole.set(lastHour + 1, BigInt(-floor));
    this.big = big;
    this.minutes = undefined;
    this.minuteBase = 0;
  }

  /** Adds the runs of `other` (a fold of other rows of the same file); `other` is not changed. */
  merge(other: ActivityFold): void {
    this.mergeData(other.export());
  }

  /**
   * Adds the runs of `other`, which is not to be used afterwards: into an empty fold, taken as it is
   * (no copy of a million hosts).
   */
  mergeFold(other: ActivityFold): void {
    if (this.rows === 0 && this.dps.fullstack.size + this.dps.infrastructure.size + this.dps.discovery.size === 0 && this.minutes === undefined && this.big === undefined) {
      this.rows = other.rows;
      this.shortRuns = other.shortRuns;
      this.first = other.first;
      this.last = other.last;
      this.minutes = other.minutes;
      this.minuteBase = other.minuteBase;
      this.magnitude = other.magnitude;
      this.big = other.big;
      for (const mode of MODES) this.dps[mode] = other.dps[mode];
      return;
    }
    this.merge(other);
  }

  /** The fold as structured-clonable data (each host's ranges sorted and disjoint). */
  export(): FoldData {
    return {
      file: this.file,
      rows: this.rows,
      shortRuns: this.shortRuns,
      first: this.first,
      last: this.last,
      magnitude: this.magnitude,
      minuteBase: this.minuteBase,
      minutes: this.minutes,
      big: this.big,
      dps: MODES.map((mode) => this.dps[mode].export()),
    };
  }

  /** A fold from exported data (of another thread). */
  static from(data: FoldData): ActivityFold {
    const fold = new ActivityFold(data.file);
    fold.mergeData(data);
    return fold;
  }

  /** Adds the runs of an exported fold. */
  mergeData(other: FoldData): void {
    this.rows += other.rows;
    this.shortRuns += other.shortRuns;
    this.first = Math.min(this.first, other.first);
    this.last = Math.max(this.last, other.last);
    MODES.forEach((mode, m) => {
      const { hosts, counts, ranges } = other.dps[m]!;
      const mine = this.dps[mode];
      let at = 0;
      for (let k = 0; k < hosts.length; k++) {
        const count = counts[k]!;
        if (count > 0) mine.absorb(hosts[k]!, ranges, at, count);
        at += count;
      }
    });
    if (this.big === undefined && (other.big !== undefined || this.magnitude + other.magnitude > MAX_EXACT)) this.toBig();
    this.magnitude += other.magnitude;
    if (this.big) {
      let theirs = other.big;
      if (theirs === undefined) {
        const copy = new ActivityFold(other.file);
        copy.minutes = other.minutes;
        copy.minuteBase = other.minuteBase;
        copy.toBig();
        theirs = copy.big!;
      }
      for (const [hour, deltas] of theirs.partial) {
        let mine = this.big.partial.get(hour);
        if (!mine) this.big.partial.set(hour, (mine = Array<bigint>(61).fill(0n)));
        for (let m = 0; m <= 60; m++) mine[m]! += deltas[m]!;
      }
      for (const [hour, delta] of theirs.whole) this.big.whole.set(hour, (this.big.whole.get(hour) ?? 0n) + delta);
      return;
    }
    const theirs = other.minutes;
    if (theirs === undefined) return;
    const from = other.minuteBase;
    const to = from + theirs.length - 1;
    if (this.minutes === undefined || from < this.minuteBase || to >= this.minuteBase + this.minutes.length) {
      if (!this.cover(from, to)) return this.mergeData({ ...other, rows: 0, shortRuns: 0, magnitude: 0, dps: MODES.map(() => ({ hosts: [], counts: new Int32Array(0), ranges: new Float64Array(0) })) });
    }
    const mine = this.minutes!;
    const offset = from - this.minuteBase;
    for (let i = 0; i < theirs.length; i++) if (theirs[i] !== 0) mine[offset + i]! += theirs[i]!;
  }

  summary(): ActivitySummary {
    const classic = this.big ? this.classicBig(this.big) : this.classicExact();
    const sums = MODES.map((mode) => {
      const sum = new ExactSum();
      this.dps[mode].sumInto(sum);
      return sum.value();
    });
    return {
      file: this.file,
      rows: this.rows,
      shortRuns: this.shortRuns,
      window: this.first <= this.last ? [this.first, this.last] : null,
      classic,
      dps: {
        fullStackGiBHours: decimal(sums[0]!, 16),
        infrastructureHostHours: decimal(sums[1]!, 4),
        discoveryHostHours: decimal(sums[2]!, 4),
        intervals: { fullStackQuarterGiB: this.steps('fullstack', (w) => w), infrastructureHosts: this.steps('infrastructure', () => 1) },
      },
    };
  }

  /** What the hosts of a mode run in each interval, `value` of each range's weight, summed over hosts. */
  private steps(mode: ActivityMode, value: (weight: number) => number): number[] {
    return sumOfRanges(this.dps[mode].triples(value));
  }

  /** Hourly peaks in doubles, minute by minute: every level is at most `magnitude` < 2^53; the total is an ExactSum. */
  private classicExact(): ActivitySummary['classic'] {
    const hourly = new Map<number, D>();
    const total = new ExactSum();
    let peak = 0;
    for (const [hour, levels] of this.hourlyLevels()) {
      let max = 0;
      for (let m = 0; m < 60; m++) if (levels[m]! > max) max = levels[m]!;
      if (max > 0) {
        hourly.set(hour, decimal(max, 1000));
        total.add(max);
        if (max > peak) peak = max;
      }
    }
    return { hostUnitHours: decimal(total.value(), 1000), peakHostUnits: decimal(peak, 1000), hourly };
  }

  private classicBig(big: NonNullable<ActivityFold['big']>): ActivitySummary['classic'] {
    const hourly = new Map<number, D>();
    let total = 0n;
    let peak = 0n;
    const hours = [...new Set([...big.partial.keys(), ...big.whole.keys()])].sort((a, b) => a - b);
    let wholeLevel = 0n;
    let prev: number | undefined;
    for (const hour of hours) {
      if (prev !== undefined && wholeLevel > 0n) {
        const level = decimal(wholeLevel, 1000);
        for (let h = prev + 1; h < hour; h++) hourly.set(h, level);
        total += wholeLevel * BigInt(hour - prev - 1);
      }
      wholeLevel += big.whole.get(hour) ?? 0n;
      let max = 0n;
      const deltas = big.partial.get(hour);
      if (deltas) {
        let level = 0n;
        for (let m = 0; m < 60; m++) {
          level += deltas[m]!;
          if (level > max) max = level;
        }
      }
      const value = wholeLevel + max;
      if (value > 0n) hourly.set(hour, decimal(value, 1000));
      total += value;
      if (value > peak) peak = value;
      prev = hour;
    }
    return { hostUnitHours: decimal(total, 1000), peakHostUnits: decimal(peak, 1000), hourly };
  }
}

/**
 * A copy of a string that holds only its own characters: a host name sliced from a 64 KiB chunk of
 * the file would otherwise keep the whole chunk alive as long as the host is in the map.
 */
function ownString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
