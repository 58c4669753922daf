// An activity file on several cores (`--jobs N`): the file is cut at line breaks into N chunks of
// about equal bytes; the first is read on this thread, the others in worker threads, each into a
// fold of its own (metering/activity.ts), and the folds are merged, exactly (the fold is per host
// and per interval, whatever the order of the runs). The problems of the chunks are replayed in
// file order with their lines in the file: the same messages, lines and order as one pass, the
// same stop after 200. What one pass would say differently after what came before (NUL bytes,
// runs of the file more than 10 years apart) is left to one pass: the file is then read again.
//
// A worker runs the same bundle with a global that makes main() serve the chunk instead of the
// command line: dist/dtcost.cjs, compiled with its code cache as bin/dtcost does; in the
// standalone binary, the bundle the executable carries as an asset (node:sea; the binary's own
// start-up snapshot cannot start a worker). Run from source (tests), files are read on one thread.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { D } from '../core/decimal.js';
import { activityJobsSetting } from './jobs-setting.js';
import { MAX_LINE_CHARS, MAX_SPAN_DAYS, MIN_CHUNK_BYTES, ActivityReader, scan, type ActivityDefaults, type ChunkResult, type ReaderState } from './activity.js';

export { MIN_CHUNK_BYTES };

const MAX_SPAN = MAX_SPAN_DAYS * 86_400_000;

/** `--jobs`, or the number of cores. */
export function activityJobs(): number {
  return activityJobsSetting() ?? availableParallelism();
}

/** What a chunk's reader needs (structured-clonable: the memory default as text). */
export interface ChunkTask {
  path: string;
  file: string;
  defaults: { mode: ActivityDefaults['mode']; infrastructureCap: boolean; memoryGiB?: string };
  windows: (readonly [number, number])[] | undefined;
  state: ReaderState | undefined;
  start: number;
  end: number;
}

const defaultsOf = (task: ChunkTask): ActivityDefaults => ({
  mode: task.defaults.mode,
  infrastructureCap: task.defaults.infrastructureCap,
  ...(task.defaults.memoryGiB !== undefined ? { memoryGiB: new D(task.defaults.memoryGiB) } : {}),
});

/** Reads one chunk (on any thread). */
export async function readChunk(task: ChunkTask, local = false): Promise<ChunkResult> {
  const reader = ActivityReader.chunkOf(task.file, defaultsOf(task), task.windows, task.state);
  const lines = await scan(reader, task.path, task.start, task.end);
  return reader.chunkResult(lines, local);
}

/**
 * Where to cut a file of `size` bytes into `count` chunks: after the first line with content (it
 * says whether there is a header) and at line breaks; undefined when the file is better read in
 * one pass (that line, or a line break, not found within a line's length).
 */
export function planChunks(path: string, size: number, count: number, defaults: ActivityDefaults, file: string): { bounds: number[]; state: ReaderState; first: number } | undefined {
  const fd = openSync(path, 'r');
  try {
    const window = Buffer.alloc(4 * MAX_LINE_CHARS + 4);
    const read = (at: number) => window.subarray(0, readSync(fd, window, 0, window.length, at));
    // The first line with content, as the reader sees it.
    const head = read(0);
    if (head.includes(0)) return undefined;
    const probe = ActivityReader.chunkOf(file, defaults, undefined, undefined);
    let from = 0;
    let lineNo = 0;
    let first = -1;
    for (let nl = head.indexOf(10); nl !== -1; nl = head.indexOf(10, from)) {
      const text = head.toString('utf8', from, nl);
      lineNo++;
      from = nl + 1;
      const content = (lineNo === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trim();
      if (content === '' || content.startsWith('#')) continue;
      probe.line(text, lineNo);
      first = from;
      break;
    }
    if (first < 0) return undefined;
    const bounds = [0];
    for (let k = 1; k < count; k++) {
      const at = Math.max(first, Math.floor((size * k) / count));
      if (at >= size) break;
      const bytes = read(at);
      const nl = bytes.indexOf(10);
      if (nl < 0) return undefined;
      const cut = at + nl + 1;
      if (cut < size && cut > bounds[bounds.length - 1]!) bounds.push(cut);
    }
    bounds.push(size);
    return { bounds, state: probe.state(), first };
  } finally {
    closeSync(fd);
  }
}

/** What names the standalone binary's bundle (scripts/build-binary.mjs: the asset dtcost.cjs) to a worker. */
const SEA_BUNDLE = 'sea:dtcost.cjs';

/** Whether this runs in the standalone binary (a Node single-executable application). */
function inSea(): boolean {
  try {
    // node:sea is Node's from 20.12; `require` exists in the CommonJS bundle, not in the ES modules of the sources.
    return (require('node:sea') as typeof import('node:sea')).isSea();
  } catch {
    return false;
  }
}

/** The bundle a worker runs: the binary's asset, or this file when it runs as dist/dtcost.cjs. */
function bundleFile(): string | undefined {
  if (inSea()) return SEA_BUNDLE;
  // `__filename` exists in the CommonJS bundle (bin/dtcost passes it), not in the ES modules of the sources.
  return typeof __filename === 'string' && __filename.endsWith('.cjs') && existsSync(__filename) ? __filename : undefined;
}

/**
 * The code of a worker: bin/dtcost's loading of the bundle, with its code cache, as a chunk reader;
 * in the binary, the same from its asset (Latin-1: the bundle is ASCII), without a cache.
 */
const WORKER = `
globalThis.dtcostActivityWorker = true;
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const file = require('node:worker_threads').workerData.bundle;
let source;
let cachedData;
if (file === ${JSON.stringify(SEA_BUNDLE)}) {
  source = Buffer.from(require('node:sea').getAsset('dtcost.cjs')).toString('latin1');
} else {
  source = readFileSync(file, 'latin1');
  try { cachedData = readFileSync(file + '.cache'); } catch {}
}
const script = new Script('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, dirname(file));
`;

/** A worker thread's work (main() calls this when the global is set): one chunk, posted back. */
export async function activityWorker(): Promise<void> {
  try {
    const result = await readChunk((workerData as { task: ChunkTask }).task);
    const transfer: ArrayBuffer[] = [];
    for (const data of [result.fold, ...(result.windows ?? [])]) {
      if (!data) continue;
      for (const d of data.dps) transfer.push(d.counts.buffer as ArrayBuffer, d.ranges.buffer as ArrayBuffer);
      if (data.minutes) transfer.push(data.minutes.buffer as ArrayBuffer);
    }
    parentPort!.postMessage({ ok: true, result }, transfer);
  } catch (err) {
    parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

async function inWorker(bundle: string, task: ChunkTask): Promise<ChunkResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { bundle, task }, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    worker.once('message', (m: { ok: true; result: ChunkResult } | { ok: false; error: string }) => {
      if (m.ok) resolve(m.result);
      else reject(new Error(m.error));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`an activity worker exited with ${code}`)));
  });
}

/**
 * Reads the file into `reader` on `jobs` threads; false (nothing done to `reader`) when it is to be
 * read in one pass: small, or without a bundle to run in workers, or when a chunk says so.
 */
export async function scanParallel(
  reader: ActivityReader,
  path: string,
  size: number,
  options: { file: string; defaults: ActivityDefaults; windows: readonly (readonly [number, number])[] | undefined; jobs?: number; bundle?: string | undefined },
): Promise<boolean> {
  const bundle = 'bundle' in options ? options.bundle : bundleFile();
  const count = Math.min(options.jobs ?? activityJobs(), Math.floor(size / MIN_CHUNK_BYTES));
  if (count < 2 || bundle === undefined) return false;
  const plan = planChunks(path, size, count, options.defaults, options.file);
  if (!plan || plan.bounds.length < 3) return false;
  const memoryGiB = options.defaults.memoryGiB?.toString();
  const task = (k: number): ChunkTask => ({
    path,
    file: options.file,
    defaults: { mode: options.defaults.mode, infrastructureCap: options.defaults.infrastructureCap, ...(memoryGiB !== undefined ? { memoryGiB } : {}) },
    windows: options.windows?.map((w) => [w[0], w[1]] as const),
    state: k === 0 ? undefined : plan.state,
    start: plan.bounds[k]!,
    end: plan.bounds[k + 1]!,
  });
  const tasks = plan.bounds.slice(0, -1).map((_, k) => task(k));
  let results: ChunkResult[];
  try {
    const others = Promise.all(tasks.slice(1).map((t) => inWorker(bundle, t)));
    // This thread reads the first chunk meanwhile (a failure of a worker waits for it: no stray rejection).
    const settled = others.then(
      (r) => ({ ok: true as const, r }),
      (err: unknown) => ({ ok: false as const, err }),
    );
    const first = await readChunk(tasks[0]!, true);
    const rest = await settled;
    if (!rest.ok) {
      if (process.env.DTCOST_DEBUG === '1') process.stderr.write(`dtcost: ${options.file}: a worker failed (${String((rest as { err: unknown }).err)}), read in one pass\n`);
      return false;
    }
    results = [first, ...rest.r];
  } catch {
    return false;
  }
  const merged = mergeChunks(reader, results);
  if (process.env.DTCOST_DEBUG === '1') process.stderr.write(`dtcost: ${options.file}: ${results.length} chunks on ${results.length} threads${merged ? '' : ', read again in one pass'}\n`);
  return merged;
}

/** The chunks' results into `reader`, as one pass would have read them; false when one pass must read the file. */
export function mergeChunks(reader: ActivityReader, results: readonly ChunkResult[]): boolean {
  if (results.some((r) => r.fallback)) return false;
  const earliest = Math.min(...results.map((r) => r.earliest));
  const latest = Math.max(...results.map((r) => r.latest));
  if (latest - earliest > MAX_SPAN) return false;
  let offset = 0;
  for (const r of results) {
    reader.replay(r.events, offset);
    if (reader.stopped) break;
    offset += r.lines;
  }
  if (!reader.failed) for (const r of results) reader.absorb(r);
  return true;
}
