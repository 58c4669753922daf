// Out of memory: a command whose estates would not fit in the Node.js heap is refused with the size
// that was too large (exit 2), never left to V8's "JavaScript heap out of memory" abort (src/cli/memory.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAP_PER_BYTE, memoryProblem, REFUSED_FROM_BYTES } from '../src/cli/memory.js';
import { MAX_INPUT_BYTES } from '../src/input/load.js';
import { oldGenerationLimit } from '../src/input/memory.js';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'dtcost');
const DIR = mkdtempSync(join(tmpdir(), 'dtcost-memory-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const MiB = 1024 * 1024;

/** A JSON estate of `n` HTTP monitors and applications (~150 bytes each). */
function estate(file: string, n: number): string {
  const applications = Array.from({ length: n / 2 }, (_, i) => ({ name: `app-${i}`, visitsPerMonth: 100000 + i, bounceRate: 0.3, replayRate: 0.05 }));
  const http = Array.from({ length: n / 2 }, (_, i) => ({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 }));
  const path = join(DIR, file);
  writeFileSync(path, JSON.stringify({ version: 1, applications, synthetic: { http } }, null, 1));
  return path;
}

describe('memoryProblem', () => {
  const big = estate('big.json', 16_000);
  const small = estate('small.json', 100);
  const heap = (oldMiB: number) => () => ({ limit: (oldMiB + 48) * MiB });

  it('refuses what would not fit, naming the file and its size', () => {
    const problem = memoryProblem('diff', [small, big], heap(32));
    expect(problem?.file).toBe(big);
    expect(problem?.message).toMatch(/^the estates are \d+\.\d MiB in all \(this one \d+\.\d MiB\): too large for the memory of this Node\.js process: dtcost diff needs about 16 bytes .* and has 22\.0 MiB for them \(a heap of 32\.0 MiB/);
  });

  it('lets through what fits, files under a megabyte, standard input and files that cannot be read', () => {
    expect(memoryProblem('diff', [small, big], heap(4096))).toBeUndefined();
    expect(memoryProblem('explain', [small], heap(16))).toBeUndefined();
    expect(memoryProblem('explain', ['-', join(DIR, 'missing.json')], heap(16))).toBeUndefined();
  });

  it('needs more for explain than for estimate, and leaves files refused by their size to the reader', () => {
    expect(HEAP_PER_BYTE.explain).toBeGreaterThan(HEAP_PER_BYTE.estimate);
    expect(REFUSED_FROM_BYTES).toBe(MAX_INPUT_BYTES);
  });
});

describe('the CLI with a small heap (NODE_OPTIONS=--max-old-space-size=32)', () => {
  const base = estate('base.json', 16_000);
  const head = estate('head.json', 16_000);
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=32' }, maxBuffer: 1 << 28 });

  for (const args of [['diff', base, head, '--format', 'json'], ['explain', base], ['estimate', base, head, '--merge', '--format', 'json']]) {
    it(`dtcost ${args[0]}: exit 2, the file and the size on standard error, nothing on standard output`, () => {
      const r = run(args);
      expect({ status: r.status, signal: r.signal, stdout: r.stdout }).toEqual({ status: 2, signal: null, stdout: '' });
      expect(r.stderr).toMatch(/^\S+\.json: error: the estates? (is|are) \d+\.\d MiB.*too large for the memory of this Node\.js process.*--max-old-space-size/);
      expect(r.stderr).not.toMatch(/heap out of memory/);
    });
  }

  it('a small estate still runs in that heap', () => {
    const r = run(['estimate', estate('tiny.json', 100), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.cost).toMatch(/^\d/);
  });
});

describe('the old generation, from V8\'s heap limit', () => {
  it('is the limit less the young generation (three semi-spaces of 16 MiB), whatever its size', () => {
    // --max-old-space-size=40 makes a heap_size_limit of 88 MiB: 40 of it is the old generation.
    expect(oldGenerationLimit(88 * MiB)).toBe(40 * MiB);
    expect(oldGenerationLimit(4144 * MiB)).toBe(4096 * MiB);
    // --max-semi-space-size=1 --max-old-space-size=40: 43 MiB; a quarter, rather than less than nothing.
    expect(oldGenerationLimit(43 * MiB)).toBe(43 * MiB / 4);
  });
});

describe('estates on standard input (not measured before they are read) in heaps of 24 to 56 MiB', () => {
  // They are validated as they are parsed (src/input/stream.ts), the heap checked as it fills. The
  // old generation of a heap under 96 MiB was once taken for the whole heap_size_limit (24 MiB as
  // 72): these 60,000 entries aborted the process (SIGABRT) in 24 MiB, half-printed.
  const text = JSON.stringify({ version: 1, applications: Array.from({ length: 30_000 }, (_, i) => ({ name: `app-${i}`, visitsPerMonth: 100000 + i, bounceRate: 0.3, replayRate: 0.05 })), synthetic: { http: Array.from({ length: 30_000 }, (_, i) => ({ name: `http-${i}`, requests: 2, frequencyMinutes: 5, locations: 3 })) } });
  for (const mib of [24, 32, 40, 48, 56]) {
    it(`--max-old-space-size=${mib}: the whole estimate, or exit 2 with the sizes; never Node's abort`, () => {
      const r = spawnSync(process.execPath, [BIN, 'estimate', '-', '--format', 'json'], { input: text, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${mib}` }, maxBuffer: 1 << 28 });
      expect(r.signal).toBeNull();
      if (r.status === 0) {
        expect(JSON.parse(r.stdout).lineItems).toHaveLength(90_000);
      } else {
        expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
        expect(r.stderr).toMatch(/too large for the memory Node may use here \(a heap of \d+ MB\).*--max-old-space-size/);
      }
    });
  }
  // The young generation's contents were counted against the old generation's limit: 20,000 hosts
  // (0.6 MB) looked full after 4,096 items in 32-40 MiB, and were refused half-printed.
  it('20,000 hosts run whole in heaps of 32 to 48 MiB', () => {
    const hosts = JSON.stringify({ version: 1, hosts: Array.from({ length: 20_000 }, (_, i) => ({ name: `h${i}`, memoryGiB: 8 })) });
    for (const mib of [32, 40, 48]) {
      const r = spawnSync(process.execPath, [BIN, 'estimate', '-', '--format', 'json'], { input: hosts, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${mib}` }, maxBuffer: 1 << 28 });
      expect({ mib, status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ mib, status: 0, signal: null, stderr: '' });
      expect(JSON.parse(r.stdout).lineItems.length).toBeGreaterThanOrEqual(20_000);
    }
  }, 60_000);
  it('a one-entry estate runs in a heap of 24 MiB', () => {
    const r = spawnSync(process.execPath, [BIN, 'estimate', '-', '--format', 'json'], { input: JSON.stringify({ version: 1, synthetic: { http: [{ name: 'h', requests: 1, frequencyMinutes: 5, locations: 1 }] } }), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=24' } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).totals.cost).toMatch(/^\d/);
  });
});
