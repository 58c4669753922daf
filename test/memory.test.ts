// Out of memory: a command whose estates would not fit in the Node.js heap is refused with the size
// that was too large (exit 2), never left to V8's "JavaScript heap out of memory" abort (src/cli/memory.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HEAP_PER_BYTE, memoryProblem, REFUSED_FROM_BYTES } from '../src/cli/memory.js';
import { MAX_INPUT_BYTES } from '../src/input/load.js';

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
